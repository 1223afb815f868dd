import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { scoringEvent, scoringYear } from '$lib/server/test-support/scoring';
import * as cyclePage from '../../src/routes/(app)/admin/cycles/[id]/+page.server';

const phaseForm = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};

describe('the phase page', () => {
	it('offers no plain move on while something is missing, and the server still refuses one', async () => {
		const y = scoringYear('assessment');
		const params = { id: String(y.cycle.id) };
		const data = (await cyclePage.load(scoringEvent(y.admin, `/admin/cycles/${y.cycle.id}`, { params }) as never)) as {
			status: { check: { allowed: boolean; missing: unknown[] } };
		};
		// The page disables its main button exactly when this is false.
		expect(data.status.check.allowed).toBe(false);
		expect(data.status.check.missing.length).toBeGreaterThan(0);

		const posted = await cyclePage.actions.phase(scoringEvent(y.admin, `/admin/cycles/${y.cycle.id}`, { params, form: phaseForm({ to: 'consensus' }) }) as never);
		expect(posted).toMatchObject({ status: 409, data: { refused: true } });
		expect(y.db.select().from(table.cycle).where(eq(table.cycle.id, y.cycle.id)).get()!.phase).toBe('assessment');
	});
});
