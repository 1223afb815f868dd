import { describe, expect, it } from 'vitest';
import { backupHealth, backupProblems, manifestOf, retain, type BackupFacts } from './backup';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function soundFacts(): BackupFacts {
	return {
		database: { bytes: 4096, sha256: 'd'.repeat(64), integrity: ['ok'], tables: { entry: 2, assessment: 5 }, referencedFiles: [A] },
		files: [
			{ name: A, sha256: A, bytes: 10 },
			{ name: B, sha256: B, bytes: 20 }
		],
		strays: []
	};
}

const made = { startedAt: new Date('2026-05-17T10:00:00Z'), finishedAt: new Date('2026-05-17T10:00:02Z'), source: { database: '/db', files: '/files' }, databaseFile: 'utmarkelse.db' };

describe('backupProblems', () => {
	it('finds nothing wrong with a sound backup, with or without its manifest', () => {
		const facts = soundFacts();
		expect(backupProblems(facts)).toEqual([]);
		expect(backupProblems(facts, manifestOf(facts, made))).toEqual([]);
	});

	it('names a database that is missing or fails its integrity check', () => {
		expect(backupProblems({ ...soundFacts(), database: null })).toEqual(['Databasfilen saknas.']);
		const facts = soundFacts();
		facts.database!.integrity = ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'];
		expect(backupProblems(facts)).toEqual([expect.stringMatching(/^Databasen klarar inte integritetskontrollen: \*\*\* in database main/)]);
	});

	it('names a file whose content does not hash to its name, a stray file and a referenced file that is missing', () => {
		const facts = soundFacts();
		facts.files[1] = { name: B, sha256: 'c'.repeat(64), bytes: 20 };
		facts.strays = ['tmp/123.part'];
		facts.database!.referencedFiles = [A, 'e'.repeat(64)];
		expect(backupProblems(facts)).toEqual([
			'Filen bbbbbbbbbbbb… är skadad: innehållet stämmer inte med kontrollsumman.',
			'Okänd fil bland filerna: tmp/123.part',
			'Databasen hänvisar till filen eeeeeeeeeeee…, som saknas.'
		]);
	});

	it('holds the backup to its manifest: the database file, rows per table and the files', () => {
		const manifest = manifestOf(soundFacts(), made);
		const facts = soundFacts();
		facts.database!.sha256 = 'f'.repeat(64);
		facts.database!.tables = { entry: 2, assessment: 4, extra: 1 };
		facts.files = [{ name: A, sha256: A, bytes: 11 }, { name: 'c'.repeat(64), sha256: 'c'.repeat(64), bytes: 1 }];
		expect(backupProblems(facts, manifest)).toEqual([
			'Databasfilen är inte den som manifestet beskriver (storlek eller kontrollsumma skiljer sig).',
			'Tabellen assessment har 4 rader, manifestet säger 5.',
			'Tabellen extra har 1 rader, manifestet säger 0.',
			'Filen aaaaaaaaaaaa… har 11 byte, manifestet säger 10.',
			'Filen bbbbbbbbbbbb… saknas.',
			'Filen cccccccccccc… finns inte i manifestet.'
		]);
	});

	it('writes counts, sizes and checksums into the manifest', () => {
		const manifest = manifestOf(soundFacts(), made);
		expect(manifest.files).toEqual({ count: 2, bytes: 30, items: [{ sha256: A, bytes: 10 }, { sha256: B, bytes: 20 }] });
		expect(manifest.database).toEqual({ file: 'utmarkelse.db', bytes: 4096, sha256: 'd'.repeat(64), tables: { entry: 2, assessment: 5 } });
		expect(manifest.startedAt).toBe('2026-05-17T10:00:00.000Z');
	});
});

const at = (iso: string) => ({ takenAt: new Date(iso), name: iso });
const names = (list: { name: string }[]) => list.map((b) => b.name);

/** Backups every `minutes` from `from` for `hours` hours. */
function series(from: string, hours: number, minutes = 60) {
	const start = new Date(from).getTime();
	return Array.from({ length: (hours * 60) / minutes }, (_, i) => at(new Date(start + i * minutes * 60_000).toISOString()));
}

