import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import type { DB } from '../db';
import * as table from '../db/schema';
import { seedDemo, type DemoPhase } from '../demo/seed';
import { getCycleByYear, type Cycle } from '../cycles/lookup';
import { examinerWork } from '../home/overview';
import { conflictedEntryIds } from '../access/entry-facts';
import { declareConflict } from '../conflicts/declarations';
import { checkAssignment } from '$lib/domain/assign';
import { applyEdit, checkEdit, toAssignments, type PlanEdit, type PlanTeam } from '$lib/domain/team-plan';
import { loadPlan } from './plan';
import { latestProposal, proposalRun, proposalSettled, proposalStanding, startProposal } from './propose';
import { discardProposal, editPlan, publishPlan, unpublishPlan } from './edit';
import { onDemoDay } from '../test-support/demo-day';

let db: DB;
let adminId: number;
let cycle: Cycle;

function seed(phase: DemoPhase) {
	db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	adminId = userId('admin@demo.test');
	cycle = getCycleByYear(2026)!;
}
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const plan = () => loadPlan(cycle.id)!;
const audits = (action: string) =>
	db.select().from(table.auditLog).where(and(eq(table.auditLog.action, action), eq(table.auditLog.cycleId, cycle.id))).orderBy(asc(table.auditLog.id)).all();
const teamRows = () => db.select().from(table.team).where(eq(table.team.cycleId, cycle.id)).orderBy(asc(table.team.id)).all();
/** Runs a proposal as the page does, off the thread, and waits for what it saved. */
const propose = async () => {
	const started = startProposal(cycle.id, plan().version, adminId);
	if (!started.ok) throw new Error(started.error);
	await proposalSettled(cycle.id);
	const run = proposalRun(cycle.id, plan().version);
	if (run?.state !== 'done') throw new Error(`the run ended ${run?.state ?? 'unseen'}`);
	if (!run.result.ok) throw new Error(run.result.error);
	return run.result;
};
const teamOf = (teams: PlanTeam[], entryId: string) => teams.find((t) => t.entryIds.includes(entryId))!;
/** What an edit would break, judged in memory the way the server judges it. */
const firstCheck = (state: ReturnType<typeof plan>, edit: PlanEdit) => {
	const applied = applyEdit(state.teams, edit, state.input);
	if (!applied.ok) throw new Error(applied.error);
	return checkEdit(state.input, state.teams, applied.teams);
};

onDemoDay('registration');

