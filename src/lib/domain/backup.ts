/**
 * The rules for backups (docs/architecture.md#6-backups): what makes a backup sound, which
 * backups a schedule keeps, and when the admin should be warned. Pure: the server gathers the facts.
 */
import { stockholmDay } from './dates';

export const MANIFEST_FORMAT = 'utmarkelse-backup/1';

/** One stored file as found: the name it is stored under (its SHA-256) and what its content hashes to. */
export interface FileFact {
	name: string;
	sha256: string;
	bytes: number;
}

/** What a look at a backup (or at one being made) found. */
export interface BackupFacts {
	database: {
		bytes: number;
		sha256: string;
		/** `PRAGMA integrity_check`'s lines: exactly ['ok'] for a sound database. */
		integrity: string[];
		/** Rows per table. */
		tables: Record<string, number>;
		/** The stored files the database's records name. */
		referencedFiles: string[];
	} | null;
	files: FileFact[];
	/** Paths under the files folder that are not stored files (a stored file is `<first two hex digits>/<SHA-256>`). */
	strays: string[];
}

/** `manifest.json`: what the backup held when it was made, to check it against later. */
export interface BackupManifest {
	format: typeof MANIFEST_FORMAT;
	/** When the copy of the database began: every save acknowledged before then is in it. */
	startedAt: string;
	finishedAt: string;
	source: { database: string; files: string };
	database: { file: string; bytes: number; sha256: string; tables: Record<string, number> };
	files: { count: number; bytes: number; items: { sha256: string; bytes: number }[] };
}

const shortHash = (sha256: string) => sha256.slice(0, 12);

/**
 * Why a backup cannot be trusted, in Swedish, one line per fault; empty when it is sound: the
 * database passes its integrity check, every file hashes to its name, every file the database
 * names is there, and, when the manifest is given, everything is as the manifest recorded it.
 */
export function backupProblems(facts: BackupFacts, manifest?: BackupManifest): string[] {
	const problems: string[] = [];
	const { database } = facts;
	if (!database) problems.push('Databasfilen saknas.');
	else if (database.integrity.length !== 1 || database.integrity[0] !== 'ok') {
		problems.push(`Databasen klarar inte integritetskontrollen: ${database.integrity.slice(0, 3).join('; ')}`);
	}
	for (const file of facts.files) {
		if (file.sha256 !== file.name) problems.push(`Filen ${shortHash(file.name)}… är skadad: innehållet stämmer inte med kontrollsumman.`);
	}
	for (const stray of facts.strays) problems.push(`Okänd fil bland filerna: ${stray}`);
	const present = new Set(facts.files.map((f) => f.name));
	for (const sha256 of database?.referencedFiles ?? []) {
		if (!present.has(sha256)) problems.push(`Databasen hänvisar till filen ${shortHash(sha256)}…, som saknas.`);
	}
	if (manifest) problems.push(...manifestProblems(facts, manifest));
	return problems;
}

function manifestProblems(facts: BackupFacts, manifest: BackupManifest): string[] {
	const problems: string[] = [];
	const { database } = facts;
	if (database && (database.sha256 !== manifest.database.sha256 || database.bytes !== manifest.database.bytes)) {
		problems.push('Databasfilen är inte den som manifestet beskriver (storlek eller kontrollsumma skiljer sig).');
	}
	if (database) {
		for (const table of new Set([...Object.keys(manifest.database.tables), ...Object.keys(database.tables)])) {
			const recorded = manifest.database.tables[table] ?? 0;
			const found = database.tables[table] ?? 0;
			if (recorded !== found) problems.push(`Tabellen ${table} har ${found} rader, manifestet säger ${recorded}.`);
		}
	}
	const found = new Map(facts.files.map((f) => [f.name, f]));
	for (const item of manifest.files.items) {
		const file = found.get(item.sha256);
		if (!file) problems.push(`Filen ${shortHash(item.sha256)}… saknas.`);
		else if (file.bytes !== item.bytes) problems.push(`Filen ${shortHash(item.sha256)}… har ${file.bytes} byte, manifestet säger ${item.bytes}.`);
	}
	const recorded = new Set(manifest.files.items.map((i) => i.sha256));
	for (const file of facts.files) if (!recorded.has(file.name)) problems.push(`Filen ${shortHash(file.name)}… finns inte i manifestet.`);
	return problems;
}

/** The manifest of a sound backup, from the facts gathered while it was made. */
export function manifestOf(facts: BackupFacts, made: { startedAt: Date; finishedAt: Date; source: BackupManifest['source']; databaseFile: string }): BackupManifest {
	if (!facts.database) throw new Error('a backup without a database has no manifest');
	const items = facts.files.map((f) => ({ sha256: f.name, bytes: f.bytes })).sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
	return {
		format: MANIFEST_FORMAT,
		startedAt: made.startedAt.toISOString(),
		finishedAt: made.finishedAt.toISOString(),
		source: made.source,
		database: { file: made.databaseFile, bytes: facts.database.bytes, sha256: facts.database.sha256, tables: facts.database.tables },
		files: { count: items.length, bytes: items.reduce((sum, i) => sum + i.bytes, 0), items }
	};
}

/** How many of the newest hours and days that have a backup keep one each. */
export interface RetentionPolicy {
	hourly: number;
	daily: number;
}

const HOUR_MS = 3_600_000;

/**
 * Which backups a schedule keeps: the newest backup of each of the last `hourly` clock hours that
 * have one, the newest of each of the last `daily` days (in Stockholm) that have one, and always
 * the newest of all. Counting the hours and days that have a backup, not hours back from now,
 * means that a server stopped for a week, or a clock set wrong, never thins out the history.
 * Returns the backups to keep and to remove, each newest first.
 */
export function retain<T extends { takenAt: Date }>(backups: readonly T[], policy: RetentionPolicy): { keep: T[]; remove: T[] } {
	const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
	const kept = new Set<T>(newestFirst.slice(0, 1));
	const keepNewestPer = (bucket: (at: Date) => string | number, count: number) => {
		const seen = new Set<string | number>();
		for (const backup of newestFirst) {
			const key = bucket(backup.takenAt);
			if (seen.has(key)) continue;
			if (seen.size === count) break;
			seen.add(key);
			kept.add(backup);
		}
	};
	// Stockholm's offset from UTC is whole hours, so UTC hours are its clock hours.
	keepNewestPer((at) => Math.floor(at.getTime() / HOUR_MS), policy.hourly);
	keepNewestPer(stockholmDay, policy.daily);
	return { keep: newestFirst.filter((b) => kept.has(b)), remove: newestFirst.filter((b) => !kept.has(b)) };
}

export type BackupHealth = 'ok' | 'failing' | 'overdue' | 'waiting';

/**
 * What the admin is told about scheduled backups: failing when the last attempt failed, overdue
 * when the last success is more than two intervals old (or there is none an interval after the
 * schedule started), waiting for the first run otherwise, else ok.
 */
export function backupHealth(s: { lastSuccessAt: Date | null; lastFailureAt: Date | null; startedAt: Date; intervalMs: number; now: Date }): BackupHealth {
	if (s.lastFailureAt && (!s.lastSuccessAt || s.lastFailureAt > s.lastSuccessAt)) return 'failing';
	const now = s.now.getTime();
	if (!s.lastSuccessAt) return now - s.startedAt.getTime() > s.intervalMs ? 'overdue' : 'waiting';
	return now - s.lastSuccessAt.getTime() > 2 * s.intervalMs ? 'overdue' : 'ok';
}
