import { describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { feedbackYear } from '$lib/server/test-support/feedback';
import { outcome, scoringEvent } from '$lib/server/test-support/scoring';
import { changePhase } from '$lib/server/cycles/phase';
import { RETENTION_KIND_NAMES } from '$lib/domain/retention';
import * as page from '../../src/routes/(app)/admin/retention/+page.server';

type Overview = { cycles: { cycleId: number; year: number; version: number; settings: Record<string, number>; steps: { kind: string; state: string }[] }[] };

function setup() {
	const year = feedbackYear();
	const admin = year.user('admin@demo.test').id;
	const examiner = year.user('examinator1@demo.test').id;
	changePhase({ cycleId: year.cycle.id, to: 'archived', reason: 'Året är slut', actorId: admin });
	const load = async () => (await page.load(scoringEvent(admin, '/admin/retention') as never)) as Overview;
	const post = (action: 'settings' | 'run', userId: number, fields: Record<string, string>) => {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		return outcome(() => page.actions[action](scoringEvent(userId, `/admin/retention?/${action}`, { form }) as never));
	};
	const policies = () => year.db.select().from(table.retentionPolicy).all();
	return { ...year, admin, examiner, load, post, policies };
}

/** The settings form: the drafts of accounts and reports take the assessments' drafts' value. */
const settings = (cycleId: number, version: number, months: [string, string, string]) => ({
	cycleId: String(cycleId),
	version: String(version),
	'months.privateNotes': months[0],
	'months.assessmentDrafts': months[1],
	'months.accountDrafts': months[1],
	'months.reportDrafts': months[1],
	'months.personalData': months[2]
});
const stored = (notes: number, drafts: number, personalData: number) => ({ privateNotes: notes, assessmentDrafts: drafts, accountDrafts: drafts, reportDrafts: drafts, personalData });

describe('the retention page', { timeout: 30_000 }, () => {
	it('is the admin’s alone: page and actions are a 403 for anyone else', async () => {
		const s = setup();
		expect(await outcome(() => page.load(scoringEvent(s.examiner, '/admin/retention') as never))).toEqual({ thrown: 403 });
		expect(await s.post('run', s.examiner, { confirm: 'yes' })).toEqual({ thrown: 403 });
		expect(await s.post('settings', s.examiner, settings(s.cycle.id, 0, ['6', '6', '36']))).toEqual({ thrown: 403 });
		expect(s.policies()).toEqual([]);
	});

	it('shows every cycle with the default settings and when each kind falls due', async () => {
		const s = setup();
		const cycle = (await s.load()).cycles.find((c) => c.year === 2026)!;
		expect(cycle.settings).toEqual(stored(3, 3, 24));
		expect(cycle.steps.map((st) => [st.kind, st.state])).toEqual(RETENTION_KIND_NAMES.map((kind) => [kind, 'waiting']));
	});

	it('refuses bad settings with a Swedish message per field and saves nothing', async () => {
		const s = setup();
		const result = (await s.post('settings', s.admin, settings(s.cycle.id, 0, ['0', 'tre', '24']))) as { status: number; data: { errors: Record<string, string> } };
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({
			'months.privateNotes': 'Ange ett helt antal månader från 1 till 120.',
			'months.assessmentDrafts': 'Ange ett helt antal månader från 1 till 120.',
			'months.accountDrafts': 'Ange ett helt antal månader från 1 till 120.',
			'months.reportDrafts': 'Ange ett helt antal månader från 1 till 120.'
		});
		expect(s.policies()).toEqual([]);
	});

	it('saves settings with an audit entry, and a second admin on the old version gets a conflict', async () => {
		const s = setup();
		expect(await s.post('settings', s.admin, settings(s.cycle.id, 0, ['6', '6', '36']))).toEqual({ cycleId: s.cycle.id, saved: true });
		const cycle = (await s.load()).cycles.find((c) => c.year === 2026)!;
		expect(cycle).toMatchObject({ version: 1, settings: stored(6, 6, 36) });
		const stale = (await s.post('settings', s.admin, settings(s.cycle.id, 0, ['12', '12', '12']))) as { status: number };
		expect(stale.status).toBe(409);
		expect(s.policies()[0].months).toEqual(stored(6, 6, 36));
		const audit = s.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'retention.settings')).all();
		expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
			[s.admin, stored(3, 3, 24), stored(6, 6, 36)]
		]);
	});

	it('runs only once the admin has confirmed', async () => {
		const s = setup();
		const refused = (await s.post('run', s.admin, {})) as { status: number; data: { runErrors: { confirm: string } } };
		expect(refused.status).toBe(400);
		expect(refused.data.runErrors.confirm).toMatch(/^Kryssa i/);
		const ran = (await s.post('run', s.admin, { confirm: 'yes' })) as { run: { done: unknown[]; failed: unknown } };
		expect(ran.run.failed).toBeNull();
		// Nothing of 2026 is due on the day it was archived.
		expect(s.db.select().from(table.auditLog).where(like(table.auditLog.action, 'retention.%')).all().every((a) => a.cycleId !== s.cycle.id)).toBe(true);
	});
});
