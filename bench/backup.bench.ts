/**
 * Backups under autosave load, over loopback against the built server (docs/architecture.md#6-backups):
 *
 * 1. seeds a database with BENCH_CLIENTS (60) examiners, each with a draft and a history of
 *    earlier saves (BENCH_REVISIONS, 40,000 in all: about 150 MB, a busy year), and BENCH_FILES
 *    (40) written accounts of 2 MB in the files folder;
 * 2. baseline: for BENCH_SECONDS (20) the examiners autosave at BENCH_RATE (50) saves/s offered,
 *    about what 60 examiners typing at once send, with no backup running;
 * 3. the same load while `npm run backup` runs back to back in another process, for at least
 *    BENCH_SECONDS and until BENCH_BACKUPS (3) backups are done;
 * 4. `npm run restore` of the last of those backups into the database the server runs on: must be
 *    refused;
 * 5. the same load on a server that makes its scheduled backups back to back
 *    (BACKUP_INTERVAL_MINUTES=0.01), reading their durations from the server's log;
 * 6. stops that server, restores its newest backup into a new database and files folder with
 *    `npm run restore`, starts a server on it, and checks that every save acknowledged before that
 *    backup began is there and that the server serves the examiner's page.
 *
 * Prints p50/p99 save latency per phase with its ratio to the baseline of the same run, and the
 * backups' medians. The machine is shared: compare ratios, not absolute times between runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../src/lib/server/auth/password';
import { storePdfBytes } from '../src/lib/server/registry/documents';
import { seedAutosaveBench, type BenchExaminer } from './autosave-seed';
import { ensureBuilt, freePort, HOST, median, percentile, signIn, startServer, stopServer, waitFor } from './server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 60);
const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 40_000);
const FILES = Number(process.env.BENCH_FILES ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const BACKUPS = Number(process.env.BENCH_BACKUPS ?? 3);
const PASSWORD = 'kopia-2026';
const FILLER = 'Enheten följer upp sina mål varje månad och diskuterar avvikelser på arbetsplatsträffarna.';

interface Client {
	examiner: BenchExaminer;
	cookie: string;
	version: number;
	seq: number;
}

interface Ack {
	assessmentId: number;
	version: number;
	notes: string;
	/** Wall-clock time the answer arrived, to compare with a backup's start. */
	at: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function documentFor(client: Client, criterionIds: number[]) {
	const notes = `Anteckning ${client.examiner.userId}-${client.seq}. ${FILLER}`;
	return {
		notes,
		criteria: criterionIds.map((criterionId, i) => ({ criterionId, score: (client.seq % 21) * 5, strengths: [`Styrka ${i}: ${FILLER}`], improvements: [FILLER], notes: '' }))
	};
}

/** Earlier saves of every draft, so the database is as large as mid-season, and the written accounts. */
function growYear(databasePath: string, examiners: BenchExaminer[], criterionIds: number[]): { version: number; fileBytes: number } {
	const db = new Database(databasePath);
	const perDraft = Math.ceil(REVISIONS / examiners.length);
	const insert = db.prepare('INSERT INTO assessment_revision (assessment_id, version, snapshot, saved_by, created_at) VALUES (?, ?, ?, ?, ?)');
	db.transaction(() => {
		for (const e of examiners) {
			for (let v = 2; v <= perDraft + 1; v++) {
				insert.run(e.assessmentId, v, JSON.stringify(documentFor({ examiner: e, cookie: '', version: v, seq: v }, criterionIds)), e.userId, Date.now());
			}
			db.prepare('UPDATE assessment SET version = ? WHERE id = ?').run(perDraft + 1, e.assessmentId);
		}
	})();
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
	let fileBytes = 0;
	for (let i = 0; i < FILES; i++) {
		const body = Buffer.alloc(2 * 1024 * 1024, `Skriftlig redovisning ${i}. ${FILLER}\n`);
		const stored = storePdfBytes(Buffer.concat([Buffer.from('%PDF-1.4\n'), body, Buffer.from('\n%%EOF\n')]));
		if (!stored.ok) throw new Error(`could not store account ${i}`);
		fileBytes += stored.size;
	}
	return { version: perDraft + 1, fileBytes };
}

/**
 * Every client autosaves in turn, paced so that all together offer `rate` saves/s, for `ms` and
 * then for as long as `more()` says.
 */
