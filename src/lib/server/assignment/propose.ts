/**
 * Running a proposal: the optimiser staffs the admitted entries that no published team has, from the
 * pool's remaining capacity, and the result replaces the previous unpublished proposal. Published
 * teams are left as they are. The solve is a job off the request thread (`../jobs/run.ts`), one per
 * cycle, so the server answers other requests and the database is not held while it works; the
 * write then checks, in one transaction, that neither the teams nor the input changed meanwhile.
 * How good the plan is (each preference against its proven bound) and what the pool cannot cover are
 * stored with the proposal in its audit entry, so the screen can say both.
 */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { assignmentStats, type AssignInput, type AssignResult } from '$lib/domain/assign';
import { PREFERENCES, type Preference } from '$lib/domain/assign/quality';
import { groupIntoTeams, toAssignments, type PlanTeam } from '$lib/domain/team-plan';
import { ASSIGNMENT_PHASES, auditPlan, auditTeams, changePlan, loadPlan, nextTeamNumber, writeTeams, type PlanRefusal, type PlanState } from './plan';
import type { OptimisedPlan } from './optimise';
import { jobKind } from '../jobs/run';

export type Shortfall = AssignResult['shortfalls'][number];

/** How good the stored proposal is: what the page says about it. */
export type ProposalReport = Pick<OptimisedPlan, 'quality' | 'levels' | 'proven'>;

export type ProposeResult =
	| { ok: true; teams: number; covered: number; entries: number; shortfalls: Shortfall[]; report: ProposalReport }
	| { ok: false; error: PlanRefusal | 'noEntries' | 'noExaminers' };

/** The engine's input for what is still open: entries without a published team, capacity left. */
export function openInput(state: PlanState): AssignInput {
	const published = state.teams.filter((t) => t.published);
	const taken = new Set(published.flatMap((t) => t.entryIds));
	const entries = state.input.entries.filter((e) => !taken.has(e.id));
	// People on published teams bring only what is left of their capacity.
	const publishedLoad = new Map<string, number>();
	for (const t of published) for (const x of t.memberIds) publishedLoad.set(x, (publishedLoad.get(x) ?? 0) + t.entryIds.length);
	const openIds = new Set(entries.map((e) => e.id));
	return {
		teamSize: state.teamSize,
		entries,
		examiners: state.input.examiners.map((x) => ({ ...x, capacity: Math.max(0, x.capacity - (publishedLoad.get(x.id) ?? 0)) })),
		conflicts: state.input.conflicts.filter((c) => openIds.has(c.entryId))
	};
}

interface ProposalContext {
	cycleId: number;
	version: string;
	actorId: number;
	input: AssignInput;
}

/** A finished run: what it did, and the plan's version it left (or found changed). */
interface ProposalOutcome {
	result: ProposeResult;
	version: string;
}

const proposals = jobKind('optimiseAssignment', (result: OptimisedPlan, context: ProposalContext): ProposalOutcome => {
	const saved = saveProposal(context, result);
	return { result: saved, version: loadPlan(context.cycleId)?.version ?? '' };
});

/**
 * Starts the cycle's proposal off the request thread. Refused at once when it could not be saved
 * (phase, version, nothing to staff) or while another run with other input is under way; a run of
 * the same input is joined.
 */
export function startProposal(
	cycleId: number,
	version: string,
	actorId: number
): { ok: true; started: 'started' | 'joined' } | { ok: false; error: PlanRefusal | 'noEntries' | 'noExaminers' | 'busy' } {
	const read = loadPlan(cycleId);
	if (!read) return { ok: false, error: 'notFound' };
	if (!ASSIGNMENT_PHASES.includes(read.phase)) return { ok: false, error: 'phase' };
	if (read.version !== version) return { ok: false, error: 'conflict' };
	const input = openInput(read);
	if (input.entries.length === 0) return { ok: false, error: 'noEntries' };
	if (input.examiners.length === 0) return { ok: false, error: 'noExaminers' };
	const started = proposals.start(String(cycleId), input, { cycleId, version, actorId, input });
	return started === 'busy' ? { ok: false, error: 'busy' } : { ok: true, started };
}

