/**
 * The advisory ballot per class (docs/jury.md#3-the-ballot): each jury member ranks any subset of
 * the finalists, ties allowed; the Schulze method orders them. A member ranks only the finalists
 * they are not barred from, and pairs with those they are barred from leave their ballot's counts
 * (`excluded`). The tally is read for a person: the finalists they are barred from are no
 * candidates of it, so its order, counts and voters are those of the class without them. A member
 * who has not voted gets no tally until the chair opens it (`tallyVisible`), so that no one ranks
 * with the others' order in view.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { barredEntryIds, readViewer } from '../access/entry-facts';
import { finalistRows, juryMembers } from './jury';
import { mayInCycle } from '../access/guards';
import { schulze, tallyVisible, validateBallot, type BallotError, type SchulzeResult } from '$lib/domain/ballot';
import type { Barred } from '$lib/domain/entry-state';

export type Refusal = 'forbidden' | 'not-found' | 'not-open' | 'closed';
export type BallotWrite = { ok: true } | { ok: false; refusal: Refusal } | { ok: false; errors: BallotError[] };

const RANK_FIELD = /^rank-(.+)$/;

/**
 * Reads the ballot form: one field `rank-<entryId>` per finalist, empty for "not ranked", else a
 * place 1..places. Equal places are ties; gaps close up (1, 1, 3 → two tiers). A field sent twice
 * yields the candidate twice, which `validateBallot` refuses as a duplicate.
 */
export function parseBallotForm(form: FormData, places: number): { ok: true; ranking: string[][] } | { ok: false } {
	const placed: { id: string; place: number }[] = [];
	for (const [name, value] of form.entries()) {
		const match = RANK_FIELD.exec(name);
		if (!match) continue;
		if (typeof value !== 'string') return { ok: false };
		if (value === '') continue;
		const place = Number(value);
		if (!Number.isInteger(place) || place < 1 || place > places) return { ok: false };
		placed.push({ id: match[1], place });
	}
	const distinct = [...new Set(placed.map((p) => p.place))].sort((a, b) => a - b);
	return { ok: true, ranking: distinct.map((p) => placed.filter((x) => x.place === p).map((x) => x.id)) };
}

interface Voter {
	userId: number;
	cycleId: number;
	classId: number;
}

/**
 * The checks every ballot write makes, inside its transaction, against the cycle as it is now.
 * Opening the tally is part of running the meeting, so it asks the chair's right to decide.
 */
function refuse(q: Queryable, voter: Voter, action: 'ballot.cast' | 'decision.record' = 'ballot.cast'): Refusal | null {
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, voter.cycleId)).get();
	if (!cycle) return 'not-found';
	// Membership first (asked as of the jury phase), so that a non-member hears "forbidden", not "closed".
	if (!mayInCycle(readViewer(voter.userId), action, { id: cycle.id, phase: 'jury' })) return 'forbidden';
	const ownClass = q
		.select({ id: table.awardClass.id })
		.from(table.awardClass)
		.where(and(eq(table.awardClass.id, voter.classId), eq(table.awardClass.cycleId, voter.cycleId)))
		.get();
	if (!ownClass) return 'not-found';
	if (cycle.decisionsClosedAt !== null) return 'closed';
	if (cycle.phase !== 'jury') return 'not-open';
	return null;
}

function currentBallot(q: Queryable, voter: Voter) {
	return q
		.select()
		.from(table.ballot)
		.where(and(eq(table.ballot.classId, voter.classId), eq(table.ballot.voterId, voter.userId)))
		.get();
}

/** Stores the member's ranking for the class, replacing an earlier one; refused ballots write nothing. */
export function castBallot(voter: Voter, ranking: unknown): BallotWrite {
	return db().transaction((tx) => {
		const refusal = refuse(tx, voter);
		if (refusal) return { ok: false, refusal };
		const barred = barredEntryIds(readViewer(voter.userId), voter.cycleId);
		const finalists = finalistRows(tx, voter.cycleId, barred, voter.classId).map((f) => String(f.entryId));
		const check = validateBallot(ranking, finalists);
		if (!check.ok) return { ok: false, errors: check.errors };
		const stored = check.ranking.map((tier) => tier.map(Number));
		const before = currentBallot(tx, voter);
		const now = new Date();
		const row = before
			? tx.update(table.ballot).set({ ranking: stored, updatedAt: now }).where(eq(table.ballot.id, before.id)).returning().get()
			: tx.insert(table.ballot).values({ classId: voter.classId, voterId: voter.userId, ranking: stored, updatedAt: now }).returning().get();
		appendAudit(tx, {
			actorId: voter.userId,
			cycleId: voter.cycleId,
			action: 'ballot.cast',
			entityType: 'ballot',
			entityId: row.id,
			before: before ? { classId: voter.classId, ranking: before.ranking } : null,
			after: { classId: voter.classId, ranking: stored }
		});
		return { ok: true };
	});
}

