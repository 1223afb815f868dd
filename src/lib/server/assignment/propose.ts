/**
 * Running a proposal: the engine staffs the admitted entries that no published team has, from the
 * pool's remaining capacity, and the result replaces the previous unpublished proposal. Published
 * teams are left as they are. What the pool cannot cover is stored with the proposal (in its audit
 * entry) so the screen can say which class lacks how many examiners and leads.
 */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { planAssignment, type AssignReport, type AssignResult } from '$lib/domain/assign';
import { groupIntoTeams, type PlanTeam } from '$lib/domain/team-plan';
import { auditPlan, auditTeams, changePlan, nextTeamNumber, writeTeams, type PlanRefusal } from './plan';

export type Shortfall = AssignResult['shortfalls'][number];

export type ProposeResult =
	| { ok: true; teams: number; covered: number; entries: number; shortfalls: Shortfall[]; report: AssignReport }
	| { ok: false; error: PlanRefusal | 'noEntries' | 'noExaminers' };

export function runProposal(cycleId: number, version: string, actorId: number): ProposeResult {
	return changePlan(cycleId, version, (tx, state): ProposeResult => {
		const published = state.teams.filter((t) => t.published);
		const taken = new Set(published.flatMap((t) => t.entryIds));
		const entries = state.input.entries.filter((e) => !taken.has(e.id));
		if (entries.length === 0) return { ok: false, error: 'noEntries' };
		if (state.input.examiners.length === 0) return { ok: false, error: 'noExaminers' };

		// People on published teams bring only what is left of their capacity.
		const publishedLoad = new Map<string, number>();
		for (const t of published) for (const x of t.memberIds) publishedLoad.set(x, (publishedLoad.get(x) ?? 0) + t.entryIds.length);
		const openIds = new Set(entries.map((e) => e.id));
		const result = planAssignment({
			teamSize: state.teamSize,
			entries,
			examiners: state.input.examiners.map((x) => ({ ...x, capacity: Math.max(0, x.capacity - (publishedLoad.get(x.id) ?? 0)) })),
			conflicts: state.input.conflicts.filter((c) => openIds.has(c.entryId))
		});

		const classOf = new Map(entries.map((e) => [e.id, e.classId]));
		let n = nextTeamNumber(published);
		const proposed: PlanTeam[] = groupIntoTeams(result.assignments, (id) => classOf.get(id)!, state.classes.map((c) => c.id)).map(
			(t, i) => ({ id: `new-${i}`, name: `Lag ${n++}`, published: false, ...t })
		);
		const before = state.teams.filter((t) => !t.published);
		writeTeams(tx, cycleId, state.teams, [...published, ...proposed]);
		auditPlan(tx, {
			actorId,
			cycleId,
			action: 'assignment.propose',
			before: { teams: auditTeams(before) },
			after: { teams: auditTeams(proposed), shortfalls: result.shortfalls, report: result.report }
		});
		return {
			ok: true,
			teams: proposed.length,
			covered: result.assignments.length,
			entries: entries.length,
			shortfalls: result.shortfalls,
			report: result.report
		};
	});
}

/** The shortfalls the latest proposal of the cycle reported. */
export function latestShortfalls(cycleId: number): Shortfall[] {
	const row = db()
		.select({ after: table.auditLog.after })
		.from(table.auditLog)
		.where(and(eq(table.auditLog.cycleId, cycleId), eq(table.auditLog.action, 'assignment.propose')))
		.orderBy(desc(table.auditLog.id))
		.limit(1)
		.get();
	const after = row?.after as { shortfalls?: Shortfall[] } | null | undefined;
	return Array.isArray(after?.shortfalls) ? after.shortfalls : [];
}