// A proposal solves the plan exactly, which takes seconds on a busy machine.
describe('running a proposal (registration phase)', { timeout: 60_000 }, () => {
	beforeEach(() => seed('registration'));

	it('stores every admitted entry on an unpublished team, audited, and shows examiners nothing yet', async () => {
		expect(teamRows()).toEqual([]);
		const result = await propose();
		const state = plan();
		expect(result).toMatchObject({ ok: true, covered: 12, entries: 12, shortfalls: [] });
		expect(state.input.entries).toHaveLength(12);
		expect(state.teams.length).toBe(result.teams);
		expect(teamRows().every((t) => t.publishedAt === null)).toBe(true);
		expect(state.teams.flatMap((t) => t.entryIds).sort()).toEqual(state.input.entries.map((e) => e.id).sort());
		expect(checkAssignment(state.input, toAssignments(state.teams)).filter((b) => b.hard)).toEqual([]);
		for (const t of state.teams) {
			expect(t.memberIds).toHaveLength(3);
			expect(t.memberIds).toContain(t.leadId);
			expect(t.name).toMatch(/^Lag \d+$/);
		}
		const [audit] = audits('assignment.propose');
		expect(audit.actorId).toBe(adminId);
		expect((audit.after as { teams: unknown[] }).teams).toHaveLength(result.teams);
		expect(examinerWork(userId('examinator1@demo.test'), cycle)).toEqual([]);
	});

	it('proposes the best plan the rules allow: six teams of three, two entries each, nothing bent', async () => {
		const result = await propose();
		const state = plan();
		expect(checkAssignment(state.input, toAssignments(state.teams))).toEqual([]);
		expect(state.teams.map((t) => [t.memberIds.length, t.entryIds.length])).toEqual(Array(6).fill([3, 2]));
		expect(result.report.proven).toBe(true);
		expect(latestProposal(cycle.id).report).toEqual(result.report);
		expect(proposalStanding(state, result.report)).toEqual({ best: true, changed: false, gaps: [] });
	});

	it('proves that no plan is without a miss once Anna declares a conflict with Förskolan Ekorren', async () => {
		const anna = userId('examinator1@demo.test');
		const ekorren = plan().entries.find((e) => e.unitName === 'Förskolan Ekorren')!;
		expect(declareConflict({ cycleId: cycle.id, userId: anna, entryId: Number(ekorren.id), reason: 'relative', note: '', actorId: anna }).ok).toBe(true);
		const result = await propose();
		expect(result.report.levels.slice(0, 2)).toEqual([
			{ preference: 'covered', value: 12, bound: 12, proven: true },
			{ preference: 'expertiseMisses', value: 1, bound: 1, proven: true }
		]);
		expect(plan().teams.find((t) => t.entryIds.includes(ekorren.id))!.memberIds).not.toContain(String(anna));
	});

	it('says, after a hand edit, what the teams lack against the proven bounds', async () => {
		const result = await propose();
		const before = plan();
		const [a, b] = before.teams;
		const swap = { kind: 'swap' as const, teamId: a.id, examinerId: a.memberIds.find((x) => x !== a.leadId)!, otherTeamId: b.id, otherExaminerId: b.memberIds.find((x) => x !== b.leadId)! };
		expect(editPlan(cycle.id, before.version, swap, adminId).ok).toBe(true);
		const standing = proposalStanding(plan(), result.report)!;
		expect(standing.best).toBe(false);
		expect(standing.changed).toBe(true);
		expect(standing.gaps.length).toBeGreaterThan(0);
		for (const gap of standing.gaps) expect(gap.value).toBeGreaterThan(gap.bound);
	});

	it('replaces the previous unpublished proposal and refuses a run based on an old version', async () => {
		await propose();
		const first = teamRows().map((t) => t.id);
		const stale = plan().version;
		await propose();
		const second = teamRows().map((t) => t.id);
		expect(second.some((id) => first.includes(id))).toBe(false);
		expect(second).toHaveLength(first.length);
		expect(startProposal(cycle.id, stale, adminId)).toEqual({ ok: false, error: 'conflict' });
		expect(audits('assignment.propose')).toHaveLength(2);
	});

	it('never puts an examiner on an entry they declared a conflict with, nor one of their own organisation', async () => {
		const state = plan();
		const examinerId = userId('examinator2@demo.test');
		const entryId = Number(state.input.entries[0].id);
		expect(declareConflict({ cycleId: cycle.id, userId: examinerId, entryId, reason: 'relative', note: '', actorId: examinerId }).ok).toBe(true);
		await propose();
		const after = plan();
		expect(teamOf(after.teams, String(entryId)).memberIds).not.toContain(String(examinerId));
		for (const t of after.teams) {
			for (const x of t.memberIds) {
				const barred = conflictedEntryIds(Number(x), cycle.id);
				for (const e of t.entryIds) expect(barred.has(Number(e))).toBe(false);
			}
		}
	});

	it('never seats the coordinator of an organisation on its entries', async () => {
		const before = plan();
		const social = before.entries.find((e) => e.unitName === 'Enheten för hemlösa')!.organisationId;
		const coordinator = userId('examinator1@demo.test');
		db.insert(table.coordinator).values({ cycleId: cycle.id, organisationId: Number(social), userId: coordinator }).run();
		expect(plan().input.examiners.find((x) => x.id === String(coordinator))?.coordinates).toEqual([social]);
		const result = await propose();
		expect(result).toMatchObject({ covered: 12, shortfalls: [] });
		const after = plan();
		const socialEntries = after.entries.filter((e) => e.organisationId === social && e.admitted).map((e) => e.id);
		expect(socialEntries.length).toBeGreaterThan(0);
		for (const e of socialEntries) expect(teamOf(after.teams, e).memberIds).not.toContain(String(coordinator));
		// The lists and pages bar the coordinator from those entries as they bar any conflict.
		for (const e of socialEntries) expect(conflictedEntryIds(coordinator, cycle.id).has(Number(e))).toBe(true);
	});

	it('reports which class lacks how many examiners when the pool is too small, and blocks publishing', async () => {
		// Förskola's experts and everyone else cannot take more than one entry between them.
		const preschool = plan().classes[0].id;
		db.update(table.examinerProfile).set({ capacity: 0 }).run();
		const few = db.select().from(table.examinerProfile).orderBy(asc(table.examinerProfile.id)).limit(3).all();
		for (const p of few) db.update(table.examinerProfile).set({ capacity: 1, leadCapable: true }).where(eq(table.examinerProfile.id, p.id)).run();
		const result = await propose();
		expect(result.covered).toBe(1);
		expect(result.shortfalls.length).toBeGreaterThan(0);
		const short = result.shortfalls.find((s) => s.classId === preschool);
		expect(short?.examinersMissing).toBeGreaterThan(0);
		expect(latestProposal(cycle.id).shortfalls).toEqual(result.shortfalls);
		const publish = publishPlan(cycle.id, plan().version, adminId);
		expect(publish.ok).toBe(false);
		if (!publish.ok && publish.error === 'hardRules') expect(publish.breaches.filter((b) => b.code === 'uncovered')).toHaveLength(11);
		else throw new Error('expected hard rules');
	});
});