/** Takes the member's ballot for the class back. */
export function withdrawBallot(voter: Voter): { ok: true } | { ok: false; refusal: Refusal | 'no-ballot' } {
	return db().transaction((tx) => {
		const refusal = refuse(tx, voter);
		if (refusal) return { ok: false, refusal };
		const before = currentBallot(tx, voter);
		if (!before) return { ok: false, refusal: 'no-ballot' };
		tx.delete(table.ballot).where(eq(table.ballot.id, before.id)).run();
		appendAudit(tx, {
			actorId: voter.userId,
			cycleId: voter.cycleId,
			action: 'ballot.withdraw',
			entityType: 'ballot',
			entityId: before.id,
			before: { classId: voter.classId, ranking: before.ranking },
			after: null
		});
		return { ok: true };
	});
}

/** The chair opens the class's tally to every member; opening it again changes nothing. */
export function openTally(chair: Voter): { ok: true } | { ok: false; refusal: Refusal } {
	return db().transaction((tx) => {
		const refusal = refuse(tx, chair, 'decision.record');
		if (refusal) return { ok: false, refusal };
		if (tallyOpening(tx, chair.classId)) return { ok: true };
		const openedAt = new Date();
		const row = tx.insert(table.tallyOpening).values({ classId: chair.classId, openedBy: chair.userId, openedAt }).returning().get();
		appendAudit(tx, {
			actorId: chair.userId,
			cycleId: chair.cycleId,
			action: 'ballot.openTally',
			entityType: 'award_class',
			entityId: chair.classId,
			before: null,
			after: { classId: chair.classId, openedAt: openedAt.toISOString(), tallyOpeningId: row.id }
		});
		return { ok: true };
	});
}

function tallyOpening(q: Queryable, classId: number) {
	return q
		.select({ at: table.tallyOpening.openedAt, by: table.user.name })
		.from(table.tallyOpening)
		.innerJoin(table.user, eq(table.user.id, table.tallyOpening.openedBy))
		.where(eq(table.tallyOpening.classId, classId))
		.get();
}

export interface Tally {
	/** The order and the matrices; not the voters, whose ids are not the page's business. */
	result: Omit<SchulzeResult, 'voters'>;
	/** Names of the members who have not voted in this class; never how anyone voted. */
	notVoted: string[];
}

export interface BallotSummary {
	/** The finalists of the class the reader may see, as candidates (entry ids as strings). */
	candidates: string[];
	/** How many members have voted: it tells the chair when to open the tally, and anchors no one. */
	voted: number;
	members: number;
	/** Null while the reader may not see it (`tallyVisible`). */
	tally: Tally | null;
	/** When and by whom the chair opened the tally to every member. */
	opened: { at: Date; by: string } | null;
	/** The reader's own ranking of the candidates, as place per entry id (1 = best), or null. */
	own: Record<number, number> | null;
	ownUpdatedAt: Date | null;
}

/**
 * The Schulze order of the class from every member's ballot, each with their own conflicts
 * excluded, as the reader may see it: over the finalists they are not barred from, and only once
 * they voted, the chair opened it or the decisions are closed.
 */
export function ballotSummary(cycleId: number, classId: number, reader: { userId: number; barred: Barred }): BallotSummary {
	const d = db();
	const candidates = finalistRows(d, cycleId, reader.barred, classId).map((f) => String(f.entryId));
	const members = juryMembers(cycleId, d);
	const memberIds = new Set(members.map((m) => m.userId));
	const rows = d
		.select()
		.from(table.ballot)
		.where(eq(table.ballot.classId, classId))
		.all()
		.filter((b) => memberIds.has(b.voterId));
	const ballots = rows.map((b) => {
		const barred = barredEntryIds(readViewer(b.voterId), cycleId);
		return {
			voterId: String(b.voterId),
			ranking: b.ranking.map((tier) => tier.map(String)),
			excluded: candidates.filter((id) => barred.has(Number(id)))
		};
	});
	const { voters: counted, ...result } = schulze(candidates, ballots);
	const voters = new Set(counted.map(Number));
	const opened = tallyOpening(d, classId) ?? null;
	const closed = d.select({ at: table.cycle.decisionsClosedAt }).from(table.cycle).where(eq(table.cycle.id, cycleId)).get()?.at != null;
	// The reader's own ballot over the same candidates, so that it names no entry they are barred from.
	const mine = rows.find((b) => b.voterId === reader.userId);
	const shown = new Set(candidates.map(Number));
	const own = mine
		? Object.fromEntries(
				mine.ranking
					.map((tier) => tier.filter((id) => shown.has(id)))
					.filter((tier) => tier.length > 0)
					.flatMap((tier, i) => tier.map((id) => [id, i + 1]))
			)
		: null;
	const visible = tallyVisible({ ownBallot: voters.has(reader.userId), opened: opened !== null, closed });
	return {
		candidates,
		voted: voters.size,
		members: members.length,
		tally: visible ? { result, notVoted: members.filter((m) => !voters.has(m.userId)).map((m) => m.name) } : null,
		opened,
		own,
		ownUpdatedAt: mine?.updatedAt ?? null
	};
}

/** The classes in which the member has cast a ballot. */
export function votedClassIds(userId: number): Set<number> {
	return new Set(
		db()
			.select({ classId: table.ballot.classId })
			.from(table.ballot)
			.where(eq(table.ballot.voterId, userId))
			.all()
			.map((r) => r.classId)
	);
}
