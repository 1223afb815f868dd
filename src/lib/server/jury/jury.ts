/**
 * The jury's reading of a class (docs/jury.md#2-reading-a-class): who sits on the jury, the
 * finalists with their consensus and site visit, and a side-by-side comparison. Every list of
 * finalists is read for a person: the entries they are barred from leave it at the read
 * (`finalistRows`), so a member sees the class as if those were not in it.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { requireArea, forbidden, type AreaAccess } from '../auth/guards';
import { barredEntryIds, conflictedEntryIds } from '../access/entry-facts';
import { mayInCycle } from '../access/guards';
import { finalistSql } from '../access/conditions';
import { selectEntries } from '../registry/entry-names';
import { hasCycleRole } from '$lib/domain/permissions';
import { withoutBarred, type Barred } from '$lib/domain/entry-state';
import { makeWeightedTotal } from '$lib/domain/aggregate';
import type { Cycle } from '../cycles/lookup';

export interface JuryAccess extends AreaAccess {
	cycle: Cycle;
	isChair: boolean;
	/** Entries this member may learn nothing about, nor vote or decide on. */
	barred: Barred;
}

/** A jury member (or the chair) from the jury phase on; before that the jury pages do not exist (404). */
export function requireJury(event: Pick<RequestEvent, 'locals' | 'url'>): JuryAccess {
	const access = requireArea(event, 'jury');
	const cycle = access.cycle;
	if (!cycle || !mayInCycle(access.viewer, 'ranking.view', cycle)) error(404, { message: 'not-found' });
	return {
		...access,
		cycle,
		isChair: hasCycleRole(access.viewer, cycle.id, 'chair'),
		barred: barredEntryIds(access.viewer, cycle.id)
	};
}

/** Only the chair; a juror, examiner or unit contact gets 403. */
export function requireChair(event: Pick<RequestEvent, 'locals' | 'url'>): JuryAccess {
	const access = requireJury(event);
	if (!access.isChair) forbidden();
	return access;
}

export interface JuryMember {
	userId: number;
	name: string;
	role: 'juror' | 'chair';
}

/** The chair first, then the members by name. */
export function juryMembers(cycleId: number, q: Queryable = db()): JuryMember[] {
	return q
		.select({ userId: table.user.id, name: table.user.name, role: table.cycleRole.role })
		.from(table.cycleRole)
		.innerJoin(table.user, eq(table.user.id, table.cycleRole.userId))
		.where(and(eq(table.cycleRole.cycleId, cycleId), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.orderBy(sql`${table.cycleRole.role} = 'juror'`, table.user.name)
		.all() as JuryMember[];
}

export type AwardClass = typeof table.awardClass.$inferSelect;

export function classesOf(cycleId: number): AwardClass[] {
	return db()
		.select()
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id))
		.all();
}

/** The class if it belongs to the cycle, else a 404. */
export function requireClass(cycleId: number, classId: string | number): AwardClass {
	const id = Number(classId);
	const row = Number.isSafeInteger(id) && id > 0
		? db()
				.select()
				.from(table.awardClass)
				.where(and(eq(table.awardClass.id, id), eq(table.awardClass.cycleId, cycleId)))
				.get()
		: undefined;
	if (!row) error(404, { message: 'not-found' });
	return row;
}

export function criteriaOf(cycleId: number) {
	return db()
		.select({ id: table.criterion.id, key: table.criterion.key, titleSv: table.criterion.titleSv, titleEn: table.criterion.titleEn, weight: table.criterion.weight })
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(asc(table.criterion.sortOrder), asc(table.criterion.id))
		.all();
}

/**
 * Finalists: registered entries whose team's consensus is done and recommends them to the jury;
 * those `barred` from whoever they are read for left out (NONE_BARRED for the closed minutes).
 */
export function finalistRows(q: Queryable, cycleId: number, barred: Barred, classId?: number) {
	const rows = selectEntries(q, { classId: table.entry.classId, consensusId: table.consensus.id, summary: table.consensus.summary })
		.innerJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
		.where(
			and(
				eq(table.entry.cycleId, cycleId),
				finalistSql,
				classId === undefined ? undefined : eq(table.entry.classId, classId)
			)
		)
		.orderBy(asc(table.unit.name))
		.all();
	return withoutBarred(rows, barred);
}

