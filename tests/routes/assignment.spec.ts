import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { createTestDatabase } from '$lib/server/test-support/db';
import { seedDemo } from '$lib/server/demo/seed';
import { scoringEvent } from '$lib/server/test-support/scoring';
import * as teamsPage from '../../src/routes/(app)/admin/assignment/+page.server';

type Page = { plan: { version: string; standing: { best: boolean; changed: boolean; gaps: unknown[] } | null } };

// The proposal is solved exactly, which takes seconds on a busy machine.
describe('the teams page', { timeout: 120_000 }, () => {
	it('runs a proposal and then says it is the best plan the rules allow', async () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'registration', passwordHash: 'x' });
		const admin = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
		const load = async () => (await teamsPage.load(scoringEvent(admin, '/admin/assignment') as never)) as Page;

		const before = await load();
		expect(before.plan.standing).toBeNull();
		const form = new FormData();
		form.set('version', before.plan.version);
		const proposed = await teamsPage.actions.propose(scoringEvent(admin, '/admin/assignment?/propose', { form }) as never);
		expect(proposed).toMatchObject({ action: 'propose', proposed: { teams: 6, covered: 12, entries: 12 } });
		expect((await load()).plan.standing).toEqual({ best: true, changed: false, gaps: [] });
	});
});
