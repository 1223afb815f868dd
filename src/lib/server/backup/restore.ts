/**
 * Putting a backup in place of the database and the stored files, with the server stopped.
 *
 * Whether a server (or anything else) has the database open is asked of SQLite itself: every
 * connection to a WAL database holds a shared lock on the file for as long as it is open, so a
 * connection in exclusive locking mode cannot begin a transaction while another process has it
 * open, idle or not. The kernel drops those locks when a process ends, however it ends, so unlike
 * a pid file nothing goes stale after a crash, and nothing can be fooled by a reused pid. While
 * the restore runs it holds that lock itself, so a server started meanwhile stops at its first
 * statement instead of opening the old file. (Over NFS file locks are unreliable, and so is SQLite:
 * the database belongs on a local disk.)
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { copyDurably, documentPath, putDocumentCopy } from '../registry/documents';
import type { BackupManifest } from '$lib/domain/backup';
import { DATABASE_FILE, FILES_FOLDER, verifyBackup } from './verify';
import { hashFiles } from './worker';
import { syncFolder, timeStamp } from './disk';
import type { BackupSources } from './create';

export class DatabaseInUse extends Error {}

/** The lock that keeps every other process off a database file until released. */
export interface DatabaseHold {
	release(): void;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** The file starts as every SQLite database does. */
function looksLikeSqlite(path: string): boolean {
	const head = Buffer.alloc(SQLITE_HEADER.length);
	const fd = openSync(path, 'r');
	try {
		return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_HEADER;
	} finally {
		closeSync(fd);
	}
}

/**
 * Takes the database file for this process alone, or throws DatabaseInUse when another process
 * has it open. Null when there is nothing to hold: no file, or one SQLite cannot read at all
 * (then no server can be running on it either; and it is not handed to SQLite, which would tidy
 * away the WAL beside it). Once held, the WAL is folded into the file, so that the file alone is
 * the whole database.
 */
export function holdDatabase(path: string): DatabaseHold | null {
	if (!existsSync(path) || !looksLikeSqlite(path)) return null;
	let client: Database.Database | undefined;
	try {
		client = new Database(path, { fileMustExist: true, timeout: 0 });
		client.pragma('locking_mode = EXCLUSIVE');
		client.exec('BEGIN EXCLUSIVE; COMMIT');
	} catch (e) {
		client?.close();
		const code = (e as { code?: string }).code;
		if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
			throw new DatabaseInUse(`Databasen ${path} används av en annan process, troligen servern. Stoppa servern och försök igen.`);
		}
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return null;
		throw e;
	}
	const held = client;
	held.pragma('journal_mode = DELETE');
	return { release: () => held.close() };
}

export interface RestoreSummary {
	manifest: BackupManifest;
	/** Where the database that was replaced now lies, or null when there was none. */
	setAside: string | null;
	files: { copied: number; present: number; mended: number };
}

/**
 * Restores the backup in `source` to the database file and files folder given: checks the backup
 * first and changes nothing if it is not sound or the database is in use; puts the files in
 * place before the database that names them; keeps the replaced database beside the new one.
 */
export async function restoreBackup(source: string, target: BackupSources, now = new Date()): Promise<RestoreSummary> {
	const from = resolve(source);
	const databasePath = resolve(target.databasePath);
	const manifest = await verifyBackup(from);
	const hold = holdDatabase(databasePath);
	const incoming = `${databasePath}.restoring`;
	try {
		const files = await restoreFiles(join(from, FILES_FOLDER), manifest, resolve(target.filesDir));
		await copyDurably(join(from, DATABASE_FILE), incoming);
		if ((await hashFiles([incoming]))[0].sha256 !== manifest.database.sha256) throw new Error(`Kopian ${incoming} blev inte lik säkerhetskopians databas; databasen är inte ersatt.`);
		const setAside = existsSync(databasePath) ? `${databasePath}.replaced-${timeStamp(now)}` : null;
		if (setAside) {
			// Held, the file is the whole database; unreadable, it goes aside with its journals as found.
			for (const suffix of hold ? [''] : ['', '-wal', '-journal']) {
				if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, setAside + suffix);
			}
			rmSync(`${databasePath}-shm`, { force: true });
		}
		renameSync(incoming, databasePath);
		await syncFolder(dirname(databasePath));
		return { manifest, setAside, files };
	} finally {
		rmSync(incoming, { force: true });
		hold?.release();
	}
}

/** Copies the backup's files into the store; a stored file that no longer hashes to its name is replaced. */
async function restoreFiles(from: string, manifest: BackupManifest, filesDir: string): Promise<RestoreSummary['files']> {
	const wanted = manifest.files.items.map((i) => i.sha256);
	const stored = wanted.filter((sha256) => existsSync(documentPath(sha256, filesDir)));
	const hashes = await hashFiles(stored.map((sha256) => documentPath(sha256, filesDir)));
	const sound = new Set(stored.filter((sha256, i) => hashes[i].sha256 === sha256));
	for (const sha256 of wanted) if (!sound.has(sha256)) await putDocumentCopy(documentPath(sha256, from), sha256, filesDir);
	return { copied: wanted.length - stored.length, present: sound.size, mended: stored.length - sound.size };
}
