/**
 * The heavy work of a backup, in a worker thread: copying a live database takes seconds for a
 * year's data, checking the copy's integrity as long, and hashing it and the stored files longer
 * still; none of it may hold up the server's requests. The copy is SQLite's online backup in one
 * step, on a connection of the worker's own: one read transaction sees one committed state, and in
 * WAL mode the server keeps writing meanwhile. (In small steps, every write the server commits
 * between two steps would start the copy over.)
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { BackupFacts } from '$lib/domain/backup';

export type DatabaseFacts = NonNullable<BackupFacts['database']>;

/** The stored files the database's records name: the written accounts. */
const REFERENCED_FILES_SQL = 'SELECT DISTINCT account_sha256 AS sha256 FROM entry WHERE account_sha256 IS NOT NULL';

// Plain CommonJS for `eval`: the server bundle has no file of its own to point a worker at.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const Database = require(workerData.driver);
// On Linux a thread's nice value is its own: the backup's thread gives way to the requests.
if (process.platform === 'linux') require('node:os').setPriority(19);

function sha256(path) {
	const hash = createHash('sha256');
	const buffer = Buffer.alloc(1 << 20);
	const fd = openSync(path, 'r');
	try {
		let bytes = 0;
		for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
		return { sha256: hash.digest('hex'), bytes };
	} finally {
		closeSync(fd);
	}
}

async function snapshot(source, dest) {
	const live = new Database(source, { fileMustExist: true, timeout: 5000 });
	try {
		// The first step only counts the pages; the second copies them all.
		await live.backup(dest, { progress: () => 0x7fffffff });
	} finally {
		live.close();
	}
	// A backup is one self-contained file: no WAL beside it.
	const copy = new Database(dest, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
}

function inspect(path) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	const facts = { ...sha256(path), integrity: [], tables: {}, referencedFiles: [] };
	try {
		facts.integrity = db.pragma('integrity_check(20)').map((row) => row.integrity_check);
		for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()) {
			facts.tables[name] = db.prepare('SELECT count(*) AS n FROM "' + name.replaceAll('"', '""') + '"').get().n;
		}
		facts.referencedFiles = db.prepare(workerData.referencedFilesSql).all().map((row) => row.sha256);
	} catch (e) {
		if (facts.integrity.length === 0) facts.integrity = [e.message];
	} finally {
		db.close();
	}
	return facts;
}

(async () => {
	const { job, source, dest, paths } = workerData;
	if (job === 'hash') return parentPort.postMessage(paths.map(sha256));
	if (job === 'snapshot') await snapshot(source, dest);
	parentPort.postMessage(inspect(dest));
})().catch((e) => parentPort.postMessage({ error: e.message, code: e.code }));
`;

/** A failure of SQLite's own, with its code (SQLITE_NOTADB, SQLITE_CORRUPT, …). */
export class SqliteError extends Error {
	constructor(
		message: string,
		readonly code: string | undefined
	) {
		super(message);
	}
}

type Job = { job: 'snapshot'; source: string; dest: string } | { job: 'inspect'; dest: string } | { job: 'hash'; paths: string[] };

function run<T>(job: Job): Promise<T> {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	return new Promise((done, fail) => {
		const worker = new Worker(WORKER, { eval: true, workerData: { ...job, driver, referencedFilesSql: REFERENCED_FILES_SQL } });
		worker.once('message', (answer: T | { error: string; code?: string }) => {
			if (answer && typeof answer === 'object' && 'error' in answer) fail(new SqliteError(answer.error, answer.code));
			else done(answer as T);
		});
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`the backup worker stopped (exit ${code})`)));
	});
}

/** Copies the live database at `source` into the new file `dest`, then inspects the copy. */
export function snapshotDatabase(source: string, dest: string): Promise<DatabaseFacts> {
	return run({ job: 'snapshot', source: resolve(source), dest: resolve(dest) });
}

/** A database file's size and SHA-256, its integrity, its rows per table and the files it names. */
export function inspectDatabase(path: string): Promise<DatabaseFacts> {
	return run({ job: 'inspect', dest: resolve(path) });
}

/** The SHA-256 and size of each file, in order. */
export function hashFiles(paths: string[]): Promise<{ sha256: string; bytes: number }[]> {
	return paths.length ? run({ job: 'hash', paths: paths.map((p) => resolve(p)) }) : Promise.resolve([]);
}
