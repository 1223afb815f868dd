import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { liveYear, type LiveYear } from '../test-support/backup';
import * as table from '../db/schema';
import { stopJobs } from '../jobs/run';
import { archiveSettled, archiveState, packagePath, startArchive } from './jobs';
import { unpackAndCheck } from './verify';
import { PACKAGE_ENTITY } from './contents';
import type { ArchiveState } from '$lib/domain/archive';

let year: LiveYear;
beforeAll(() => {
	year = liveYear('feedback');
	process.env.DATABASE_PATH = year.databasePath;
	process.env.ARCHIVE_DIR = join(year.root, 'archive');
});
afterAll(() => year.remove());

describe('building the package off the request thread', { timeout: 120_000 }, () => {
	it('reports progress while the server’s thread stays free, then offers the checked package', async () => {
		const cycle = year.db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
		const admin = year.db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!;
		expect(await archiveState(cycle)).toEqual({ state: 'none' });

		let longestPause = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			longestPause = Math.max(longestPause, now - last);
			last = now;
		}, 10);
		expect(startArchive(cycle, admin.id)).toBe(true);
		expect(startArchive(cycle, admin.id)).toBe(false);
		const seen: ArchiveState[] = [];
		while ((seen.at(-1)?.state ?? 'running') === 'running') {
			seen.push(await archiveState(cycle));
			await new Promise((r) => setTimeout(r, 100));
		}
		clearInterval(ticker);
		await archiveSettled(cycle.id);

		expect(seen.some((s) => s.state === 'running' && s.progress.total > 0 && s.progress.done > 0)).toBe(true);
		expect(seen.at(-1)).toEqual({ state: 'ready', bytes: readFileSync(packagePath(2026)).length, at: expect.any(Date) });
		// Nothing of the build ran on this thread: it never paused for more than a moment.
		expect(longestPause).toBeLessThan(250);
		expect(unpackAndCheck(readFileSync(packagePath(2026))).problems).toEqual([]);
		const logged = year.db
			.select()
			.from(table.auditLog)
			.where(and(eq(table.auditLog.entityType, PACKAGE_ENTITY), eq(table.auditLog.cycleId, cycle.id)))
			.all();
		expect(logged.map((l) => [l.action, l.actorId])).toEqual([['build', admin.id]]);
	});

	it('shows why a build failed, and keeps the earlier package on offer', async () => {
		const cycle = year.db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
		const admin = year.db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!;
		const saved = process.env.FILES_DIR;
		process.env.FILES_DIR = join(year.root, 'no-such-store');
		try {
			expect(startArchive(cycle, admin.id)).toBe(true);
			await archiveSettled(cycle.id);
		} finally {
			process.env.FILES_DIR = saved;
		}
		const state = await archiveState(cycle);
		expect(state).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Den skriftliga redovisningen från .* saknas i dokumentlagret\.$/), earlier: { bytes: expect.any(Number) } });
	});

	it('leaves no package when the server stops halfway through a build', async () => {
		const cycle = year.db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
		const admin = year.db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!;
		const saved = process.env.ARCHIVE_DIR;
		process.env.ARCHIVE_DIR = join(year.root, 'stopped');
		try {
			expect(startArchive(cycle, admin.id)).toBe(true);
			// Stopped once some files are written, before the last.
			const halfway = (s: ArchiveState) => s.state === 'running' && s.progress.done > 0;
			while (!halfway(await archiveState(cycle))) await new Promise((r) => setTimeout(r, 20));
			await stopJobs();
			expect(existsSync(packagePath(2026))).toBe(false);
			expect(await archiveState(cycle)).toMatchObject({ state: 'failed', message: 'Arbetet avbröts.', earlier: null });
		} finally {
			process.env.ARCHIVE_DIR = saved;
		}
	});
});
