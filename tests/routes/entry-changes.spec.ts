import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { scoringEvent, scoringYear } from '$lib/server/test-support/scoring';
import * as entryPage from '../../src/routes/(app)/admin/entries/[id]/+page.server';

const post = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};

describe('the admin’s entry page while the teams assess', () => {
	it('shows what a change affects, refuses a class change without a reason and takes it with one', async () => {
		const y = scoringYear('consensus');
		const entry = y.db.select().from(table.entry).where(eq(table.entry.id, y.entryId)).get()!;
		const params = { id: String(entry.id) };
		const path = `/admin/entries/${entry.id}`;
		const data = (await entryPage.load(scoringEvent(y.admin, path, { params }) as never)) as { impact: { submitted: number; people: number } | null };
		expect(data.impact).not.toBeNull();
		expect(data.impact!.people).toBeGreaterThan(0);

		// The team lets go of the entry first; those who assessed it are still told.
		y.db.delete(table.teamEntry).where(eq(table.teamEntry.entryId, entry.id)).run();
		const other = y.db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, y.cycle.id)).all().find((c) => c.id !== entry.classId)!;
		const fields = { classId: String(other.id), version: String(entry.version) };
		const refused = await entryPage.actions.class(scoringEvent(y.admin, path, { params, form: post(fields) }) as never);
		expect(refused).toMatchObject({ status: 400, data: { form: 'class', errors: { reason: expect.stringContaining('Skriv varför') } } });
		expect(y.db.select().from(table.entry).where(eq(table.entry.id, entry.id)).get()!.classId).toBe(entry.classId);

		const done = await entryPage.actions.class(scoringEvent(y.admin, path, { params, form: post({ ...fields, reason: 'Fel klass vid anmälan.' }) }) as never);
		expect(done).toEqual({ form: 'class', done: true });
		expect(y.db.select().from(table.entry).where(eq(table.entry.id, entry.id)).get()!.classId).toBe(other.id);
		expect(y.db.select().from(table.outbox).all().some((o) => o.bodyText.includes('Fel klass vid anmälan.'))).toBe(true);
	});
});
