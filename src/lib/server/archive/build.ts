/**
 * Building a cycle's archive package (docs/records.md): every file of `packageFiles` in order,
 * hashed as it is written, then the table of contents and last the manifest. The package is written
 * to `<file>.partial` and renamed into place once whole, so a file with a package's name is always
 * a whole package. All of it is read in one read transaction: in WAL mode that is one committed
 * state of the database, however long the writing takes and whatever the server commits meanwhile.
 * Run it off the server's request thread: the server's job (`jobs.ts`) or `npm run archive`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { db } from '../db';
import { filesDir } from '../registry/documents';
import { getCycle, type Cycle } from '../cycles/lookup';
import { INDEX_FILE, MANIFEST_FILE, MANIFEST_FORMAT, mediaTypeOf, type ArchiveManifest, type ArchiveProgress, type ManifestFile } from '$lib/domain/archive';
import { messages } from '$lib/i18n';
import { lastAuditEntry, packageFiles, type Section } from './contents';
import { indexPage } from './index-page';
import { createZip } from './zip-writer';

export interface BuiltArchive {
	path: string;
	bytes: number;
	manifest: ArchiveManifest;
}

/** The package's file name in a folder: `arkivpaket-2026.zip`. */
export function packageFileName(year: number): string {
	return `arkivpaket-${year}.zip`;
}

/** Builds the package of `of` as the file `target`, replacing an earlier one only once it is whole. */
export async function buildArchive(of: Pick<Cycle, 'id'>, target: string, onProgress: (p: ArchiveProgress) => void = () => {}): Promise<BuiltArchive> {
	const path = resolve(target);
	await mkdir(dirname(path), { recursive: true });
	const partial = `${path}.partial`;
	await rm(partial, { force: true });
	const client = db().$client;
	const zip = await createZip(partial);
	try {
		client.exec('BEGIN');
		// Read again inside the transaction, so the settings are of the same state as the rest.
		const cycle = getCycle(of.id);
		if (!cycle) throw new Error('Omgången finns inte längre.');
		const last = lastAuditEntry(cycle.id);
		const head: Omit<ArchiveManifest, 'files'> = {
			format: MANIFEST_FORMAT,
			cycle: { id: cycle.id, year: cycle.year, name: cycle.name, phase: cycle.phase },
			auditLogUntil: last && { id: last.id, at: last.at.toISOString() }
		};
		const planned = packageFiles(cycle);
		const total = planned.length + 2;
		const written: (ManifestFile & { section: Section })[] = [];
		const put = async (file: Omit<ManifestFile, 'sha256' | 'bytes' | 'mediaType'> & { section: Section }, content: Uint8Array) => {
			await zip.add(file.path, content);
			const sha256 = createHash('sha256').update(content).digest('hex');
			written.push({ ...file, sha256, bytes: content.length, mediaType: mediaTypeOf(file.path) });
			onProgress({ done: written.length, total });
		};
		onProgress({ done: 0, total });
		for (const { content, ...file } of planned) await put(file, await content());
		const index = messages('sv').archive.package.files.index;
		await put({ path: INDEX_FILE, section: 'index', title: index, origin: 'tool' }, Buffer.from(indexPage(head, written), 'utf8'));
		const manifest: ArchiveManifest = { ...head, files: written.map(({ section: _section, ...f }) => f) };
		await zip.add(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, '\t') + '\n', 'utf8'));
		onProgress({ done: total, total });
		const bytes = await zip.close();
		await rename(partial, path);
		return { path, bytes, manifest };
	} catch (e) {
		await zip.abort();
		await rm(partial, { force: true });
		throw e;
	} finally {
		if (client.inTransaction) client.exec('COMMIT');
	}
}

/** Where the server keeps the packages it builds: ARCHIVE_DIR, else `archive` beside the stored files. */
export function archiveDir(): string {
	return resolve(process.env.ARCHIVE_DIR ?? join(dirname(filesDir()), 'archive'));
}

/** The package the server has built for a year, if any: its path, size and time. */
export async function builtPackage(year: number): Promise<{ path: string; bytes: number; at: Date } | null> {
	const path = join(archiveDir(), packageFileName(year));
	if (!existsSync(path)) return null;
	const s = await stat(path);
	return { path, bytes: s.size, at: s.mtime };
}
