/**
 * Making a backup while the server runs: the database by SQLite's online backup, then the stored
 * files, then a check of the copy and its manifest. It is built in `<dest>.partial` and renamed
 * to `<dest>` only once sound, so a folder with a backup's name always holds a whole one.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { copyDurably, documentPath, listDocuments } from '../registry/documents';
import { backupProblems, manifestOf, type BackupManifest, type FileFact } from '$lib/domain/backup';
import { hashFiles, snapshotDatabase } from './worker';
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

/**
 * Makes a verified backup of the live database and stored files in `dest`; returns its manifest.
 * Every file operation is asynchronous and the hashing is done in the worker, since in the server
 * the requests wait for anything done synchronously here (unlinking an old backup's database alone
 * took a tenth of a second or more).
 */
export async function createBackup(dest: string, sources: BackupSources, options: BackupOptions = {}): Promise<BackupManifest> {
	const target = resolve(dest);
	const databasePath = resolve(sources.databasePath);
	const filesDir = resolve(sources.filesDir);
	if (existsSync(target) && (await readdir(target)).length > 0) throw new Error(`${target} finns redan och är inte tom; en säkerhetskopia skriver aldrig över något.`);
	if (!existsSync(databasePath)) throw new Error(`Databasen ${databasePath} finns inte.`);
	const partial = `${target}.partial`;
	// Left by a backup that was cut off: never a backup, since it was never renamed.
	await rm(partial, { recursive: true, force: true });
	await mkdir(partial, { recursive: true });
	try {
		const startedAt = new Date();
		const database = await snapshotDatabase(databasePath, join(partial, DATABASE_FILE));
		// The files after the database: a file is stored before the row that names it is committed,
		// so every file the copied database names is in the store by now.
		const files = await copyFiles(filesDir, join(partial, FILES_FOLDER), options.linkFrom && join(options.linkFrom, FILES_FOLDER));
		const facts = { database, files, strays: [] };
		const problems = backupProblems(facts);
		if (problems.length) throw new BackupError(problems, 'Säkerhetskopieringen misslyckades');
		const manifest = manifestOf(facts, { startedAt, finishedAt: new Date(), source: { database: databasePath, files: filesDir }, databaseFile: DATABASE_FILE });
		await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, '\t'), { flush: true });
		if (existsSync(target)) await rm(target, { recursive: true });
		await rename(partial, target);
		await syncFolder(dirname(target));
		return manifest;
	} catch (e) {
		await rm(partial, { recursive: true, force: true });
		throw e;
	}
}

/**
 * Copies (or links from `shared`) every stored document into `to` and hashes each copy. A shared
 * copy that no longer hashes to its name is not carried on: the file is copied afresh from the store.
 */
async function copyFiles(from: string, to: string, shared: string | undefined): Promise<FileFact[]> {
	const documents = (await listDocuments(from)).documents;
	const copies = documents.map((d) => documentPath(d.sha256, to));
	const linked = await Promise.all(
		documents.map(async (d, i) => {
			await mkdir(dirname(copies[i]), { recursive: true });
			const earlier = shared ? documentPath(d.sha256, shared) : null;
			// No earlier copy, another file system or no hard links there: copy instead.
			if (earlier && existsSync(earlier) && (await link(earlier, copies[i]).then(() => true, () => false))) return true;
			await copyDurably(d.path, copies[i]);
			return false;
		})
	);
	const hashes = await hashFiles(copies);
	const damaged = documents.flatMap((d, i) => (linked[i] && hashes[i].sha256 !== d.sha256 ? [i] : []));
	for (const i of damaged) {
		await rm(copies[i]);
		await copyDurably(documents[i].path, copies[i]);
	}
	const rehashed = await hashFiles(damaged.map((i) => copies[i]));
	damaged.forEach((i, k) => (hashes[i] = rehashed[k]));
	return documents.map((d, i) => ({ name: d.sha256, ...hashes[i] }));
}
