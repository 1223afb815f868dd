/**
 * Hand edits of the proposal, publishing and taking a publication back. Every write re-reads the
 * plan in its transaction, refuses a stale version, re-checks the rules with `checkAssignment` and
 * appends an audit entry with the teams before and after.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import * as table from '../db/schema';
import { checkAssignment, type RuleBreach } from '$lib/domain/assign';
import { applyEdit, checkEdit, toAssignments, type EditError, type PlanEdit } from '$lib/domain/team-plan';
import { auditPlan, auditTeams, changePlan, writeTeams, type PlanRefusal } from './plan';

export type EditOutcome =
	| { ok: true; introduced: RuleBreach[] }
	| { ok: false; error: PlanRefusal | EditError }
	| { ok: false; error: 'refused'; refused: RuleBreach[] };

/** One hand edit; refused when it breaks a rule that may never be broken (see `isRefused`). */
export function editPlan(cycleId: number, version: string, edit: PlanEdit, actorId: number): EditOutcome {
	return changePlan(cycleId, version, (tx, state): EditOutcome => {
		const applied = applyEdit(state.teams, edit, state.input);
		if (!applied.ok) return applied;
		const check = checkEdit(state.input, state.teams, applied.teams);
		if (check.refused.length > 0) return { ok: false, error: 'refused', refused: check.refused };
		writeTeams(tx, cycleId, state.teams, applied.teams);
		const touched = (ids: Set<string>) => (t: { id: string }) => ids.has(t.id);
		const changedIds = new Set(
			[...state.teams, ...applied.teams]
				.filter((t) => JSON.stringify(state.teams.find((o) => o.id === t.id)) !== JSON.stringify(applied.teams.find((o) => o.id === t.id)))
				.map((t) => t.id)
		);
		auditPlan(tx, {
			actorId,
			cycleId,
			action: 'assignment.edit',
			before: { teams: auditTeams(state.teams.filter(touched(changedIds))) },
			after: { edit, teams: auditTeams(applied.teams.filter(touched(changedIds))), introduced: check.introduced }
		});
		return { ok: true, introduced: check.introduced };
	});
}

export type PublishOutcome =
	| { ok: true; teams: number }
	| { ok: false; error: PlanRefusal | 'nothing' }
	| { ok: false; error: 'hardRules'; breaches: RuleBreach[] };

/** Makes the proposal visible to the examiners; refused while any hard rule is broken. */
export function publishPlan(cycleId: number, version: string, actorId: number, now = new Date()): PublishOutcome {
	return changePlan(cycleId, version, (tx, state): PublishOutcome => {
		const proposal = state.teams.filter((t) => !t.published);
		if (!proposal.some((t) => t.entryIds.length > 0)) return { ok: false, error: 'nothing' };
		const hard = checkAssignment(state.input, toAssignments(state.teams)).filter((b) => b.hard);
		if (hard.length > 0) return { ok: false, error: 'hardRules', breaches: hard };

		// Teams left without entries by the edits have nothing to do: they are not published.
		const idle = proposal.filter((t) => t.entryIds.length === 0).map((t) => Number(t.id));
		if (idle.length > 0) tx.delete(table.team).where(inArray(table.team.id, idle)).run();
		const publishing = proposal.filter((t) => t.entryIds.length > 0);
		tx.update(table.team)
			.set({ publishedAt: now })
			.where(and(eq(table.team.cycleId, cycleId), isNull(table.team.publishedAt)))
			.run();
		auditPlan(tx, {
			actorId,
			cycleId,
			action: 'assignment.publish',
			before: { published: auditTeams(state.teams.filter((t) => t.published)) },
			after: { published: auditTeams([...state.teams.filter((t) => t.published), ...publishing.map((t) => ({ ...t, published: true }))]) }
		});
		return { ok: true, teams: publishing.length };
	});
}

export type UnpublishOutcome = { ok: true; teams: number } | { ok: false; error: PlanRefusal | 'nothing' | 'assessmentsStarted' };

/**
 * Takes the published teams back into the proposal, hidden from the examiners, so the admin can
 * change them. Refused once anyone has started assessing an entry of those teams.
 */
export function unpublishPlan(cycleId: number, version: string, actorId: number, reason: string): UnpublishOutcome {
	return changePlan(cycleId, version, (tx, state): UnpublishOutcome => {
		const published = state.teams.filter((t) => t.published);
		if (published.length === 0) return { ok: false, error: 'nothing' };
		const entryIds = published.flatMap((t) => t.entryIds).map(Number);
		const started =
			entryIds.length > 0 &&
			tx.select({ id: table.assessment.id }).from(table.assessment).where(inArray(table.assessment.entryId, entryIds)).get();
		if (started) return { ok: false, error: 'assessmentsStarted' };
		tx.update(table.team)
			.set({ publishedAt: null })
			.where(and(eq(table.team.cycleId, cycleId), isNotNull(table.team.publishedAt)))
			.run();
		auditPlan(tx, {
			actorId,
			cycleId,
			action: 'assignment.unpublish',
			before: { published: auditTeams(published) },
			after: { published: [] },
			reason
		});
		return { ok: true, teams: published.length };
	});
}

export type DiscardOutcome = { ok: true } | { ok: false; error: PlanRefusal | 'nothing' };

/** Deletes the unpublished proposal; published teams stay. */
export function discardProposal(cycleId: number, version: string, actorId: number): DiscardOutcome {
	return changePlan(cycleId, version, (tx, state): DiscardOutcome => {
		const proposal = state.teams.filter((t) => !t.published);
		if (proposal.length === 0) return { ok: false, error: 'nothing' };
		writeTeams(tx, cycleId, state.teams, state.teams.filter((t) => t.published));
		auditPlan(tx, {
			actorId,
			cycleId,
			action: 'assignment.discard',
			before: { teams: auditTeams(proposal) },
			after: { teams: [] }
		});
		return { ok: true };
	});
}