describe('retain', () => {
	it('keeps hourly backups for two days and then one a day for a month', () => {
		// Hourly from 1 April to the morning of 10 May (Stockholm is UTC+2 then).
		const backups = series('2026-04-01T00:00:00Z', 39 * 24 + 8);
		const { keep, remove } = retain(backups, { hourly: 48, daily: 30 });
		expect(keep.length + remove.length).toBe(backups.length);
		const newest = backups.at(-1)!;
		expect(keep[0]).toBe(newest);
		// The last 48 hours all stay.
		for (const b of backups.slice(-48)) expect(keep).toContain(b);
		// Before them, one a day, the last of that Stockholm day (21:00 UTC is 23:00 in Stockholm),
		// back to 11 April: 30 days in all, of which 8 to 10 May are among the 48 hours.
		const older = keep.filter((b) => !backups.slice(-48).includes(b));
		expect(names(older)).toEqual(
			Array.from({ length: 27 }, (_, i) => new Date(Date.UTC(2026, 4, 7 - i, 21)).toISOString())
		);
		expect(keep.length).toBe(48 + 27);
	});

	it('keeps the newest of each hour and each Stockholm day, not the first', () => {
		const backups = series('2026-01-10T09:00:00Z', 2, 15);
		const { keep } = retain(backups, { hourly: 2, daily: 0 });
		expect(names(keep)).toEqual(['2026-01-10T10:45:00.000Z', '2026-01-10T09:45:00.000Z']);
		// 23:30 UTC on 10 January is already 11 January in Stockholm (UTC+1).
		const around = [at('2026-01-10T22:30:00Z'), at('2026-01-10T23:30:00Z'), at('2026-01-11T10:00:00Z')];
		expect(names(retain(around, { hourly: 0, daily: 2 }).keep)).toEqual(['2026-01-11T10:00:00Z', '2026-01-10T22:30:00Z']);
	});

	it('counts the hours and days that have a backup, so a long stop thins out nothing', () => {
		const before = series('2026-03-01T00:00:00Z', 72);
		const after = [at('2026-06-01T08:00:00Z')];
		const { keep } = retain([...before, ...after], { hourly: 48, daily: 30 });
		expect(keep).toContain(after[0]);
		// 47 hours from before the stop, then one a day for the days before those: the series covers
		// 1 to 4 March in Stockholm (UTC+1), and only 1 March is not among the 47 hours.
		for (const b of before.slice(-47)) expect(keep).toContain(b);
		expect(names(keep.slice(48))).toEqual(['2026-03-01T22:00:00.000Z']);
	});

	it('always keeps the newest, whatever the policy, and nothing else with a policy of nothing', () => {
		const backups = series('2026-05-01T00:00:00Z', 5);
		const { keep, remove } = retain(backups, { hourly: 0, daily: 0 });
		expect(keep).toEqual([backups.at(-1)]);
		expect(remove).toHaveLength(4);
		expect(retain([], { hourly: 48, daily: 30 })).toEqual({ keep: [], remove: [] });
	});
});

describe('backupHealth', () => {
	const hour = 3_600_000;
	const now = new Date('2026-05-17T12:00:00Z');
	const ago = (hours: number) => new Date(now.getTime() - hours * hour);
	const health = (lastSuccessAt: Date | null, lastFailureAt: Date | null, startedAt = ago(100)) =>
		backupHealth({ lastSuccessAt, lastFailureAt, startedAt, intervalMs: hour, now });

	it('is ok after a recent success, failing after a failure, overdue when successes stopped', () => {
		expect(health(ago(0.5), null)).toBe('ok');
		expect(health(ago(0.5), ago(3))).toBe('ok');
		expect(health(ago(3), ago(0.5))).toBe('failing');
		expect(health(null, ago(0.5))).toBe('failing');
		expect(health(ago(2.5), null)).toBe('overdue');
		expect(health(null, null)).toBe('overdue');
		expect(health(null, null, ago(0.2))).toBe('waiting');
	});
});