describe('editing the proposal by hand', { timeout: 60_000 }, () => {
	beforeEach(async () => {
		seed('registration');
		await propose();
	}, 60_000);

	it('saves a move that leaves teams unfinished, re-checked, and says what it breaks', () => {
		// The demo's best plan has every team on two entries and everyone at capacity: taking an entry
		// off a team frees one place a move can use.
		const proposed = plan();
		const freed = proposed.teams[0];
		expect(editPlan(cycle.id, proposed.version, { kind: 'removeEntry', teamId: freed.id, entryId: freed.entryIds[0] }, adminId).ok).toBe(true);
		const before = plan();
		const moves = before.teams.flatMap((a) =>
			before.teams.flatMap((b) =>
				a.memberIds.filter((x) => x !== a.leadId && !b.memberIds.includes(x)).map((x) => ({ kind: 'move' as const, teamId: a.id, examinerId: x, toTeamId: b.id }))
			)
		);
		const outcomes = moves.filter((m) => m.teamId !== m.toTeamId).map((m) => ({ m, check: firstCheck(before, m) }));
		const allowed = outcomes.find((o) => o.check.refused.length === 0)!;
		// Adding someone who is already at capacity to another team is refused.
		const overCapacity = before.teams
			.flatMap((b) => before.input.examiners.filter((x) => !b.memberIds.includes(x.id)).map((x) => ({ kind: 'addMember' as const, teamId: b.id, examinerId: x.id })))
			.find((edit) => firstCheck(before, edit).refused.some((b) => b.code === 'over-capacity'))!;
		expect(editPlan(cycle.id, before.version, overCapacity, adminId)).toMatchObject({ ok: false, error: 'refused' });

		const { m } = allowed;
		const result = editPlan(cycle.id, before.version, m, adminId);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.introduced.filter((x) => x.code === 'wrong-size').length).toBeGreaterThan(0);
		const after = plan();
		expect(after.teams.find((t) => t.id === m.teamId)!.memberIds).not.toContain(m.examinerId);
		expect(after.teams.find((t) => t.id === m.toTeamId)!.memberIds).toContain(m.examinerId);
		expect(after.version).not.toBe(before.version);
		const audit = audits('assignment.edit').at(-1)!;
		expect(audit.after).toMatchObject({ edit: { kind: 'move', examinerId: m.examinerId } });
		expect((audit.before as { teams: { id: string }[] }).teams.map((t) => t.id).sort()).toEqual([m.teamId, m.toTeamId].sort());
	});

	it('refuses an edit that breaks a rule that may never be broken, and writes nothing', () => {
		const before = plan();
		const team = before.teams[0];
		const notLead = team.memberIds.find((x) => !before.input.examiners.find((e) => e.id === x)!.leadCapable)!;
		const lead = editPlan(cycle.id, before.version, { kind: 'lead', teamId: team.id, examinerId: notLead }, adminId);
		expect(lead).toMatchObject({ ok: false, error: 'refused' });
		if (!lead.ok && lead.error === 'refused') expect(lead.refused.every((b) => b.code === 'lead-not-capable')).toBe(true);

		// Someone from the entry's own organisation is a conflict of interest.
		const insider = before.teams
			.flatMap((t) =>
				before.pool
					.filter((p) => !t.memberIds.includes(String(p.userId)))
					.filter((p) => t.entryIds.some((e) => before.entries.find((x) => x.id === e)!.organisationId === String(p.organisationId)))
					.map((p) => ({ teamId: t.id, examinerId: String(p.userId) }))
			)
			.at(0)!;
		const add = editPlan(cycle.id, before.version, { kind: 'addMember', ...insider }, adminId);
		expect(add).toMatchObject({ ok: false, error: 'refused' });
		if (!add.ok && add.error === 'refused') expect(add.refused.some((b) => b.code === 'conflict' && b.reason === 'organisation')).toBe(true);
		expect(plan().version).toBe(before.version);
		expect(audits('assignment.edit')).toEqual([]);
	});

	it('refuses a coordinator on an entry of the organisation they coordinate, with its own reason', () => {
		const before = plan();
		const team = before.teams[0];
		const organisationId = before.entries.find((e) => e.id === team.entryIds[0])!.organisationId;
		const outsider = before.pool.find((p) => !team.memberIds.includes(String(p.userId)) && String(p.organisationId) !== organisationId)!;
		db.insert(table.coordinator).values({ cycleId: cycle.id, organisationId: Number(organisationId), userId: outsider.userId }).run();
		const add = editPlan(cycle.id, before.version, { kind: 'addMember', teamId: team.id, examinerId: String(outsider.userId) }, adminId);
		expect(add).toMatchObject({ ok: false, error: 'refused' });
		if (!add.ok && add.error === 'refused') {
			expect(add.refused).toContainEqual(expect.objectContaining({ code: 'conflict', reason: 'coordinator', examinerId: String(outsider.userId) }));
		}
		expect(plan().version).toBe(before.version);
		// A member appointed coordinator after the proposal breaks a hard rule, so the teams cannot be published.
		const member = team.memberIds.find((x) => x !== team.leadId)!;
		db.insert(table.coordinator).values({ cycleId: cycle.id, organisationId: Number(organisationId), userId: Number(member) }).run();
		const publish = publishPlan(cycle.id, before.version, adminId);
		expect(publish).toMatchObject({ ok: false, error: 'hardRules' });
		if (!publish.ok && publish.error === 'hardRules') {
			expect(publish.breaches).toContainEqual(expect.objectContaining({ code: 'conflict', reason: 'coordinator', examinerId: member, entryId: team.entryIds[0] }));
		}
	});

	it('refuses an edit made on a stale page', () => {
		const before = plan();
		const [a] = before.teams;
		const other = a.memberIds.find((x) => x !== a.leadId)!;
		expect(editPlan(cycle.id, before.version, { kind: 'removeMember', teamId: a.id, examinerId: other }, adminId).ok).toBe(true);
		expect(editPlan(cycle.id, before.version, { kind: 'addMember', teamId: a.id, examinerId: other }, adminId)).toEqual({ ok: false, error: 'conflict' });
	});

	it('swaps two members and moves an entry to a new team, keeping the database in step with the plan', () => {
		let state = plan();
		const swaps = state.teams.flatMap((a) =>
			state.teams
				.filter((b) => b.id !== a.id)
				.flatMap((b) =>
					a.memberIds.flatMap((x) =>
						b.memberIds
							.filter((y) => !a.memberIds.includes(y) && !b.memberIds.includes(x))
							.map((y) => ({ kind: 'swap' as const, teamId: a.id, examinerId: x, otherTeamId: b.id, otherExaminerId: y }))
					)
				)
		);
		const swap = swaps.find((e) => firstCheck(state, e).refused.length === 0)!;
		expect(editPlan(cycle.id, state.version, swap, adminId).ok).toBe(true);
		state = plan();
		expect(state.teams.find((t) => t.id === swap.teamId)!.memberIds).toContain(swap.otherExaminerId);
		expect(state.teams.find((t) => t.id === swap.otherTeamId)!.memberIds).toContain(swap.examinerId);
		const a = state.teams.find((t) => t.id === swap.teamId)!;
		const moved = a.entryIds[0];
		expect(editPlan(cycle.id, state.version, { kind: 'newTeam', classId: a.classId, entryId: moved }, adminId).ok).toBe(true);
		state = plan();
		const fresh = teamOf(state.teams, moved);
		expect(fresh).toMatchObject({ memberIds: [], leadId: null, published: false });
		expect(fresh.name).toMatch(/^Lag \d+$/);
		expect(checkAssignment(state.input, toAssignments(state.teams)).some((b) => b.code === 'wrong-size' && b.entryId === moved)).toBe(true);
	});
});