function saveProposal({ cycleId, version, actorId, input }: ProposalContext, result: OptimisedPlan): ProposeResult {
	const report: ProposalReport = { quality: result.quality, levels: result.levels, proven: result.proven };

	return changePlan(cycleId, version, (tx, state): ProposeResult => {
		if (JSON.stringify(openInput(state)) !== JSON.stringify(input)) return { ok: false, error: 'conflict' };
		const published = state.teams.filter((t) => t.published);
		const classOf = new Map(input.entries.map((e) => [e.id, e.classId]));
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
			after: { teams: auditTeams(proposed), shortfalls: result.shortfalls, report }
		});
		return { ok: true, teams: proposed.length, covered: result.assignments.length, entries: input.entries.length, shortfalls: result.shortfalls, report };
	});
}

/** What the latest proposal of the cycle reported: its shortfalls, and how good it is. */
export function latestProposal(cycleId: number): { shortfalls: Shortfall[]; report: ProposalReport | null } {
	const row = db()
		.select({ after: table.auditLog.after })
		.from(table.auditLog)
		.where(and(eq(table.auditLog.cycleId, cycleId), eq(table.auditLog.action, 'assignment.propose')))
		.orderBy(desc(table.auditLog.id))
		.limit(1)
		.get();
	const after = row?.after as { shortfalls?: Shortfall[]; report?: Partial<ProposalReport> } | null | undefined;
	const report = after?.report;
	return {
		shortfalls: Array.isArray(after?.shortfalls) ? after.shortfalls : [],
		report: report && Array.isArray(report.levels) && report.quality ? (report as ProposalReport) : null
	};
}

export interface ProposalStanding {
	/** The unpublished teams as they stand reach the proven bound at every preference. */
	best: boolean;
	/** The teams are no longer as the proposal left them (a hand edit made them better or worse). */
	changed: boolean;
	/** Preferences at which the teams fall short of what is proven possible. */
	gaps: { preference: Preference; value: number; bound: number }[];
}

/**
 * How the unpublished teams, as they stand now, compare with the bounds the latest proposal proved
 * for the same open entries. Null without a proposal that reported its bounds.
 */
export function proposalStanding(state: PlanState, report: ProposalReport | null): ProposalStanding | null {
	const teams = state.teams.filter((t) => !t.published);
	if (!report || teams.length === 0) return null;
	const now = assignmentStats(openInput(state), toAssignments(teams));
	const gaps = report.levels
		.map(({ preference, bound }) => ({ preference, value: now[preference], bound }))
		.filter(({ preference, value, bound }) => (preference === 'covered' ? value < bound : value > bound));
	return { best: gaps.length === 0, changed: PREFERENCES.some((p) => now[p] !== report.quality[p]), gaps };
}

/** What the page says of the cycle's latest run, while the plan is as the run found or left it. */
export type ProposalRun = { state: 'running'; seconds: number } | { state: 'failed'; message: string } | { state: 'done'; result: ProposeResult };

export function proposalRun(cycleId: number, version: string, now = new Date()): ProposalRun | null {
	const job = proposals.state(String(cycleId));
	if (!job) return null;
	if (job.state === 'running') return { state: 'running', seconds: Math.round((now.getTime() - job.startedAt.getTime()) / 1000) };
	if (job.state === 'failed') return job.context.version === version ? { state: 'failed', message: job.message } : null;
	return job.result.version === version ? { state: 'done', result: job.result.result } : null;
}

/** Waits for the cycle's run, if any, to end (tests, benches). */
export function proposalSettled(cycleId: number): Promise<void> {
	return proposals.settled(String(cycleId));
}
