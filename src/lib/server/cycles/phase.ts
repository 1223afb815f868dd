/**
 * Phase changes: gathers the facts the guard needs about a cycle and makes the change in one
 * transaction with its audit entry (before, after, what was missing and the override reason).
 */
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { entryEligibility } from '../eligibility/eligibility';
import { checkPhaseChange, decidePhaseChange, type OrderRefusal, type PhaseCheck, type PhaseFacts } from '$lib/domain/phase-guard';
import { nextPhase, type Phase } from '$lib/domain/phases';
import { stockholmDay } from '$lib/domain/dates';

export function phaseFacts(cycleId: number, options: { today?: string; q?: Queryable } = {}): PhaseFacts | null {
	const q = options.q ?? db();
	const today = options.today ?? stockholmDay(new Date());
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
	if (!cycle) return null;
	const classCount = q.select({ id: table.awardClass.id }).from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).all().length;
	const criteria = q
		.select({ key: table.criterion.key, weight: table.criterion.weight })
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(table.criterion.sortOrder)
		.all();
	const admitted = entryEligibility(cycleId, { today, q }).filter((e) => e.admitted);
	const ids = admitted.map((e) => e.entryId);
	const name = new Map(admitted.map((e) => [e.entryId, e.unitName]));
	const names = (entryIds: number[]) => entryIds.map((id) => name.get(id)!);

	const members =
		ids.length === 0
			? []
			: q
					.select({ entryId: table.teamEntry.entryId, userId: table.user.id, name: table.user.name })
					.from(table.teamEntry)
					.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
					.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
					.innerJoin(table.user, eq(table.user.id, table.teamMember.userId))
					.where(and(inArray(table.teamEntry.entryId, ids), isNotNull(table.team.publishedAt)))
					.orderBy(table.user.name)
					.all();
	const submitted = new Set(
		ids.length === 0
			? []
			: q
					.select({ entryId: table.assessment.entryId, examinerId: table.assessment.examinerId })
					.from(table.assessment)
					.where(and(inArray(table.assessment.entryId, ids), eq(table.assessment.status, 'submitted')))
					.all()
					.map((a) => `${a.entryId}:${a.examinerId}`)
	);
	const withTeam = new Set(members.map((m) => m.entryId));
	const statusOf = <T extends { entryId: number; status: string }>(rows: T[]) => new Map(rows.map((r) => [r.entryId, r.status]));
	const consensus = statusOf(
		ids.length === 0 ? [] : q.select({ entryId: table.consensus.entryId, status: table.consensus.status }).from(table.consensus).where(inArray(table.consensus.entryId, ids)).all()
	);
	const reports = statusOf(
		ids.length === 0
			? []
			: q.select({ entryId: table.feedbackReport.entryId, status: table.feedbackReport.status }).from(table.feedbackReport).where(inArray(table.feedbackReport.entryId, ids)).all()
	);

	return {
		phase: cycle.phase,
		today,
		classCount,
		criteria,
		admittedEntries: ids.length,
		entriesWithoutTeam: names(ids.filter((id) => !withTeam.has(id))),
		assessmentsNotSubmitted: ids
			.filter((id) => withTeam.has(id))
			.map((id) => ({
				entry: name.get(id)!,
				examiners: members.filter((m) => m.entryId === id && !submitted.has(`${id}:${m.userId}`)).map((m) => m.name)
			}))
			.filter((a) => a.examiners.length > 0),
		entriesWithoutConsensus: names(ids.filter((id) => consensus.get(id) !== 'done')),
		decisionsClosed: cycle.decisionsClosedAt !== null,
		ceremonyDate: cycle.ceremonyDate,
		reportsNotReleased: names(ids.filter((id) => reports.get(id) !== 'released'))
	};
}

function checkNext(facts: PhaseFacts | null): PhaseCheck | null {
	const next = facts ? nextPhase(facts.phase) : null;
	return facts && next ? checkPhaseChange(facts, next) : null;
}

/** The next phase and what it lacks, or null in the last phase. */
export function nextPhaseCheck(cycleId: number, today?: string): PhaseCheck | null {
	return checkNext(phaseFacts(cycleId, { today }));
}

/** What the cycle page shows: the step ahead and how much the cycle holds. */
export function cycleStatus(cycleId: number) {
	const facts = phaseFacts(cycleId);
	const entries = db()
		.select({ n: count() })
		.from(table.entry)
		.where(and(eq(table.entry.cycleId, cycleId), eq(table.entry.status, 'registered')))
		.get()?.n ?? 0;
	return {
		check: checkNext(facts),
		classes: facts?.classCount ?? 0,
		criteria: facts?.criteria.length ?? 0,
		entries,
		admitted: facts?.admittedEntries ?? 0
	};
}

export type PhaseChangeResult =
	| { ok: true; from: Phase; to: Phase; overridden: boolean }
	| { ok: false; error: 'notFound' }
	| { ok: false; error: 'order'; refusal: OrderRefusal }
	| { ok: false; error: 'needsReason'; check: PhaseCheck };

export function changePhase(input: {
	cycleId: number;
	to: Phase;
	reason?: string | null;
	actorId: number;
	today?: string;
}): PhaseChangeResult {
	return db().transaction((tx) => {
		const facts = phaseFacts(input.cycleId, { today: input.today, q: tx });
		if (!facts) return { ok: false, error: 'notFound' } as const;
		const check = checkPhaseChange(facts, input.to);
		const reason = input.reason?.trim() || null;
		const decision = decidePhaseChange(check, reason);
		if (!decision.change) {
			return decision.why === 'order'
				? ({ ok: false, error: 'order', refusal: check.orderRefusal! } as const)
				: ({ ok: false, error: 'needsReason', check } as const);
		}
		tx.update(table.cycle).set({ phase: input.to }).where(eq(table.cycle.id, input.cycleId)).run();
		appendAudit(tx, {
			actorId: input.actorId,
			cycleId: input.cycleId,
			action: 'cycle.phase',
			entityType: 'cycle',
			entityId: input.cycleId,
			before: { phase: check.from },
			after: { phase: check.to, overridden: decision.overridden, missing: check.missing },
			reason: decision.overridden ? reason : null
		});
		return { ok: true, from: check.from, to: check.to, overridden: decision.overridden } as const;
	});
}
