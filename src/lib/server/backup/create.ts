/**
 * Making a backup while the server runs: the database by SQLite's online backup, then the stored
 * files, then a check of the copy and its manifest. It is built in `<dest>.partial` and renamed
 * to `<dest>` only once sound, so a folder with a backup's name always holds a whole one.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { copyDurably, documentPath, listDocuments, sha256OfFile } from '../registry/documents';
import { backupProblems, manifestOf, type BackupManifest, type FileFact } from '$lib/domain/backup';
import { snapshotDatabase } from './sqlite';
import { BackupError, DATABASE_FILE, FILES_FOLDER, MANIFEST_FILE } from './verify';
import { syncFolder } from './disk';

export interface BackupSources {
	databasePath: string;
	filesDir: string;
}

export interface BackupOptions {
	/**
	 * An earlier backup whose copies of the files may be shared (hard links): stored files never
	 * change, so a schedule's backups need room for each file once, not once per backup.
	 */
	linkFrom?: string;
}

/** Makes a verified backup of the live database and stored files in `dest`; returns its manifest. */
export async function createBackup(dest: string, sources: BackupSources, options: BackupOptions = {}): Promise<BackupManifest> {
	const target = resolve(dest);
	const databasePath = resolve(sources.databasePath);
	const filesDir = resolve(sources.filesDir);
	if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} finns redan och är inte tom; en säkerhetskopia skriver aldrig över något.`);
	if (!existsSync(databasePath)) throw new Error(`Databasen ${databasePath} finns inte.`);
	const partial = `${target}.partial`;
	// Left by a backup that was cut off: never a backup, since it was never renamed.
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	try {
		const startedAt = new Date();
		const databaseCopy = join(partial, DATABASE_FILE);
		const inspected = await snapshotDatabase(databasePath, databaseCopy);
		const database = { bytes: (await stat(databaseCopy)).size, sha256: await sha256OfFile(databaseCopy), ...inspected };
		// The files after the database: a file is stored before the row that names it is committed,
		// so every file the copied database names is in the store by now.
		const files = await copyFiles(filesDir, join(partial, FILES_FOLDER), options.linkFrom && join(options.linkFrom, FILES_FOLDER));
		const facts = { database, files, strays: [] };
		const problems = backupProblems(facts);
		if (problems.length) throw new BackupError(problems, 'Säkerhetskopieringen misslyckades');
		const manifest = manifestOf(facts, { startedAt, finishedAt: new Date(), source: { database: databasePath, files: filesDir }, databaseFile: DATABASE_FILE });
		await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, '\t'), { flush: true });
		if (existsSync(target)) rmSync(target, { recursive: true });
		renameSync(partial, target);
		syncFolder(dirname(target));
		return manifest;
	} catch (e) {
		rmSync(partial, { recursive: true, force: true });
		throw e;
	}
}

/**
 * Copies (or links from `shared`) every stored document into `to` and hashes each copy. A shared
 * copy that no longer hashes to its name is not carried on: the file is copied afresh from the store.
 */
async function copyFiles(from: string, to: string, shared: string | undefined): Promise<FileFact[]> {
	const facts: FileFact[] = [];
	for (const document of (await listDocuments(from)).documents) {
		const copy = documentPath(document.sha256, to);
		const earlier = shared && documentPath(document.sha256, shared);
		let sha256: string | null = null;
		mkdirSync(dirname(copy), { recursive: true });
		if (earlier && existsSync(earlier)) {
			try {
				linkSync(earlier, copy);
				sha256 = await sha256OfFile(copy);
				if (sha256 !== document.sha256) rmSync(copy);
			} catch {
				// Another file system, or no hard links there: copy instead.
				sha256 = null;
			}
		}
		if (sha256 !== document.sha256) {
			await copyDurably(document.path, copy);
			sha256 = await sha256OfFile(copy);
		}
		facts.push({ name: document.sha256, sha256, bytes: (await stat(copy)).size });
	}
	return facts;
}
