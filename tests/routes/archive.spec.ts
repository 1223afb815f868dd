/**
 * The archive package's action and download on the cycle's page, as every role: the admin alone,
 * through `may`; a download is in the audit log, a refusal writes nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ORIGIN, feedbackYear } from '../../src/lib/server/test-support/feedback';
import { buildArchive } from '../../src/lib/server/archive/build';
import { archiveSettled, packagePath } from '../../src/lib/server/archive/jobs';
import { PACKAGE_ENTITY } from '../../src/lib/server/archive/contents';
import * as cyclePage from '../../src/routes/(app)/admin/cycles/[id]/+page.server';
import * as download from '../../src/routes/(app)/admin/cycles/[id]/archive.zip/+server';
import { statusOf } from '../../src/lib/server/test-support/route-status';

const PEOPLE = ['examinator1@demo.test', 'jury1@demo.test', 'ordforande@demo.test', 'enhet1@demo.test'];

let year: ReturnType<typeof feedbackYear>;
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-archive-route-'));
	process.env.ARCHIVE_DIR = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
	year = feedbackYear();
	rmSync(packagePath(2026), { force: true });
});

function eventFor(email: string | null, path: string, form: false | Record<string, string> = false): RequestEvent {
	const user = email ? year.user(email) : null;
	const url = new URL(path, ORIGIN);
	const body = new FormData();
	for (const [k, v] of Object.entries(form || {})) body.append(k, v);
	return {
		locals: { user, session: user ? { id: 'test', userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } : null },
		url,
		params: { id: String(year.cycle.id) },
		request: form ? new Request(url, { method: 'POST', body }) : new Request(url),
		cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' },
		depends: () => {}
	} as unknown as RequestEvent;
}

const packageEntries = () => year.db.select().from(table.auditLog).where(eq(table.auditLog.entityType, PACKAGE_ENTITY)).all();

describe('the archive package on the cycle’s page', { timeout: 60_000 }, () => {
	it('is refused to everyone but the admin, writing nothing', async () => {
		await buildArchive(year.cycle, packagePath(2026));
		const path = `/admin/cycles/${year.cycle.id}`;
		expect(await statusOf(() => download.GET(eventFor(null, `${path}/archive.zip`) as never))).toBe(303);
		expect(await statusOf(() => cyclePage.actions.archive(eventFor(null, `${path}?/archive`, {}) as never))).toBe(303);
		for (const email of PEOPLE) {
			expect(await statusOf(() => download.GET(eventFor(email, `${path}/archive.zip`) as never))).toBe(403);
			expect(await statusOf(() => cyclePage.actions.archive(eventFor(email, `${path}?/archive`, {}) as never))).toBe(403);
		}
		expect(packageEntries()).toEqual([]);
	});

	it('lets the admin download the built package, and logs the download', async () => {
		const admin = year.user('admin@demo.test');
		const path = `/admin/cycles/${year.cycle.id}/archive.zip`;
		expect(await statusOf(() => download.GET(eventFor(admin.email, path) as never))).toBe(404);

		const built = await buildArchive(year.cycle, packagePath(2026));
		const page = (await cyclePage.load(eventFor(admin.email, `/admin/cycles/${year.cycle.id}`) as never)) as { archive: unknown };
		expect(page.archive).toEqual({ state: 'ready', bytes: built.bytes, at: expect.any(Date) });
		const response = await download.GET(eventFor(admin.email, path) as never);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toContain('arkivpaket-2026.zip');
		expect(Buffer.from(await response.arrayBuffer()).length).toBe(built.bytes);
		expect(packageEntries().map((e) => ({ action: e.action, actorId: e.actorId, cycleId: e.cycleId, after: e.after }))).toEqual([
			{ action: 'download', actorId: admin.id, cycleId: year.cycle.id, after: { bytes: built.bytes } }
		]);
	});

	it('starts a build by itself when the admin sets the cycle to archived', async () => {
		const admin = year.user('admin@demo.test');
		// The build runs in a process of its own, which cannot see this test's in-memory database:
		// pointed at an empty one, it fails, which is enough to show that it was started, and by whom.
		process.env.DATABASE_PATH = join(dir, 'empty.db');
		const path = `/admin/cycles/${year.cycle.id}`;
		const result = await cyclePage.actions.phase(eventFor(admin.email, `${path}?/phase`, { to: 'archived', override: '1', reason: 'Rapporterna lämnas ut på papper.' }) as never);
		expect(result).toMatchObject({ changed: 'archived' });
		await archiveSettled(year.cycle.id);
		expect(packageEntries().map((e) => ({ action: e.action, actorId: e.actorId, after: e.after }))).toEqual([{ action: 'build', actorId: admin.id, after: { reason: 'archived' } }]);
	});
});