async function load(origin: string, clients: Client[], criterionIds: number[], acks: Ack[], rate: number, ms: number, more = () => false) {
	const latencies: number[] = [];
	let errors = 0;
	const interval = (clients.length / rate) * 1000;
	const end = performance.now() + ms;
	await Promise.all(
		clients.map(async (c) => {
			let next = performance.now() + Math.random() * interval;
			while (next < end || more()) {
				await sleep(Math.max(0, next - performance.now()));
				c.seq += 1;
				const doc = documentFor(c, criterionIds);
				const t0 = performance.now();
				const response = await fetch(`${origin}/examiner/entries/${c.examiner.entryId}/save`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json', cookie: c.cookie },
					body: JSON.stringify({ baseVersion: c.version, doc })
				});
				const body = await response.json();
				latencies.push(performance.now() - t0);
				if (response.ok) {
					c.version = body.version;
					acks.push({ assessmentId: c.examiner.assessmentId, version: c.version, notes: doc.notes, at: Date.now() });
				} else errors++;
				next = Math.max(next + interval, performance.now());
			}
		})
	);
	return { saves: latencies.length - errors, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

type Figures = Awaited<ReturnType<typeof load>>;

function report(name: string, figures: Figures, baseline?: Figures) {
	const ratio = (a: number, b: number) => (baseline ? ` (×${(a / b).toFixed(2)})` : '');
	console.log(
		`${name}: ${figures.saves} saves, ${figures.errors} failed; latency p50 ${figures.p50.toFixed(1)} ms${ratio(figures.p50, baseline?.p50 ?? 1)}, ` +
			`p99 ${figures.p99.toFixed(1)} ms${ratio(figures.p99, baseline?.p99 ?? 1)}`
	);
}

/** `npm run restore -- <source>` against the given database and files folder: its status, output and time. */
function restore(source: string, databasePath: string, filesDir: string) {
	const started = performance.now();
	const run = spawnSync('npx', ['tsx', 'scripts/restore.ts', source], { env: { ...process.env, DATABASE_PATH: databasePath, FILES_DIR: filesDir }, encoding: 'utf8' });
	return { status: run.status, output: run.stdout + run.stderr, seconds: (performance.now() - started) / 1000 };
}

async function signInAll(origin: string, examiners: BenchExaminer[], version: number): Promise<Client[]> {
	const clients: Client[] = [];
	for (const e of examiners) clients.push({ examiner: e, cookie: await signIn(origin, e.email, PASSWORD), version, seq: 0 });
	return clients;
}

const DONE_IN = /klar(?: och kontrollerad)? på ([\d.]+) s/g;

/**
 * Backups run by `npm run backup` one after another until stopped: their durations as it prints
 * them, and the last one, which is kept.
 */
function backupsBackToBack(dir: string, databasePath: string, filesDir: string) {
	const seconds: number[] = [];
	let running = true;
	let last = '';
	const done = (async () => {
		for (let i = 0; running; i++) {
			const status = await new Promise<number | null>((resolve) => {
				const child = spawn('npx', ['tsx', 'scripts/backup.ts', join(dir, `cli-${i}`)], {
					env: { ...process.env, DATABASE_PATH: databasePath, FILES_DIR: filesDir },
					stdio: ['ignore', 'pipe', 'inherit']
				});
				child.stdout.on('data', (chunk: Buffer) => seconds.push(...[...chunk.toString().matchAll(DONE_IN)].map((m) => Number(m[1]))));
				child.on('exit', resolve);
			});
			if (status !== 0) throw new Error(`npm run backup failed (exit ${status})`);
			if (last) rmSync(last, { recursive: true, force: true });
			last = join(dir, `cli-${i}`);
		}
	})();
	return {
		seconds,
		async stop() {
			running = false;
			await done;
			return { seconds, last };
		}
	};
}

/** The server's "Säkerhetskopia … klar på X s" lines, as they come. */
function scheduledDurations(server: ChildProcess): number[] {
	const seconds: number[] = [];
	server.stdout?.on('data', (chunk: Buffer) => seconds.push(...[...chunk.toString().matchAll(DONE_IN)].map((m) => Number(m[1]))));
	return seconds;
}

async function main() {
	ensureBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-backup-bench-'));
	const databasePath = join(dir, 'live.db');
	const filesDir = join(dir, 'files');
	const backupDir = join(dir, 'backups');
	process.env.FILES_DIR = filesDir;
	let server: ChildProcess | undefined;
	try {
		const seed = seedAutosaveBench(databasePath, CLIENTS, await hashPassword(PASSWORD));
		const { version, fileBytes } = growYear(databasePath, seed.examiners, seed.criterionIds);
		const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
		console.log(
			`backup: ${CLIENTS} examiners, ${REVISIONS} earlier saves (database ${megabytes(statSync(databasePath).size)} MB), ${FILES} accounts ` +
				`(${megabytes(fileBytes)} MB); ` +
				`${SECONDS} s per phase at ${RATE} saves/s offered; node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`
		);

		const acks: Ack[] = [];
		let port = await freePort();
		let origin = `http://${HOST}:${port}`;
		server = startServer({ port, databasePath, env: { FILES_DIR: filesDir } });
		await waitFor(`${origin}/login`);
		const clients = await signInAll(origin, seed.examiners, version);
		// Warm-up: a server that has just started compiles its hot paths.
		await load(origin, clients, seed.criterionIds, acks, RATE, 3000);
		const baseline = await load(origin, clients, seed.criterionIds, acks, RATE, SECONDS * 1000);
		report('baseline, no backup', baseline);
		const cliBackups = backupsBackToBack(dir, databasePath, filesDir);
		const cli = await load(origin, clients, seed.criterionIds, acks, RATE, SECONDS * 1000, () => cliBackups.seconds.length < BACKUPS);
		const { seconds: cliSeconds, last: cliBackup } = await cliBackups.stop();
		report(`during npm run backup (${cliSeconds.length} backups, median ${median(cliSeconds).toFixed(1)} s each)`, cli, baseline);
		const inUse = restore(cliBackup, databasePath, filesDir);
		console.log(`restore while the server runs: exit ${inUse.status}${inUse.output.includes('används av en annan process') ? ', refused as in use' : `: ${inUse.output}`}`);
		await stopServer(server);

		port = await freePort();
		origin = `http://${HOST}:${port}`;
		server = startServer({ port, databasePath, env: { FILES_DIR: filesDir, BACKUP_DIR: backupDir, BACKUP_INTERVAL_MINUTES: '0.01' }, stdout: 'pipe' });
		const scheduled = scheduledDurations(server);
		await waitFor(`${origin}/login`);
		// Sessions live in the database: the clients carry on where they were.
		await load(origin, clients, seed.criterionIds, acks, RATE, 3000);
		const warm = scheduled.length;
		const during = await load(origin, clients, seed.criterionIds, acks, RATE, SECONDS * 1000, () => scheduled.length - warm < BACKUPS);
		const inPhase = scheduled.slice(warm);
		report(`during scheduled backups in the server (${inPhase.length} backups, median ${median(inPhase).toFixed(1)} s each)`, during, baseline);

		// Stopped at once, so the newest finished backup began while the examiners were saving.
		await stopServer(server);
		server = undefined;
		const newest = readdirSync(backupDir).filter((n) => /^utmarkelse-\d{8}T\d{6}Z$/.test(n)).sort().at(-1)!;

		const manifest = JSON.parse(readFileSync(join(backupDir, newest, 'manifest.json'), 'utf8'));
		const restoredPath = join(dir, 'restored', 'utmarkelse.db');
		const restoredFiles = join(dir, 'restored', 'files');
		mkdirSync(join(dir, 'restored'));
		const restored = restore(join(backupDir, newest), restoredPath, restoredFiles);
		console.log(`restore of ${newest} into a new database: exit ${restored.status} in ${restored.seconds.toFixed(1)} s`);
		port = await freePort();
		origin = `http://${HOST}:${port}`;
		server = startServer({ port, databasePath: restoredPath, env: { FILES_DIR: restoredFiles } });
		await waitFor(`${origin}/login`);
		const page = await fetch(`${origin}/examiner/entries/${seed.examiners[0].entryId}`, { headers: { cookie: await signIn(origin, seed.examiners[0].email, PASSWORD) } });
		const copy = new Database(restoredPath, { readonly: true });
		const revision = copy.prepare<[number, number], { snapshot: string }>('SELECT snapshot FROM assessment_revision WHERE assessment_id = ? AND version = ?');
		const before = acks.filter((a) => a.at < Date.parse(manifest.startedAt));
		const lost = before.filter((a) => JSON.parse(revision.get(a.assessmentId, a.version)?.snapshot ?? '{}').notes !== a.notes);
		copy.close();
		console.log(
			`restored server: examiner's page ${page.status}; ${before.length} saves acknowledged before the backup began, ${lost.length} lost; ` +
				`${acks.length - before.length} acknowledged after it (not expected in it)`
		);
		const ok = inUse.status === 1 && restored.status === 0 && page.status === 200 && lost.length === 0 && before.length > 0;
		console.log(`result: ${ok ? 'backups restore, nothing acknowledged before a backup was lost' : 'FAILED'}`);
		if (!ok) process.exitCode = 1;
	} finally {
		if (server) await stopServer(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
