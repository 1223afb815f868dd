import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { createTestDatabase } from '$lib/server/test-support/db';
import { seedDemo } from '$lib/server/demo/seed';
import { scoringEvent } from '$lib/server/test-support/scoring';
import { proposalSettled, type ProposalRun } from '$lib/server/assignment/propose';
import { stopJobs } from '$lib/server/jobs/run';
import * as teamsPage from '../../src/routes/(app)/admin/assignment/+page.server';
import { onDemoDay } from '$lib/server/test-support/demo-day';

type Page = {
	plan: { version: string; teams: unknown[]; standing: { best: boolean; changed: boolean; gaps: unknown[] } | null; run: ProposalRun | null };
};

onDemoDay('registration');

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
		const cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
		const proposed = await teamsPage.actions.propose(scoringEvent(admin, '/admin/assignment?/propose', { form }) as never);
		expect(proposed).toEqual({ action: 'propose', started: true });

		// The solve works in a thread of its own: the page is answered meanwhile, and says so.
		const asked = performance.now();
		const during = await load();
		expect(performance.now() - asked).toBeLessThan(1000);
		expect(during.plan.run).toMatchObject({ state: 'running' });
		expect(during.plan.teams).toEqual([]);
		// A second click on the same plan joins the run rather than starting another.
		expect(await teamsPage.actions.propose(scoringEvent(admin, '/admin/assignment?/propose', { form }) as never)).toEqual({ action: 'propose', started: true });

		await proposalSettled(cycleId);
		const after = await load();
		expect(after.plan.run).toMatchObject({ state: 'done', result: { ok: true, teams: 6, covered: 12, entries: 12 } });
		expect(after.plan.standing).toEqual({ best: true, changed: false, gaps: [] });
	});

	it('refuses to save a proposal when the teams changed while it was worked out', async () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'registration', passwordHash: 'x' });
		const admin = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
		const cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
		const load = async () => (await teamsPage.load(scoringEvent(admin, '/admin/assignment') as never)) as Page;
		const form = new FormData();
		form.set('version', (await load()).plan.version);
		await teamsPage.actions.propose(scoringEvent(admin, '/admin/assignment?/propose', { form }) as never);
		// Someone else's team appears meanwhile: the plan's version moves on.
		const classId = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).get()!.id;
		db.insert(table.team).values({ cycleId, classId, name: 'Lag 1' }).run();
		await proposalSettled(cycleId);
		const after = await load();
		expect(after.plan.run).toMatchObject({ state: 'done', result: { ok: false, error: 'conflict' } });
		expect(after.plan.teams).toHaveLength(1);
	});

	it('leaves no teams when the server stops during the solve', async () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'registration', passwordHash: 'x' });
		const admin = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
		const load = async () => (await teamsPage.load(scoringEvent(admin, '/admin/assignment') as never)) as Page;
		const form = new FormData();
		form.set('version', (await load()).plan.version);
		await teamsPage.actions.propose(scoringEvent(admin, '/admin/assignment?/propose', { form }) as never);
		await stopJobs();
		const after = await load();
		expect(after.plan.teams).toEqual([]);
		expect(after.plan.run).toMatchObject({ state: 'failed' });
	});
});
