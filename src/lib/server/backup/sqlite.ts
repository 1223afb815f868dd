/**
 * The SQLite side of a backup, in a worker thread with connections of its own: copying a live
 * database takes a second or more for a year's data, and checking a copy's integrity as long, and
 * neither may hold up the server's requests. The copy is SQLite's online backup in one step: one
 * read transaction sees one committed state, and in WAL mode the server keeps writing meanwhile.
 * (In small steps, every write the server commits between two steps would start the copy over.)
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export interface DatabaseFacts {
	integrity: string[];
	tables: Record<string, number>;
	referencedFiles: string[];
}

/** The stored files the database's records name: the written accounts. */
const REFERENCED_FILES_SQL = 'SELECT DISTINCT account_sha256 AS sha256 FROM entry WHERE account_sha256 IS NOT NULL';

// Plain CommonJS for `eval`: the server bundle has no file of its own to point a worker at.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);

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
	try {
		let integrity;
		try {
			integrity = db.pragma('integrity_check(20)').map((row) => row.integrity_check);
		} catch (e) {
			return { integrity: [e.message], tables: {}, referencedFiles: [] };
		}
		const tables = {};
		for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()) {
			tables[name] = db.prepare('SELECT count(*) AS n FROM "' + name.replaceAll('"', '""') + '"').get().n;
		}
		const referencedFiles = db.prepare(workerData.referencedFilesSql).all().map((row) => row.sha256);
		return { integrity, tables, referencedFiles };
	} finally {
		db.close();
	}
}

(async () => {
	const { job, source, dest } = workerData;
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

function run(workerData: { job: 'snapshot' | 'inspect'; source?: string; dest: string }): Promise<DatabaseFacts> {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	return new Promise((done, fail) => {
		const worker = new Worker(WORKER, { eval: true, workerData: { ...workerData, driver, referencedFilesSql: REFERENCED_FILES_SQL } });
		worker.once('message', (answer: DatabaseFacts | { error: string; code?: string }) => {
			if ('error' in answer) fail(new SqliteError(answer.error, answer.code));
			else done(answer);
		});
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`the backup worker stopped (exit ${code})`)));
	});
}

/** Copies the live database at `source` into the new file `dest`, then inspects the copy. */
export function snapshotDatabase(source: string, dest: string): Promise<DatabaseFacts> {
	return run({ job: 'snapshot', source: resolve(source), dest: resolve(dest) });
}

/** Checks a database file's integrity, counts its rows and lists the files it names. */
export function inspectDatabase(path: string): Promise<DatabaseFacts> {
	return run({ job: 'inspect', dest: resolve(path) });
}
