/**
 * Backups under autosave load, over loopback against the built server (docs/architecture.md#6-backups):
 *
 * 1. seeds a database with BENCH_CLIENTS (60) examiners, each with a draft and a history of
 *    earlier saves (BENCH_REVISIONS, 40,000 in all: about 150 MB, a busy year), and BENCH_FILES
 *    (40) written accounts of 2 MB in the files folder;
 * 2. the examiners autosave at BENCH_RATE (50) saves/s offered, about what 60 examiners typing at
 *    once send, for at least BENCH_SECONDS (20) and until BENCH_BACKUPS (3) backups are done,
 *    while `npm run backup` runs over and over in another process, with a pause between runs;
 * 3. `npm run restore` of the last of those backups into the database the server runs on: must be
 *    refused;
 * 4. the same load on a server that makes its own backups every BENCH_BACKUP_INTERVAL_MINUTES (0.05);
 * 5. stops that server, restores its newest backup into a new database and files folder with
 *    `npm run restore`, starts a server on it, and checks that every save acknowledged before that
 *    backup began is there and that the server serves the examiner's page.
 *
 * Each backup's time is read from what it prints when done ("klar … på X s"). The saves that
 * overlapped a backup are compared with those that did not, in the same phase and on the same
 * server, so the machine's other load, which moves a lot on a shared machine, weighs on both alike:
 * p50 and p99 of each, and their ratio.
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
const INTERVAL_MINUTES = process.env.BENCH_BACKUP_INTERVAL_MINUTES ?? '0.05';
/** Between two runs of `npm run backup`: as long as the server waits between its own. */
const PAUSE_MS = Number(INTERVAL_MINUTES) * 60_000;
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

interface Save {
	start: number;
	end: number;
	ok: boolean;
}

/** When a backup ran, by performance.now(). */
type Window = [number, number];

/**
 * Every client autosaves in turn, paced so that all together offer `rate` saves/s, for `ms` and
 * then for as long as `more()` says.
 */
async function load(origin: string, clients: Client[], criterionIds: number[], acks: Ack[], rate: number, ms: number, more = () => false): Promise<Save[]> {
	const saves: Save[] = [];
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
				saves.push({ start: t0, end: performance.now(), ok: response.ok });
				if (response.ok) {
					c.version = body.version;
					acks.push({ assessmentId: c.examiner.assessmentId, version: c.version, notes: doc.notes, at: Date.now() });
				}
				next = Math.max(next + interval, performance.now());
			}
		})
	);
	return saves;
}

/** Save latencies while a backup ran against those while none did, in one phase. */
function report(name: string, saves: Save[], windows: Window[], seconds = windows.map(([from, to]) => (to - from) / 1000)) {
	const during = (s: Save) => windows.some(([from, to]) => s.start < to && s.end > from);
	const figures = (list: Save[]) => {
		const ms = list.map((s) => s.end - s.start);
		return { n: list.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
	};
	const inside = figures(saves.filter(during));
	const outside = figures(saves.filter((s) => !during(s)));
	console.log(
		`${name}: ${windows.length} backups, median ${median(seconds).toFixed(1)} s; ${saves.filter((s) => !s.ok).length} saves failed; ` +
			`saves during a backup p50 ${inside.p50.toFixed(1)} ms, p99 ${inside.p99.toFixed(1)} ms (${inside.n}); ` +
			`outside p50 ${outside.p50.toFixed(1)} ms, p99 ${outside.p99.toFixed(1)} ms (${outside.n}); ` +
			`ratio p50 ×${(inside.p50 / outside.p50).toFixed(2)}, p99 ×${(inside.p99 / outside.p99).toFixed(2)}`
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

/** Collects a backup's window from each "klar … på X s" it prints: the X seconds up to now. */
function collectWindows(output: NodeJS.ReadableStream, windows: Window[]): void {
	output.on('data', (chunk: Buffer) => {
		for (const match of chunk.toString().matchAll(DONE_IN)) windows.push([performance.now() - Number(match[1]) * 1000, performance.now()]);
	});
}

/**
 * `npm run backup` over and over until stopped, a pause between runs; the last backup is kept.
 * Its windows are the whole run of the script, from start to exit, since starting it (tsx
 * compiling the TypeScript) costs the machine as much as the backup.
 */
function backupsOverAndOver(dir: string, databasePath: string, filesDir: string) {
	const windows: Window[] = [];
	const seconds: number[] = [];
	let running = true;
	let last = '';
	const done = (async () => {
		for (let i = 0; running; i++) {
			const started = performance.now();
			const status = await new Promise<number | null>((resolve) => {
				const child = spawn('npx', ['tsx', 'scripts/backup.ts', join(dir, `cli-${i}`)], {
					env: { ...process.env, DATABASE_PATH: databasePath, FILES_DIR: filesDir },
					stdio: ['ignore', 'pipe', 'inherit']
				});
				child.stdout.on('data', (chunk: Buffer) => seconds.push(...[...chunk.toString().matchAll(DONE_IN)].map((m) => Number(m[1]))));
				child.on('exit', resolve);
			});
			if (status !== 0) throw new Error(`npm run backup failed (exit ${status})`);
			windows.push([started, performance.now()]);
			if (last) rmSync(last, { recursive: true, force: true });
			last = join(dir, `cli-${i}`);
			await sleep(PAUSE_MS);
		}
	})();
	return {
		windows,
		seconds,
		async stop() {
			running = false;
			await done;
			return last;
		}
	};
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
				`${RATE} saves/s offered; node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`
		);

		const acks: Ack[] = [];
		let port = await freePort();
		let origin = `http://${HOST}:${port}`;
		server = startServer({ port, databasePath, env: { FILES_DIR: filesDir } });
		await waitFor(`${origin}/login`);
		const clients = await signInAll(origin, seed.examiners, version);
		// Warm-up: a server that has just started compiles its hot paths.
		await load(origin, clients, seed.criterionIds, acks, RATE, 3000);
		const cli = backupsOverAndOver(dir, databasePath, filesDir);
		const cliSaves = await load(origin, clients, seed.criterionIds, acks, RATE, SECONDS * 1000, () => cli.windows.length < BACKUPS);
		const cliBackup = await cli.stop();
		report('npm run backup in another process (windows: the whole script)', cliSaves, cli.windows, cli.seconds);
		const inUse = restore(cliBackup, databasePath, filesDir);
		console.log(`restore while the server runs: exit ${inUse.status}${inUse.output.includes('används av en annan process') ? ', refused as in use' : `: ${inUse.output}`}`);
		await stopServer(server);

		port = await freePort();
		origin = `http://${HOST}:${port}`;
		server = startServer({ port, databasePath, env: { FILES_DIR: filesDir, BACKUP_DIR: backupDir, BACKUP_INTERVAL_MINUTES: INTERVAL_MINUTES }, stdout: 'pipe' });
		const scheduled: Window[] = [];
		collectWindows(server.stdout!, scheduled);
		await waitFor(`${origin}/login`);
		// Sessions live in the database: the clients carry on where they were.
		await load(origin, clients, seed.criterionIds, acks, RATE, 3000);
		const from = performance.now();
		const saves = await load(origin, clients, seed.criterionIds, acks, RATE, SECONDS * 1000, () => scheduled.filter(([start]) => start >= from).length < BACKUPS);
		report(`the server's own backups every ${INTERVAL_MINUTES} minutes`, saves, scheduled.filter(([, to]) => to >= from));

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
