/**
 * WAL checkpoints outside requests. SQLite's automatic checkpoint runs inside the commit that
 * takes the WAL past `wal_autocheckpoint` pages (1,000): that one request copies the WAL back into
 * the database and waits for two fsyncs, which under autosave load is a stall of tens of
 * milliseconds every few hundred saves.
 *
 * In the server a worker thread with its own connection runs a PASSIVE checkpoint every 200 ms
 * instead, and syncs the database file after it: the copying and nearly all of the syncing happen
 * there, without waiting for or blocking the request connection. That alone never lets the WAL
 * start over, though: SQLite restarts the WAL only at a write that finds every frame copied, and
 * under steady load new frames arrive while the worker syncs. So once the WAL is long, the worker
 * catches up until a pass is quick, and then the request connection copies what arrived since,
 * between requests (tens of frames, a few milliseconds at most), so that its next write starts the
 * WAL from the beginning. A high `wal_autocheckpoint` stays as a safety net should the worker fall
 * behind or stop.
 *
 * Durability is untouched: a commit is durable once it is in the WAL (synchronous=NORMAL survives
 * a process crash), whichever connection later copies it into the database file, and the extra
 * sync only makes the database file durable sooner.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { DB } from './open';

/** Frames (pages) after which the WAL should start over: about 16 MB. */
const RESTART_FRAMES = 4000;
/**
 * A pass this quick leaves only a few dozen frames behind it for the request connection to copy;
 * after a slower one the request connection leaves the WAL to the next round.
 */
const QUICK_PASS_MS = 10;
/** About 80 MB of WAL: reached only if the worker has stopped checkpointing. */
const SAFETY_NET_FRAMES = 20_000;
const SQLITE_DEFAULT_FRAMES = 1000;

// Plain CommonJS for `eval`: the server bundle has no file of its own to point a worker at.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fsyncSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
// Never closed: closing any descriptor of the file would drop the process's SQLite locks on it.
const file = openSync(workerData.path, 'r');
// Copies the WAL into the database and syncs it; SQLite syncs the database only after a pass that
// found nothing new at its end, which under load is never, so the sync here is ours.
function pass() {
	const started = performance.now();
	const [row] = db.pragma('wal_checkpoint(PASSIVE)');
	fsyncSync(file);
	return { ...row, ms: performance.now() - started };
}
// A pass that meets another checkpoint reports busy and the next round catches up; an error ends
// the worker, and the request connection checkpoints as SQLite does by default again.
function round() {
	let last = pass();
	// Once the WAL is long, catch up until a pass is quick: what arrived during it is then all
	// the request connection has left to copy before the WAL can start over.
	for (let i = 0; i < 3 && last.log >= workerData.restartFrames && last.ms > workerData.quickMs; i++) last = pass();
	parentPort.postMessage(last);
	setTimeout(round, workerData.intervalMs);
}
round();
`;

interface Pass {
	busy: number;
	log: number;
	checkpointed: number;
	ms: number;
}

export interface CheckpointOptions {
	intervalMs?: number;
	restartFrames?: number;
}

const started = new WeakSet<object>();

/**
 * Moves checkpointing of a database file to a worker thread; returns what stops it again (tests).
 * Does nothing for an in-memory or temporary database, or when already started for this one.
 */
export function startCheckpointer(database: DB, { intervalMs = 200, restartFrames = RESTART_FRAMES }: CheckpointOptions = {}): () => Promise<void> {
	const client = database.$client;
	if (started.has(client) || client.memory || client.name === '') return async () => {};
	started.add(client);
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER, { eval: true, workerData: { driver, path: resolve(client.name), intervalMs, restartFrames, quickMs: QUICK_PASS_MS } });
	client.pragma(`wal_autocheckpoint = ${SAFETY_NET_FRAMES}`);
	let running = true;
	worker.on('message', (pass: Pass) => {
		const complete = !pass.busy && pass.checkpointed === pass.log;
		if (!running || !complete || pass.log < restartFrames || pass.ms > QUICK_PASS_MS || !client.open) return;
		try {
			client.pragma('wal_checkpoint(PASSIVE)');
		} catch (e) {
			console.error('Databasen: checkpoint misslyckades', e);
		}
	});
	// Without the worker, the request connection checkpoints as SQLite does by default again.
	const stopped = (reason?: unknown) => {
		if (!running) return;
		running = false;
		started.delete(client);
		if (reason) console.error('Databasen: checkpoint-tråden stannade; checkpoints sker i förfrågningarna igen', reason);
		if (client.open) client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_FRAMES}`);
	};
	worker.on('error', stopped);
	worker.on('exit', (code) => stopped(`exit ${code}`));
	// The server's own end (SIGTERM, SIGINT) ends the process; the worker must not hold it open.
	worker.unref();
	return async () => {
		stopped();
		await worker.terminate();
	};
}
