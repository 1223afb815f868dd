/**
 * The archive package of a large cycle (docs/records.md): the 2,000-entry bench cycle
 * (./generate-scores.ts, written by ./write-cycle-db.ts), each entry with a written account of its
 * own (BENCH_ACCOUNT_KB, 200 kB of PDF by default), packed BENCH_RUNS (3) times by `buildArchive`,
 * the code `npm run archive` and the server's build process run. Target: under 60 s.
 * Baseline in the same run and on the same data: a verified backup of the same database and files
 * (`createBackup`), the other job that reads the whole year off the request thread.
 * Run with `npm run bench -- archive`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCycle } from './generate-scores';
import { writeCycleDb } from './write-cycle-db';
import { median } from './server';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2000);
const ACCOUNT_KB = Number(process.env.BENCH_ACCOUNT_KB ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIMIT_MS = 60_000;

const root = mkdtempSync(join(tmpdir(), 'utmarkelse-archive-bench-'));
process.env.DATABASE_PATH = join(root, 'bench.db');
process.env.FILES_DIR = join(root, 'files');
const { useDatabase } = await import('../src/lib/server/db');
const { storePdfBytes } = await import('../src/lib/server/registry/documents');
const { buildArchive } = await import('../src/lib/server/archive/build');
const { createBackup } = await import('../src/lib/server/backup/create');
const { getCycle } = await import('../src/lib/server/cycles/lookup');

/**
 * A one-page PDF carrying `bytes` of incompressible data in a stream of its own, as scanned pages
 * and photographs make a real account large; different for every entry, so none is stored twice.
 */
function accountPdf(entry: number, bytes: number): Buffer {
	let state = entry * 2654435761;
	const data = Buffer.alloc(bytes, 0).map(() => ((state = (state * 1103515245 + 12345) >>> 0), state >>> 24));
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		null,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	const text = `BT /F1 14 Tf 72 770 Td (Skriftlig redovisning, bidrag ${entry}) Tj ET`;
	const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
	const offsets: number[] = [];
	let length = parts[0].length;
	const push = (b: Buffer) => {
		parts.push(b);
		length += b.length;
	};
	objects.forEach((body, i) => {
		offsets.push(length);
		if (body !== null) return push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
		push(Buffer.from(`${i + 1} 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj\n`));
	});
	offsets.push(length);
	push(Buffer.concat([Buffer.from(`6 0 obj\n<< /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n')]));
	const xref = length;
	push(Buffer.from(`xref\n0 7\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
	return Buffer.concat(parts);
}

try {
	const setupStarted = performance.now();
	const written = writeCycleDb(process.env.DATABASE_PATH, generateCycle({ entries: ENTRIES }));
	useDatabase(written.db);
	const setAccount = written.db.$client.prepare('UPDATE entry SET account_sha256 = ?, account_size = ?, account_file_name = ? WHERE id = ?');
	let stored = 0;
	for (const entryId of written.entryIds.values()) {
		const result = storePdfBytes(accountPdf(entryId, ACCOUNT_KB * 1024));
		if (!result.ok) throw new Error(`account ${entryId}: ${result.reason}`);
		setAccount.run(result.sha256, result.size, `Redovisning ${entryId}.pdf`, entryId);
		stored += result.size;
	}
	written.db.$client.pragma('wal_checkpoint(TRUNCATE)');
	console.log(`${ENTRIES} bidrag med var sin skriftlig redovisning (${(stored / 1_048_576).toFixed(0)} MB i dokumentlagret); förberett på ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
	const cycle = getCycle(written.cycleId)!;

	const archiveMs: number[] = [];
	const backupMs: number[] = [];
	let packageBytes = 0;
	let files = 0;
	for (let run = 0; run < RUNS; run++) {
		// Alternating, so the machine's other load weighs on both alike.
		let t = performance.now();
		const built = await buildArchive(cycle, join(root, 'arkiv', `run-${run}.zip`));
		archiveMs.push(performance.now() - t);
		packageBytes = built.bytes;
		files = built.manifest.files.length + 1;
		rmSync(built.path);
		t = performance.now();
		await createBackup(join(root, 'kopior', `run-${run}`), { databasePath: process.env.DATABASE_PATH, filesDir: process.env.FILES_DIR });
		backupMs.push(performance.now() - t);
		rmSync(join(root, 'kopior', `run-${run}`), { recursive: true, force: true });
	}
	const a = median(archiveMs);
	const b = median(backupMs);
	console.log(`arkivpaket: median ${(a / 1000).toFixed(1)} s över ${RUNS} körningar (${archiveMs.map((x) => (x / 1000).toFixed(1)).join(', ')} s; gräns ${LIMIT_MS / 1000} s), ${files} filer, ${(packageBytes / 1_048_576).toFixed(0)} MB`);
	console.log(`säkerhetskopia av samma år (baslinje): median ${(b / 1000).toFixed(1)} s (${backupMs.map((x) => (x / 1000).toFixed(1)).join(', ')} s)`);
	console.log(`kvot arkivpaket / säkerhetskopia: ${(a / b).toFixed(2)}`);
	if (a > LIMIT_MS) process.exitCode = 1;
} finally {
	rmSync(root, { recursive: true, force: true });
}