export interface CriterionScore {
	criterionId: number;
	score: number | null;
	strengths: string[];
	improvements: string[];
}

export interface FinalistDetails {
	entryId: number;
	unitName: string;
	organisation: string;
	summary: string;
	/** In the order of `criteriaOf`. */
	scores: CriterionScore[];
	/** From the consensus scores; null when one is missing. */
	total: number | null;
	siteVisit: { date: string | null; participants: string; findings: string } | null;
}

/** The class's finalists as this member sees them, best consensus total first. */
export function classFinalists(access: Pick<JuryAccess, 'cycle' | 'barred'>, classId: number): FinalistDetails[] {
	const d = db();
	const rows = finalistRows(d, access.cycle.id, access.barred, classId);
	const criteria = criteriaOf(access.cycle.id);
	const total = makeWeightedTotal(criteria.map((c) => ({ key: String(c.id), weight: c.weight })));
	const scores = rows.length
		? d.select().from(table.consensusScore).where(inArray(table.consensusScore.consensusId, rows.map((r) => r.consensusId))).all()
		: [];
	const visits = rows.length
		? d.select().from(table.siteVisit).where(inArray(table.siteVisit.entryId, rows.map((r) => r.entryId))).all()
		: [];
	const views = rows.map((r): FinalistDetails => {
		const own = criteria.map((c): CriterionScore => {
			const s = scores.find((x) => x.consensusId === r.consensusId && x.criterionId === c.id);
			return { criterionId: c.id, score: s?.score ?? null, strengths: s?.strengths ?? [], improvements: s?.improvements ?? [] };
		});
		const visit = visits.find((v) => v.entryId === r.entryId);
		return {
			entryId: r.entryId,
			unitName: r.unitName,
			organisation: r.organisation,
			summary: r.summary,
			scores: own,
			total: total(own.map((s) => s.score)),
			siteVisit: visit ? { date: visit.visitDate, participants: visit.participants, findings: visit.findings } : null
		};
	});
	const rankOf = (v: FinalistDetails) => v.total ?? -Infinity;
	return views.sort((a, b) => rankOf(b) - rankOf(a) || a.unitName.localeCompare(b.unitName, 'sv'));
}

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export type Comparison = { ok: true; entries: FinalistDetails[] } | { ok: false; reason: 'count' | 'not-finalist' };

/**
 * Two to four distinct finalists of the class as the member sees it, in the order asked: one they
 * are barred from is no finalist to them, and is refused as any other entry would be.
 */
export function compareFinalists(access: Pick<JuryAccess, 'cycle' | 'barred'>, classId: number, ids: string[]): Comparison {
	const wanted = [...new Set(ids)];
	if (wanted.length < COMPARE_MIN || wanted.length > COMPARE_MAX || wanted.length !== ids.length) {
		return { ok: false, reason: 'count' };
	}
	const finalists = classFinalists(access, classId);
	const chosen = wanted.map((id) => finalists.find((f) => String(f.entryId) === id));
	if (chosen.some((f) => !f)) return { ok: false, reason: 'not-finalist' };
	return { ok: true, entries: chosen as FinalistDetails[] };
}

/** Whether the cycle's decisions can still change: the jury phase, not yet closed. */
export function decisionsOpen(cycle: Pick<Cycle, 'phase' | 'decisionsClosedAt'>): boolean {
	return cycle.phase === 'jury' && cycle.decisionsClosedAt === null;
}

export interface MemberConflicts extends JuryMember {
	/** Names of the finalists this member may not see or vote on. */
	finalists: string[];
}

/**
 * Each member with their conflicts among the finalists (own organisation and declared), as far as
 * the reader may learn of those finalists: `barred` are the reader's own.
 */
export function memberConflicts(cycleId: number, barred: Barred, q: Queryable = db()): MemberConflicts[] {
	const finalists = finalistRows(q, cycleId, barred);
	return juryMembers(cycleId, q).map((m) => {
		const conflicts = conflictedEntryIds(m.userId, cycleId);
		return { ...m, finalists: finalists.filter((f) => conflicts.has(f.entryId)).map((f) => f.unitName) };
	});
}
