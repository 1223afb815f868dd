import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import * as table from '../../src/lib/server/db/schema';
import type { DB } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { getCurrentCycle } from '../../src/lib/server/cycles/lookup';
import { appointCoordinator } from '../../src/lib/server/registration/coordinators';
import { uploadMinutes } from '../../src/lib/server/registration/minutes';
import { sv as registration } from '../../src/lib/i18n/sections/registration';
import { sv as entries } from '../../src/lib/i18n/sections/entries';
import { GET } from '../../src/routes/(app)/minutes/[minutesId]/+server';
import { load as minutesPage } from '../../src/routes/(app)/coordinator/minutes/+page.server';

let db: DB;
let dir: string;
const PDF = '%PDF-1.4\nprotokoll\n%%EOF\n';
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;

/** Calls the real route handler as the given person (null: signed out); the status, and the body when 200. */
async function fetchMinutes(email: string | null, minutesId: number | string, query = ''): Promise<{ status: number; body?: string; type?: string | null }> {
	const user = email === null ? null : { id: userId(email), email, name: '', isAdmin: false };
	const url = new URL(`http://localhost/minutes/${minutesId}${query}`);
	const event = { locals: { user, session: null }, url, params: { minutesId: String(minutesId) }, request: new Request(url) };
	try {
		const response = await GET(event as never);
		return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
	} catch (e) {
		return { status: (e as { status: number }).status };
	}
}

/** Socialförvaltningen's coordinator hands in one set of minutes for two of its units, before the deadline. */
async function handIn(): Promise<number> {
	const cycle = getCurrentCycle()!;
	const organisationId = db.select().from(table.organisation).where(eq(table.organisation.name, 'Socialförvaltningen')).get()!.id;
	const ids = ['Hvilan', 'Ljungbacken'].map((name) => {
		const unitId = db.select().from(table.unit).where(eq(table.unit.name, name)).get()!.id;
		return db.select().from(table.entry).where(eq(table.entry.unitId, unitId)).all().find((e) => e.cycleId === cycle.id)!.id;
	});
	const body = new FormData();
	body.set('file', new File([PDF], 'Protokoll SN.pdf', { type: 'application/pdf' }));
	body.set('dnr', 'SN 1.4.1-289/2026');
	body.set('meetingDate', '2026-05-26');
	for (const id of ids) body.append('entryId', String(id));
	const result = await uploadMinutes(cycle, organisationId, body, userId('samordnare1@demo.test'), registration, entries, new Date('2026-06-20T09:00:00Z'));
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value.id;
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-minutes-'));
	process.env.FILES_DIR = dir;
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('who may read board minutes', () => {
	it('the coordinator of the organisation and the admin read them as the PDF handed in', async () => {
		const id = await handIn();
		for (const email of ['samordnare1@demo.test', 'admin@demo.test']) expect(await fetchMinutes(email, id)).toEqual({ status: 200, body: PDF, type: 'application/pdf' });
		expect((await fetchMinutes('admin@demo.test', id, '?download=1')).status).toBe(200);
	});

	it('anyone else gets 404, as for minutes that do not exist; someone signed out is sent to sign in', async () => {
		const id = await handIn();
		const cycle = getCurrentCycle()!;
		const farsta = db.select().from(table.organisation).where(eq(table.organisation.name, 'Farsta stadsdelsförvaltning')).get()!.id;
		const appointed = appointCoordinator(farsta, { email: 'samordnare@farsta.test', name: 'Samordnare i Farsta' }, cycle, userId('admin@demo.test'), registration);
		expect(appointed.ok).toBe(true);
		// The unit's own contact, an examiner, a juror and another organisation's coordinator.
		for (const email of ['enhet1@demo.test', 'examinator1@demo.test', 'jury1@demo.test', 'samordnare@farsta.test']) expect((await fetchMinutes(email, id)).status, email).toBe(404);
		expect((await fetchMinutes('admin@demo.test', id + 1)).status).toBe(404);
		expect((await fetchMinutes('admin@demo.test', 'abc')).status).toBe(404);
		expect((await fetchMinutes(null, id)).status).toBe(303);
	});

	it('the coordinator of a year reads them no more once their appointment is for another year', async () => {
		const id = await handIn();
		db.update(table.boardMinutes).set({ cycleId: db.select().from(table.cycle).where(eq(table.cycle.year, 2025)).get()!.id }).where(eq(table.boardMinutes.id, id)).run();
		expect((await fetchMinutes('samordnare1@demo.test', id)).status).toBe(404);
		expect((await fetchMinutes('admin@demo.test', id)).status).toBe(200);
	});
});

describe('the coordinator’s minutes page', () => {
	type Page = { past: boolean; organisations: { name: string; minutes: { units: string[] }[]; recordedByOffice: { name: string }[] }[] };
	async function coordinatorPage(): Promise<Page> {
		const url = new URL('http://localhost/coordinator/minutes');
		const event = { locals: { user: { id: userId('samordnare1@demo.test'), email: 'samordnare1@demo.test', name: '', isAdmin: false }, session: null }, url, params: {}, request: new Request(url), cookies: { get: () => undefined } };
		return (await minutesPage(event as never)) as Page;
	}

	it('offers the upload until the last day, Stockholm time, and says the day has passed after it', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date('2026-06-30T21:30:00Z'));
			expect((await coordinatorPage()).past).toBe(false);
			vi.setSystemTime(new Date('2026-06-30T22:30:00Z'));
			expect((await coordinatorPage()).past).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('lists, beside the minutes handed in there, the units whose minutes the office recorded another way', async () => {
		await handIn();
		const page = await coordinatorPage();
		const social = page.organisations.find((o) => o.name === 'Socialförvaltningen')!;
		expect(social.minutes.flatMap((m) => m.units).sort()).toEqual(['Hvilan', 'Ljungbacken']);
		// The demo's office recorded minutes for the organisation's other entries; a unit counts in one list only.
		const officeRecorded = db
			.select({ name: table.unit.name, minutesId: table.entry.minutesDocumentId, received: table.entry.minutesReceivedDate })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
			.where(eq(table.organisation.name, 'Socialförvaltningen'))
			.all()
			.filter((e) => e.received !== null && e.minutesId === null)
			.map((e) => e.name);
		expect(officeRecorded.length).toBeGreaterThan(0);
		expect(social.recordedByOffice.map((u) => u.name).sort()).toEqual(officeRecorded.sort());
		expect(social.recordedByOffice.map((u) => u.name)).not.toContain('Hvilan');
	});
});
