import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureBackups } from '$lib/server/backup/schedule';
import { outcome, scoringEvent, scoringYear } from '$lib/server/test-support/scoring';
import * as adminHome from '../../src/routes/(app)/admin/+page.server';

afterEach(() => vi.restoreAllMocks());

describe('the admin’s home page', () => {
	it('tells the admin, and only the admin, that backups are off or failing', async () => {
		const y = scoringYear();
		const sources = { databasePath: ':memory:', filesDir: '/nowhere' };
		const load = (userId: number) => adminHome.load(scoringEvent(userId, '/admin') as never) as { backup: { health: string; lastFailure: { message: string } | null } };

		await configureBackups({}, sources);
		expect(load(y.admin).backup).toMatchObject({ health: 'off', lastFailure: null });

		vi.spyOn(console, 'error').mockImplementation(() => {});
		await configureBackups({ BACKUP_DIR: '/srv/kopior', BACKUP_INTERVAL_MINUTES: 'ofta' }, sources);
		expect(load(y.admin).backup).toMatchObject({ health: 'failing', lastFailure: { message: expect.stringMatching(/^BACKUP_INTERVAL_MINUTES ska vara/) } });
		expect(((await outcome(() => load(y.lead))) as { thrown: number }).thrown).toBe(403);
	});
});
