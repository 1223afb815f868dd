import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, ne, or, isNull } from 'drizzle-orm';
import * as table from '../db/schema';
import { openDatabase } from '../db/open';
import { documentPath, listDocuments } from '../registry/documents';
import { saveAssessment } from '../scoring/save';
import { holdInAnotherProcess, liveYear, type LiveYear } from '../test-support/backup';
import type { AssessmentDoc } from '$lib/domain/scoring';
import { createBackup } from './create';
import { DatabaseInUse, restoreBackup } from './restore';
import { BackupError, DATABASE_FILE, FILES_FOLDER, MANIFEST_FILE, verifyBackup } from './verify';

let year: LiveYear | undefined;
let holder: { stop(): Promise<void> } | undefined;
afterEach(async () => {
	// A failed assertion must not leave the other process running.
	await holder?.stop();
	holder = undefined;
	year?.remove();
	year = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every (entry, examiner) pair of the published teams whose assessment is not submitted. */
function draftsOf(y: LiveYear) {
	const cycle = y.db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
	const criterionIds = y.db.select().from(table.criterion).where(eq(table.criterion.cycleId, cycle.id)).orderBy(table.criterion.sortOrder).all().map((c) => c.id);
	const pairs = y.db
		.select({ entryId: table.teamEntry.entryId, examinerId: table.teamMember.userId, version: table.assessment.version })
		.from(table.teamMember)
		.innerJoin(table.teamEntry, eq(table.teamEntry.teamId, table.teamMember.teamId))
		.leftJoin(table.assessment, and(eq(table.assessment.entryId, table.teamEntry.entryId), eq(table.assessment.examinerId, table.teamMember.userId)))
		.where(or(isNull(table.assessment.id), ne(table.assessment.status, 'submitted')))
		.all();
	return { criterionIds, pairs };
}

function documentFor(criterionIds: number[], notes: string): AssessmentDoc {
	return { notes, criteria: criterionIds.map((criterionId, i) => ({ criterionId, score: (i % 5) * 10, strengths: [`Styrka ${notes}`], improvements: [], notes: '' })) };
}

// Each test seeds a demo year on disk and copies it, a few seconds on a busy machine.
describe('a backup made while examiners save', { timeout: 30_000 }, () => {
	it('holds every save acknowledged before it began, and restores into a new database that has them all', async () => {
		year = liveYear();
		const { criterionIds, pairs } = draftsOf(year);
		expect(pairs.length).toBeGreaterThanOrEqual(10);
		// The year in the database file, and from here on no checkpoints: every save stays in the WAL
		// alone, so a backup that copied the file instead of reading through SQLite would miss them all.
		year.db.$client.pragma('wal_checkpoint(TRUNCATE)');
		year.db.$client.pragma('wal_autocheckpoint = 0');
		const acks: { assessmentId: number; version: number; notes: string }[] = [];
		let running = true;
		// Each examiner autosaves in a loop through the real use case, on top of the version the last save returned.
		const examiners = pairs.map(async (pair, k) => {
			let version = pair.version ?? 0;
			for (let n = 0; running; n++) {
				const notes = `Sparning ${k}-${n}`;
				const saved = saveAssessment(pair.entryId, pair.examinerId, version, documentFor(criterionIds, notes));
				if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
				version = saved.version;
				acks.push({ assessmentId: saved.id, version, notes });
				await sleep(5);
			}
		});
		await sleep(300);
		const acknowledgedBefore = acks.length;
		const dest = join(year.root, 'backup');
		const manifest = await createBackup(dest, { databasePath: year.databasePath, filesDir: year.filesDir }).finally(() => {
			running = false;
		});
		const acknowledgedDuring = acks.length - acknowledgedBefore;
		await Promise.all(examiners);
		expect(acknowledgedBefore).toBeGreaterThan(50);
		// The saves went on while the backup was made.
		expect(acknowledgedDuring).toBeGreaterThan(0);

		expect(manifest.files.count).toBeGreaterThan(0);
		expect(readdirSync(dest).sort()).toEqual([FILES_FOLDER, MANIFEST_FILE, DATABASE_FILE]);

		const restoredPath = join(year.root, 'restored', 'utmarkelse.db');
		const restoredFiles = join(year.root, 'restored', 'files');
		mkdirSync(join(year.root, 'restored'));
		const summary = await restoreBackup(dest, { databasePath: restoredPath, filesDir: restoredFiles });
		expect(summary).toMatchObject({ setAside: null, files: { copied: manifest.files.count, present: 0, mended: 0 } });

		// Opened as a new server opens it: migrations, WAL.
		const restored = openDatabase(restoredPath);
		const revision = restored.$client.prepare<[number, number], { snapshot: string }>('SELECT snapshot FROM assessment_revision WHERE assessment_id = ? AND version = ?');
		const missing = acks.slice(0, acknowledgedBefore).filter((ack) => JSON.parse(revision.get(ack.assessmentId, ack.version)?.snapshot ?? '{}').notes !== ack.notes);
		expect(missing).toEqual([]);
		expect(manifest.database.tables.assessment_revision).toBeGreaterThanOrEqual(acknowledgedBefore);
		const accounts = restored.select({ sha256: table.entry.accountSha256 }).from(table.entry).all().flatMap((e) => (e.sha256 ? [e.sha256] : []));
		expect(accounts.length).toBeGreaterThan(0);
		for (const sha256 of accounts) expect(existsSync(documentPath(sha256, restoredFiles))).toBe(true);
		restored.$client.close();
	});
});

describe('verifying and restoring', { timeout: 30_000 }, () => {
	async function backedUp() {
		year = liveYear();
		const dest = join(year.root, 'backup');
		const manifest = await createBackup(dest, { databasePath: year.databasePath, filesDir: year.filesDir });
		return { y: year, dest, manifest, target: { databasePath: year.databasePath, filesDir: year.filesDir } };
	}

	/** The live database's content, to show that a refused restore changed nothing. */
	const contentOf = (y: LiveYear) => y.db.select().from(table.assessment).all();

	it('finds the backup sound, and refuses one whose file, database or manifest is damaged, changing nothing', async () => {
		const { y, dest, target } = await backedUp();
		await expect(verifyBackup(dest)).resolves.toMatchObject({ format: 'utmarkelse-backup/1' });
		const before = contentOf(y);

		const { documents } = await listDocuments(join(dest, FILES_FOLDER));
		const file = documents[0].path;
		const original = readFileSync(file);
		writeFileSync(file, Buffer.concat([original.subarray(0, 100), Buffer.from('X'), original.subarray(101)]));
		const refusedFile = await restoreBackup(dest, target).catch((e) => e);
		expect(refusedFile).toBeInstanceOf(BackupError);
		expect(refusedFile.problems).toEqual([`Filen ${documents[0].sha256.slice(0, 12)}… är skadad: innehållet stämmer inte med kontrollsumman.`]);
		writeFileSync(file, original);

		const databaseCopy = join(dest, DATABASE_FILE);
		const database = readFileSync(databaseCopy);
		const damaged = Buffer.from(database);
		// Page 3 onwards overwritten: the b-trees there no longer hold together.
		damaged.fill(0x41, 2 * 4096, 4 * 4096);
		writeFileSync(databaseCopy, damaged);
		const refusedDatabase = await restoreBackup(dest, target).catch((e) => e);
		expect(refusedDatabase).toBeInstanceOf(BackupError);
		expect(refusedDatabase.problems[0]).toMatch(/^Databasen klarar inte integritetskontrollen: /);
		expect(refusedDatabase.problems).toContain('Databasfilen är inte den som manifestet beskriver (storlek eller kontrollsumma skiljer sig).');
		writeFileSync(databaseCopy, database);

		const manifestPath = join(dest, MANIFEST_FILE);
		const manifestText = readFileSync(manifestPath, 'utf8');
		writeFileSync(manifestPath, manifestText.replace(/"assessment": \d+/, '"assessment": 1'));
		await expect(restoreBackup(dest, target)).rejects.toThrow(/Tabellen assessment har \d+ rader, manifestet säger 1\./);
		writeFileSync(manifestPath, manifestText.replace('"format": "utmarkelse-backup/1"', '"format": "annat"').replace(/"sha256": "[0-9a-f]{64}",\n\t\t"tables"/, '"tables"'));
		await expect(restoreBackup(dest, target)).rejects.toThrow(/manifest\.json saknar eller har fel värde i: format, database\.sha256\./);
		rmSync(manifestPath);
		await expect(restoreBackup(dest, target)).rejects.toThrow(/manifest\.json saknas/);

		expect(contentOf(y)).toEqual(before);
		expect(readdirSync(y.root).filter((f) => f.includes('replaced'))).toEqual([]);
	});

	it('refuses while another process has the database open, then restores once it is gone and keeps the replaced database aside', async () => {
		const { y, dest, target, manifest } = await backedUp();
		// A change after the backup, which the restore takes back and the set-aside database keeps.
		const entryId = y.db.select().from(table.entry).get()!.id;
		y.db.update(table.entry).set({ eligibilityOverrideReason: 'Ändrad efter säkerhetskopian' }).where(eq(table.entry.id, entryId)).run();
		y.db.$client.close();

		holder = await holdInAnotherProcess(y.databasePath);
		const refused = await restoreBackup(dest, target).catch((e) => e);
		expect(refused).toBeInstanceOf(DatabaseInUse);
		expect(refused.message).toMatch(/används av en annan process, troligen servern/);
		await holder.stop();

		const summary = await restoreBackup(dest, target, new Date('2026-05-17T10:15:00Z'));
		expect(summary.setAside).toBe(`${y.databasePath}.replaced-20260517T101500Z`);
		expect(summary.files).toEqual({ copied: 0, present: manifest.files.count, mended: 0 });
		const reason = (path: string) => {
			const db = new Database(path, { readonly: true });
			const row = db.prepare('SELECT eligibility_override_reason AS reason FROM entry WHERE id = ?').get(entryId) as { reason: string | null };
			db.close();
			return row.reason;
		};
		expect(reason(y.databasePath)).toBeNull();
		expect(reason(summary.setAside!)).toBe('Ändrad efter säkerhetskopian');
		expect(readdirSync(y.root).filter((f) => f.startsWith('live.db')).sort()).toEqual(['live.db', 'live.db.replaced-20260517T101500Z']);
	});

	it('replaces a database SQLite cannot read at all, keeping it aside as it was found', async () => {
		const { y, dest, target } = await backedUp();
		y.db.$client.close();
		writeFileSync(y.databasePath, 'ingen databas '.repeat(1000));
		writeFileSync(`${y.databasePath}-wal`, 'ingen logg');
		const summary = await restoreBackup(dest, target, new Date('2026-05-17T10:15:00Z'));
		expect(readFileSync(summary.setAside!, 'utf8')).toBe('ingen databas '.repeat(1000));
		expect(readFileSync(`${summary.setAside}-wal`, 'utf8')).toBe('ingen logg');
		expect(existsSync(`${y.databasePath}-wal`)).toBe(false);
		const restored = openDatabase(y.databasePath);
		expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		restored.$client.close();
	});

	it('mends a stored file that no longer matches its name, and brings back one that is gone', async () => {
		const { y, dest, target, manifest } = await backedUp();
		y.db.$client.close();
		const [first, second] = manifest.files.items;
		writeFileSync(documentPath(first.sha256, y.filesDir), 'skadad');
		rmSync(documentPath(second.sha256, y.filesDir));
		const summary = await restoreBackup(dest, target);
		expect(summary.files).toEqual({ copied: 1, present: manifest.files.count - 2, mended: 1 });
		expect(readFileSync(documentPath(first.sha256, y.filesDir))).toEqual(readFileSync(documentPath(first.sha256, join(dest, FILES_FOLDER))));
		expect(existsSync(documentPath(second.sha256, y.filesDir))).toBe(true);
	});
});

describe('making a backup', { timeout: 30_000 }, () => {
	it('never writes into a folder that holds something, and shares unchanged files with an earlier backup', async () => {
		year = liveYear();
		const sources = { databasePath: year.databasePath, filesDir: year.filesDir };
		const occupied = join(year.root, 'occupied');
		mkdirSync(occupied);
		writeFileSync(join(occupied, 'note.txt'), 'min');
		await expect(createBackup(occupied, sources)).rejects.toThrow(/finns redan och är inte tom/);
		expect(readdirSync(occupied)).toEqual(['note.txt']);

		const first = join(year.root, 'first');
		const second = join(year.root, 'second');
		const manifest = await createBackup(first, sources);
		await createBackup(second, sources, { linkFrom: first });
		const sha256 = manifest.files.items[0].sha256;
		const inode = (dir: string) => statSync(documentPath(sha256, join(dir, FILES_FOLDER))).ino;
		expect(inode(second)).toBe(inode(first));

		// A shared copy damaged since is not carried on: the next backup copies the file afresh.
		writeFileSync(documentPath(sha256, join(second, FILES_FOLDER)), 'skadad');
		const third = join(year.root, 'third');
		await createBackup(third, sources, { linkFrom: second });
		expect(inode(third)).not.toBe(inode(second));
		await expect(verifyBackup(third)).resolves.toBeTruthy();
	});

	it('fails, leaving nothing behind, when a stored file is damaged or one the database names is missing', async () => {
		year = liveYear();
		const sources = { databasePath: year.databasePath, filesDir: year.filesDir };
		const { documents } = await listDocuments(year.filesDir);
		const aside = join(year.root, 'aside');
		linkSync(documents[0].path, aside);
		rmSync(documents[0].path);
		const dest = join(year.root, 'backup');
		await expect(createBackup(dest, sources)).rejects.toThrow(`Databasen hänvisar till filen ${documents[0].sha256.slice(0, 12)}…, som saknas.`);
		expect(existsSync(dest) || existsSync(`${dest}.partial`)).toBe(false);
		writeFileSync(documents[1].path, 'skadad');
		await expect(createBackup(dest, sources)).rejects.toThrow(/är skadad/);
		expect(existsSync(dest) || existsSync(`${dest}.partial`)).toBe(false);
	});
});