describe('publishing', { timeout: 60_000 }, () => {
	beforeEach(async () => {
		seed('registration');
		await propose();
	}, 60_000);

	it('is refused while a hard rule is broken, then publishes with before and after in the audit log', () => {
		let state = plan();
		const team = state.teams[0];
		const member = team.memberIds.find((x) => x !== team.leadId)!;
		expect(editPlan(cycle.id, state.version, { kind: 'removeMember', teamId: team.id, examinerId: member }, adminId).ok).toBe(true);
		state = plan();
		const refused = publishPlan(cycle.id, state.version, adminId);
		expect(refused).toMatchObject({ ok: false, error: 'hardRules' });
		expect(teamRows().every((t) => t.publishedAt === null)).toBe(true);
		expect(audits('assignment.publish')).toEqual([]);

		expect(editPlan(cycle.id, state.version, { kind: 'addMember', teamId: team.id, examinerId: member }, adminId).ok).toBe(true);
		state = plan();
		const published = publishPlan(cycle.id, state.version, adminId);
		expect(published).toEqual({ ok: true, teams: state.teams.length });
		expect(teamRows().every((t) => t.publishedAt !== null)).toBe(true);
		const [audit] = audits('assignment.publish');
		expect(audit.actorId).toBe(adminId);
		expect(audit.before).toEqual({ published: [] });
		expect((audit.after as { published: { entryIds: number[] }[] }).published.flatMap((t) => t.entryIds)).toHaveLength(12);

		// Each examiner now sees exactly the entries of their teams.
		for (const t of plan().teams) {
			for (const x of t.memberIds) {
				const mine = plan().teams.filter((o) => o.memberIds.includes(x)).flatMap((o) => o.entryIds).map(Number).sort();
				expect(examinerWork(Number(x), cycle).map((w) => w.entryId).sort()).toEqual(mine);
			}
		}
	});

	it('leaves published teams alone: a new proposal has nothing to do, edits are refused, withdrawal brings them back', () => {
		expect(publishPlan(cycle.id, plan().version, adminId).ok).toBe(true);
		const published = teamRows().map((t) => t.id);
		expect(startProposal(cycle.id, plan().version, adminId)).toEqual({ ok: false, error: 'noEntries' });
		const t = plan().teams[0];
		expect(editPlan(cycle.id, plan().version, { kind: 'lead', teamId: t.id, examinerId: t.memberIds[0] }, adminId)).toEqual({
			ok: false,
			error: 'published'
		});
		expect(discardProposal(cycle.id, plan().version, adminId)).toEqual({ ok: false, error: 'nothing' });
		expect(teamRows().map((r) => r.id)).toEqual(published);

		expect(unpublishPlan(cycle.id, plan().version, adminId, 'Fel lag för Skola')).toEqual({ ok: true, teams: published.length });
		expect(db.select({ n: sql<number>`count(*)` }).from(table.team).where(isNull(table.team.publishedAt)).get()!.n).toBe(published.length);
		expect(audits('assignment.unpublish')[0].reason).toBe('Fel lag för Skola');
		expect(examinerWork(userId('examinator1@demo.test'), cycle)).toEqual([]);
	});
});

