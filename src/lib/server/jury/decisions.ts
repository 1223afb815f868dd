/**
 * The chair's decisions (docs/jury.md#4-decisions): per class the award and honourable mentions
 * with their citations, or no award with a reason; the meeting's attendance; and the closing
 * ("justering"), after which nothing here changes for anyone. Every write checks the cycle as it is
 * inside its own transaction, and is written to the audit log.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { barredEntryIds, readViewer } from '../access/entry-facts';
import { entryEligibility } from '../eligibility/eligibility';
import { finalistRows, juryMembers } from './jury';
import { mayInCycle } from '../access/guards';
import { byOutcome, checkClassDecision, type ClassDecisionInput, type DecisionCandidate, type DecisionIssue } from '$lib/domain/decisions';
import { withoutBarred, type Barred } from '$lib/domain/entry-state';

export type ChairRefusal = 'forbidden' | 'not-found' | 'not-open' | 'closed' | 'conflict';
export type Refused = { ok: false; refusal: ChairRefusal };

/** A short digest of a record as it stands; a form posts it back, and a mismatch is an edit conflict. */
export function fingerprint(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** Chair, jury phase, not closed: checked against the cycle row read inside the write's transaction. */
function refuse(q: Queryable, userId: number, cycleId: number): ChairRefusal | null {
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
	if (!cycle) return 'not-found';
	// The chair's right is asked as of the jury phase, so that anyone else hears "forbidden" first.
	if (!mayInCycle(readViewer(userId), 'decision.record', { id: cycleId, phase: 'jury' })) return 'forbidden';
	if (cycle.decisionsClosedAt !== null) return 'closed';
	if (cycle.phase !== 'jury') return 'not-open';
	return null;
}

export type DecisionRow = typeof table.decision.$inferSelect;

/** The class's decisions as the one recording them sees them: those on entries they are barred from left out. */
export function classDecisions(q: Queryable, classId: number, barred: Barred): DecisionRow[] {
	const rows = q.select().from(table.decision).where(eq(table.decision.classId, classId)).orderBy(asc(table.decision.id)).all();
	return withoutBarred(rows, barred).sort(byOutcome);
}

/** What the form's version stands for: the class's decisions, independent of row ids. */
export function decisionsVersion(rows: Pick<DecisionRow, 'entryId' | 'outcome' | 'citation'>[]): string {
	const key = rows
		.map((r) => [r.entryId ?? 0, r.outcome, r.citation] as const)
		.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
	return fingerprint(key);
}

/** Why E8 blocks the award, per entry of the cycle (null: it does not). */
export function awardBlockReasons(cycleId: number, q: Queryable = db()): Map<number, string | null> {
	return new Map(
		entryEligibility(cycleId, { q }).map((e) => {
			const e8 = e.eligibility.rules.find((r) => r.rule === 'E8');
			return [e.entryId, e.eligibility.awardBlocked ? (e8?.reason ?? '') : null];
		})
	);
}

/** The finalists the chair may decide on: those of the class they are not barred from. */
export function decisionCandidates(q: Queryable, cycleId: number, classId: number, barred: Barred) {
	const blocked = awardBlockReasons(cycleId, q);
	return finalistRows(q, cycleId, barred, classId).map((f) => ({
		entryId: f.entryId,
		unitName: f.unitName,
		organisation: f.organisation,
		awardBlockedReason: blocked.get(f.entryId) ?? null
	}));
}

export type RecordResult = { ok: true } | Refused | { ok: false; issues: DecisionIssue[] };

/**
 * Replaces the class's decisions with the chair's, when they still stand as the form saw them.
 * Decisions on an entry the chair is barred from are neither shown to them nor replaced.
 */
export function recordClassDecision(
	actor: { userId: number; cycleId: number },
	classId: number,
	version: string,
	input: ClassDecisionInput
): RecordResult {
	return db().transaction((tx) => {
		const refusal = refuse(tx, actor.userId, actor.cycleId);
		if (refusal) return { ok: false, refusal };
		const owned = tx
			.select({ id: table.awardClass.id })
			.from(table.awardClass)
			.where(and(eq(table.awardClass.id, classId), eq(table.awardClass.cycleId, actor.cycleId)))
			.get();
		if (!owned) return { ok: false, refusal: 'not-found' };
		const barred = barredEntryIds(readViewer(actor.userId), actor.cycleId);
		const before = classDecisions(tx, classId, barred);
		if (decisionsVersion(before) !== version) return { ok: false, refusal: 'conflict' };
		const candidates: DecisionCandidate[] = decisionCandidates(tx, actor.cycleId, classId, barred).map((c) => ({
			id: String(c.entryId),
			awardBlockedReason: c.awardBlockedReason
		}));
		const issues = checkClassDecision(candidates, input);
		if (issues.length > 0) return { ok: false, issues };

		if (before.length > 0) tx.delete(table.decision).where(inArray(table.decision.id, before.map((r) => r.id))).run();
		const base = { cycleId: actor.cycleId, classId, decidedBy: actor.userId };
		const rows: (typeof table.decision.$inferInsert)[] = input.items.map((i) => ({
			...base,
			entryId: Number(i.entryId),
			outcome: i.outcome,
			citation: i.citation.trim()
		}));
		if (input.noAward) rows.push({ ...base, entryId: null, outcome: 'none', citation: input.reason.trim() });
		if (rows.length > 0) tx.insert(table.decision).values(rows).run();
		appendAudit(tx, {
			actorId: actor.userId,
			cycleId: actor.cycleId,
			action: 'decision.record',
			entityType: 'award_class',
			entityId: classId,
			before: before.map(({ entryId, outcome, citation }) => ({ entryId, outcome, citation })),
			after: rows.map(({ entryId, outcome, citation }) => ({ entryId, outcome, citation }))
		});
		return { ok: true };
	});
}

export interface MeetingInput {
	meetingDate: string;
	place: string;
	presentUserIds: number[];
}

export function meetingOf(q: Queryable, cycleId: number) {
	return q.select().from(table.juryMeeting).where(eq(table.juryMeeting.cycleId, cycleId)).get() ?? null;
}

export function meetingVersion(row: { meetingDate: string | null; place: string; presentUserIds: number[] } | null): string {
	return fingerprint(row ? [row.meetingDate, row.place, [...row.presentUserIds].sort((a, b) => a - b)] : null);
}

export type MeetingResult = { ok: true } | Refused | { ok: false; notMember: number[] };

/** The meeting's date, place and who was present: members of this cycle's jury only. */
export function recordMeeting(actor: { userId: number; cycleId: number }, version: string, input: MeetingInput): MeetingResult {
	return db().transaction((tx) => {
		const refusal = refuse(tx, actor.userId, actor.cycleId);
		if (refusal) return { ok: false, refusal };
		const before = meetingOf(tx, actor.cycleId);
		if (meetingVersion(before) !== version) return { ok: false, refusal: 'conflict' };
		const members = new Set(juryMembers(actor.cycleId, tx).map((m) => m.userId));
		const notMember = input.presentUserIds.filter((id) => !members.has(id));
		if (notMember.length > 0) return { ok: false, notMember };
		const values = { meetingDate: input.meetingDate, place: input.place.trim(), presentUserIds: [...new Set(input.presentUserIds)] };
		if (before) tx.update(table.juryMeeting).set(values).where(eq(table.juryMeeting.id, before.id)).run();
		else tx.insert(table.juryMeeting).values({ cycleId: actor.cycleId, ...values }).run();
		appendAudit(tx, {
			actorId: actor.userId,
			cycleId: actor.cycleId,
			action: 'jury.meeting',
			entityType: 'jury_meeting',
			entityId: actor.cycleId,
			before: before ? { meetingDate: before.meetingDate, place: before.place, presentUserIds: before.presentUserIds } : null,
			after: values
		});
		return { ok: true };
	});
}

export interface ClosingGaps {
	/** Classes without any decision. */
	undecidedClassIds: number[];
	/** No meeting date or nobody marked present. */
	meetingMissing: boolean;
}

export function closingGaps(q: Queryable, cycleId: number): ClosingGaps {
	const undecided = q
		.select({ id: table.awardClass.id })
		.from(table.awardClass)
		.leftJoin(table.decision, eq(table.decision.classId, table.awardClass.id))
		.where(and(eq(table.awardClass.cycleId, cycleId), isNull(table.decision.id)))
		.orderBy(asc(table.awardClass.sortOrder))
		.all()
		.map((r) => r.id);
	const meeting = meetingOf(q, cycleId);
	return {
		undecidedClassIds: undecided,
		meetingMissing: !meeting || !meeting.meetingDate || meeting.presentUserIds.length === 0
	};
}

export type CloseResult = { ok: true } | Refused | { ok: false; gaps: ClosingGaps } | { ok: false; unconfirmed: true };

/** Closes the decisions for good: every class decided and the meeting recorded, confirmed by the chair. */
export function closeDecisions(actor: { userId: number; cycleId: number }, confirmed: boolean): CloseResult {
	return db().transaction((tx) => {
		const refusal = refuse(tx, actor.userId, actor.cycleId);
		if (refusal) return { ok: false, refusal };
		if (!confirmed) return { ok: false, unconfirmed: true };
		const gaps = closingGaps(tx, actor.cycleId);
		if (gaps.undecidedClassIds.length > 0 || gaps.meetingMissing) return { ok: false, gaps };
		const cycle = tx.select().from(table.cycle).where(eq(table.cycle.id, actor.cycleId)).get()!;
		const closedAt = new Date();
		tx.update(table.cycle)
			.set({ decisionsClosedAt: closedAt, decisionsClosedBy: actor.userId, version: cycle.version + 1 })
			.where(eq(table.cycle.id, actor.cycleId))
			.run();
		const classIds = tx.select({ id: table.awardClass.id }).from(table.awardClass).where(eq(table.awardClass.cycleId, actor.cycleId)).all();
		const decisions = classIds.length
			? tx
					.select({ classId: table.decision.classId, entryId: table.decision.entryId, outcome: table.decision.outcome })
					.from(table.decision)
					.where(inArray(table.decision.classId, classIds.map((c) => c.id)))
					.all()
			: [];
		appendAudit(tx, {
			actorId: actor.userId,
			cycleId: actor.cycleId,
			action: 'decisions.close',
			entityType: 'cycle',
			entityId: actor.cycleId,
			before: { decisionsClosedAt: null },
			after: { decisionsClosedAt: closedAt.toISOString(), decisions }
		});
		return { ok: true };
	});
}

/** The classes of the cycle with at least one recorded decision that the reader may learn of. */
export function decidedClassIds(cycleId: number, barred: Barred): Set<number> {
	const rows = db()
		.select({ classId: table.decision.classId, entryId: table.decision.entryId })
		.from(table.decision)
		.where(eq(table.decision.cycleId, cycleId))
		.all();
	return new Set(withoutBarred(rows, barred).map((r) => r.classId));
}
