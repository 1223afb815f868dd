/**
 * A backup is a folder: `utmarkelse.db` (the database, one file without a WAL), `files/` (the
 * stored documents, laid out as under FILES_DIR) and `manifest.json` (what it held when made).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { listDocuments } from '../registry/documents';
import { backupProblems, MANIFEST_FORMAT, type BackupFacts, type BackupManifest } from '$lib/domain/backup';
import { hashFiles, inspectDatabase } from './worker';

export const DATABASE_FILE = 'utmarkelse.db';
export const FILES_FOLDER = 'files';
export const MANIFEST_FILE = 'manifest.json';

/** A backup that is not sound, with every reason. */
export class BackupError extends Error {
	constructor(
		readonly problems: string[],
		summary = 'Säkerhetskopian går inte att lita på'
	) {
		super(`${summary}: ${problems.join(' ')}`);
	}
}

/** Hashes every file in a folder laid out like the store, and lists what does not belong there. */
async function fileFacts(dir: string): Promise<Pick<BackupFacts, 'files' | 'strays'>> {
	const { documents, strays } = await listDocuments(dir);
	const hashes = await hashFiles(documents.map((d) => d.path));
	return { files: documents.map((d, i) => ({ name: d.sha256, ...hashes[i] })), strays };
}

const count = z.number().int().min(0);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const manifestSchema = z.object({
	format: z.literal(MANIFEST_FORMAT),
	startedAt: z.iso.datetime(),
	finishedAt: z.iso.datetime(),
	source: z.object({ database: z.string(), files: z.string() }),
	database: z.object({ file: z.literal(DATABASE_FILE), bytes: count, sha256, tables: z.record(z.string(), count) }),
	files: z.object({ count, bytes: count, items: z.array(z.object({ sha256, bytes: count })) })
}) satisfies z.ZodType<BackupManifest>;

export async function readManifest(dir: string): Promise<BackupManifest> {
	const path = join(dir, MANIFEST_FILE);
	if (!existsSync(path)) throw new BackupError([`${path} saknas.`], 'Ingen säkerhetskopia');
	let json: unknown;
	try {
		json = JSON.parse(await readFile(path, 'utf8'));
	} catch (e) {
		throw new BackupError([`${path} går inte att läsa: ${(e as Error).message}`]);
	}
	const parsed = manifestSchema.safeParse(json);
	if (!parsed.success) {
		const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(hela filen)'))];
		throw new BackupError([`${path} saknar eller har fel värde i: ${fields.join(', ')}.`]);
	}
	return parsed.data;
}

/**
 * Checks a backup as it lies on disk against its manifest and the rules of a sound backup: the
 * database's checksum, integrity and rows, and every file's checksum. Throws a BackupError naming
 * every fault; returns the manifest when all is well.
 */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BackupError([`${dir} är ingen mapp.`], 'Ingen säkerhetskopia');
	const manifest = await readManifest(dir);
	const databasePath = join(dir, DATABASE_FILE);
	const database = existsSync(databasePath) ? await inspectDatabase(databasePath) : null;
	const problems = backupProblems({ database, ...(await fileFacts(join(dir, FILES_FOLDER))) }, manifest);
	if (problems.length) throw new BackupError(problems);
	return manifest;
}

export const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** What a backup holds, in a few Swedish lines for the scripts to print. */
export function describeBackup(manifest: BackupManifest): string[] {
	const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0);
	return [
		`  tagen     ${manifest.startedAt} (klar ${manifest.finishedAt})`,
		`  databas   ${manifest.database.file}: ${megabytes(manifest.database.bytes)}, ${Object.keys(manifest.database.tables).length} tabeller, ${rows} rader, integritetskontroll ok, SHA-256 ${manifest.database.sha256}`,
		`  filer     ${FILES_FOLDER}/: ${manifest.files.count} filer, ${megabytes(manifest.files.bytes)}, varje fils SHA-256 stämmer med dess namn`,
		`  manifest  ${MANIFEST_FILE}`
	];
}
