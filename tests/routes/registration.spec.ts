import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import * as table from '../../src/lib/server/db/schema';
import type { DB } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { load as registrationLoad, actions as registrationActions } from '../../src/routes/(app)/registrations/[unitId]/+page.server';
import { load as coordinatorLoad } from '../../src/routes/(app)/coordinator/+page.server';
import { load as rankingLoad } from '../../src/routes/(app)/ranking/+page.server';
import { actions as adminRegistrationActions } from '../../src/routes/(app)/admin/registrations/+page.server';
import { load as unitHomeLoad } from '../../src/routes/(app)/unit/+page.server';
import { statusOf } from '../../src/lib/server/test-support/route-status';

let db: DB;
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const unitId = (name: string) => db.select().from(table.unit).where(eq(table.unit.name, name)).get()!.id;

/** A request as the route sees it, from the given person. */
function event(email: string, path: string, params: Record<string, string> = {}, form?: FormData) {
	const url = new URL(`http://localhost${path}`);
	const request = form ? new Request(url, { method: 'POST', body: form }) : new Request(url);
	return { locals: { user: { id: userId(email), email, name: '', isAdmin: false }, session: null }, url, params, request, cookies: { get: () => undefined } } as never;
}

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
});

describe('the registration pages', () => {
	it('open to the unit’s coordinator and contact, and are a 404 for another organisation’s unit', async () => {
		const own = String(unitId('Hvilan'));
		const other = String(unitId('Förskolan Ekorren'));
		expect(await statusOf(() => registrationLoad(event('samordnare1@demo.test', `/registrations/${own}`, { unitId: own })))).toBe(200);
		expect(await statusOf(() => registrationLoad(event('samordnare1@demo.test', `/registrations/${other}`, { unitId: other })))).toBe(404);
		expect(await statusOf(() => registrationLoad(event('examinator1@demo.test', `/registrations/${own}`, { unitId: own })))).toBe(404);
		const contactsUnit = String(unitId('Enheten för hemlösa'));
		expect(await statusOf(() => registrationLoad(event('enhet1@demo.test', `/registrations/${contactsUnit}`, { unitId: contactsUnit })))).toBe(200);
	});

	it('the coordinator has a home of their own and no ranking', async () => {
		expect(await statusOf(() => coordinatorLoad(event('samordnare1@demo.test', '/coordinator')))).toBe(200);
		expect(await statusOf(() => coordinatorLoad(event('enhet1@demo.test', '/coordinator')))).toBe(403);
		expect(await statusOf(() => rankingLoad(event('samordnare1@demo.test', '/ranking')))).toBe(403);
	});

	it('outside the registration phase the form is closed with a Swedish message and nothing is saved', async () => {
		db.update(table.cycle).set({ phase: 'assessment' }).where(eq(table.cycle.year, 2026)).run();
		const own = String(unitId('Hvilan'));
		const before = db.select().from(table.unit).where(eq(table.unit.id, Number(own))).get();
		const form = new FormData();
		form.set('staffCount', '99');
		const result = await registrationActions.save(event('samordnare1@demo.test', `/registrations/${own}`, { unitId: own }, form));
		expect(result).toMatchObject({ status: 400, data: { errors: { _form: 'Anmälan är stängd: omgången är inte i anmälningsfasen. Kontakta kvalitetsutmärkelsen om något behöver ändras.' } } });
		expect(db.select().from(table.unit).where(eq(table.unit.id, Number(own))).get()).toEqual(before);
	});

	it('the admin turns the daily reminders on and off; no one else may', async () => {
		const scheduled = () => db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.remindersScheduled;
		const post = (email: string, on: string) => {
			const form = new FormData();
			form.set('on', on);
			return adminRegistrationActions.schedule(event(email, '/admin/registrations', {}, form));
		};
		expect(await post('admin@demo.test', '1')).toEqual({ scheduled: true });
		expect(scheduled()).toBe(true);
		expect(await statusOf(() => post('samordnare1@demo.test', '0'))).toBe(403);
		expect(scheduled()).toBe(true);
		expect(await post('admin@demo.test', '0')).toEqual({ scheduled: false });
		expect(scheduled()).toBe(false);
	});

	it('the unit’s home shows an account being written as a draft, with its last save and the entry’s own last day, and names it as the next step', async () => {
		// The demo's entries all have an account the office recorded; this one has only its draft.
		const unit = unitId('Enheten för hemlösa');
		db.update(table.entry).set({ accountReceivedDate: null, accountSha256: null }).where(eq(table.entry.unitId, unit)).run();
		const entry = db.select().from(table.entry).where(eq(table.entry.unitId, unit)).all().at(-1)!;
		const account = db.select().from(table.account).where(eq(table.account.entryId, entry.id)).get()!;
		const home = (await unitHomeLoad(event('enhet1@demo.test', '/unit'))) as {
			units: { name: string; next: unknown; progress: { steps: { step: string; draftSavedAt: Date | null; due: string | null; done: boolean; arrival: string | null }[] } }[];
		};
		const hemlosa = home.units.find((u) => u.name === 'Enheten för hemlösa')!;
		const step = hemlosa.progress.steps.find((s) => s.step === 'account')!;
		expect(step).toMatchObject({ done: false, draftSavedAt: account.updatedAt, due: account.extendedTo });
		expect(hemlosa.next).toMatchObject({ step: step.arrival === 'overdue' ? 'accountOverdue' : 'account', due: account.extendedTo });
		// The day before the entry's own last day, the account is what the unit does next.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date(`${account.extendedTo}T00:00:00+02:00`));
		try {
			const before = (await unitHomeLoad(event('enhet1@demo.test', '/unit'))) as typeof home;
			expect(before.units.find((u) => u.name === 'Enheten för hemlösa')!.next).toEqual({ step: 'account', due: account.extendedTo });
		} finally {
			vi.useRealTimers();
		}
	});
});