describe('published teams with work under way (assessment phase)', () => {
	beforeEach(() => seed('assessment'));

	it('cannot be taken back once assessments have started', () => {
		const before = teamRows();
		expect(unpublishPlan(cycle.id, plan().version, adminId, 'test')).toEqual({ ok: false, error: 'assessmentsStarted' });
		expect(teamRows()).toEqual(before);
	});

	it('are checked with the rest: a conflict declared after publishing is a broken hard rule and hides the entry', () => {
		const state = plan();
		const team = state.teams[0];
		const member = Number(team.memberIds[0]);
		expect(checkAssignment(state.input, toAssignments(state.teams)).filter((b) => b.hard)).toEqual([]);
		expect(examinerWork(member, cycle).map((w) => String(w.entryId))).toContain(team.entryIds[0]);
		declareConflict({ cycleId: cycle.id, userId: member, entryId: Number(team.entryIds[0]), reason: 'other', note: 'Ny anställning', actorId: adminId });
		const after = plan();
		const hard = checkAssignment(after.input, toAssignments(after.teams)).filter((b) => b.hard);
		expect(hard).toEqual([{ code: 'conflict', hard: true, entryId: team.entryIds[0], examinerId: String(member), reason: 'declared' }]);
		// The person no longer sees the entry on their worklist.
		expect(examinerWork(member, cycle).map((w) => String(w.entryId))).not.toContain(team.entryIds[0]);
	});
});
