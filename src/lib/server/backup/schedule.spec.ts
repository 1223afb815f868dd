import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveYear, type LiveYear } from '../test-support/backup';
import { backupNow, backupSchedule, backupStatus, configureBackups } from './schedule';

describe('the schedule from the environment', () => {
	it('is off without BACKUP_DIR, hourly for two days and daily for a month by default', () => {
		expect(backupSchedule({})).toEqual({ ok: true, schedule: null });
		expect(backupSchedule({ BACKUP_DIR: '/srv/kopior' })).toEqual({
			ok: true,
			schedule: { dir: '/srv/kopior', intervalMs: 3_600_000, policy: { hourly: 48, daily: 30 } }
		});
		expect(backupSchedule({ BACKUP_DIR: '/srv/kopior', BACKUP_INTERVAL_MINUTES: '15', BACKUP_KEEP_HOURLY: '0', BACKUP_KEEP_DAILY: '90' })).toEqual({
			ok: true,
			schedule: { dir: '/srv/kopior', intervalMs: 900_000, policy: { hourly: 0, daily: 90 } }
		});
	});

	it('names a wrong value in Swedish', () => {
		expect(backupSchedule({ BACKUP_DIR: '/k', BACKUP_INTERVAL_MINUTES: '0' })).toEqual({ ok: false, message: 'BACKUP_INTERVAL_MINUTES ska vara ett antal minuter större än noll, inte "0".' });
		expect(backupSchedule({ BACKUP_DIR: '/k', BACKUP_KEEP_HOURLY: '1.5' })).toMatchObject({ ok: false, message: expect.stringMatching(/^BACKUP_KEEP_HOURLY ska vara ett heltal/) });
		expect(backupSchedule({ BACKUP_DIR: '/k', BACKUP_KEEP_DAILY: 'en månad' })).toMatchObject({ ok: false, message: expect.stringMatching(/^BACKUP_KEEP_DAILY ska vara ett heltal/) });
	});
});

describe('scheduled backups', { timeout: 60_000 }, () => {
	let year: LiveYear;
	let dir: string;
	let sources: { databasePath: string; filesDir: string };
	beforeEach(() => {
		year = liveYear();
		dir = join(year.root, 'backups');
		sources = { databasePath: year.databasePath, filesDir: year.filesDir };
		vi.spyOn(console, 'log').mockImplementation(() => {});
		vi.spyOn(console, 'error').mockImplementation(() => {});
	});
	afterEach(() => {
		vi.restoreAllMocks();
		year.remove();
	});

	it('runs, removes what the retention rule lets go, and tells the admin when it last succeeded', async () => {
		// A folder of someone else's and a backup cut off by a crash lie there already.
		mkdirSync(join(dir, 'egna-filer'), { recursive: true });
		mkdirSync(join(dir, 'utmarkelse-20260101T000000Z.partial'));
		await configureBackups({ BACKUP_DIR: dir, BACKUP_KEEP_HOURLY: '1', BACKUP_KEEP_DAILY: '0' }, sources);
		expect(backupStatus()).toMatchObject({ health: 'waiting', lastSuccess: null, kept: 0 });
		for (const second of [0, 1, 2]) await backupNow(new Date(Date.UTC(2026, 4, 17, 10, 0, second)));
		// One hourly backup is kept, the newest; the cut-off one is cleared away, the foreign folder left.
		expect(readdirSync(dir).sort()).toEqual(['egna-filer', 'utmarkelse-20260517T100002Z']);
		expect(backupStatus()).toMatchObject({ health: 'ok', lastSuccess: { name: 'utmarkelse-20260517T100002Z' }, lastFailure: null, kept: 1 });
		expect(console.log).toHaveBeenLastCalledWith(expect.stringMatching(/^Säkerhetskopia utmarkelse-20260517T100002Z klar på [\d.]+ s: databasen [\d.]+ MB, \d+ filer .*; 1 äldre borttagna, 1 sparade$/));

		// A server started later finds them on disk.
		await configureBackups({ BACKUP_DIR: dir }, sources);
		expect(backupStatus()).toMatchObject({ health: 'ok', lastSuccess: { name: 'utmarkelse-20260517T100002Z' }, kept: 1 });
	});

	it('shows a failed run, with its message, until a run succeeds again', async () => {
		writeFileSync(dir, 'en fil där mappen skulle vara');
		await configureBackups({ BACKUP_DIR: dir }, sources);
		await backupNow();
		const failing = backupStatus();
		expect(failing).toMatchObject({ health: 'failing', lastSuccess: null, lastFailure: { message: expect.stringContaining(dir) } });
		expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^Säkerhetskopieringen misslyckades: /));

		// Mended: the next run succeeds, and the failure stays on record beneath it.
		rmSync(dir);
		await backupNow();
		expect(readdirSync(dir)).toHaveLength(1);
		expect(backupStatus()).toMatchObject({ health: 'ok', lastSuccess: { name: expect.any(String) }, lastFailure: failing.lastFailure });
	});

	it('runs nothing on a wrong setting, and shows why', async () => {
		expect(await configureBackups({ BACKUP_DIR: dir, BACKUP_KEEP_DAILY: '-1' }, sources)).toBeNull();
		await backupNow();
		expect(existsSync(dir)).toBe(false);
		expect(backupStatus()).toMatchObject({ health: 'failing', lastFailure: { message: expect.stringMatching(/^BACKUP_KEEP_DAILY/) } });
	});

	it('is off, and says so, without BACKUP_DIR', async () => {
		await configureBackups({}, sources);
		expect(backupStatus()).toMatchObject({ health: 'off', lastFailure: null });
	});
});
