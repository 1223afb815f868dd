/**
 * What the chair's decisions page shows: per class the finalists, E8 and the decisions as they
 * stand, as far as the chair is not barred from them, with each finalist's rank, total and
 * ballot place beside it (`classStanding`), best ranked first.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { classesOf, juryMembers } from './jury';
import { classDecisions, closingGaps, decisionCandidates, decisionsVersion, meetingOf, meetingVersion } from './decisions';
import { classStanding } from './standing';
import type { Cycle } from '../cycles/lookup';
import type { Barred } from '$lib/domain/entry-state';
import { OUTCOME_ORDER } from '$lib/domain/decisions';

type Reader = { userId: number; barred: Barred };

/** One class's decisions and candidates, for the decision form of the class page and of the decisions page. */
export function classDecisionBoard(cycle: Cycle, awardClass: { id: number; nameSv: string; nameEn: string }, reader: Reader) {
	const d = db();
	const rows = classDecisions(d, awardClass.id, reader.barred);
	const byEntry = new Map(rows.filter((r) => r.entryId !== null).map((r) => [r.entryId!, r]));
	const none = rows.find((r) => r.outcome === 'none') ?? null;
	const standing = new Map(classStanding(cycle.id, awardClass.id, reader).rows.map((r, i) => [r.entryId, { ...r, order: i }]));
	const candidates = decisionCandidates(d, cycle.id, awardClass.id, reader.barred).map((f) => {
		const row = byEntry.get(f.entryId);
		const s = standing.get(f.entryId);
		return {
			...f,
			rank: s?.rank ?? null,
			total: s?.total ?? null,
			ballotPlace: s?.ballotPlace ?? null,
			order: s?.order ?? Infinity,
			outcome: (row?.outcome ?? '') as '' | 'award' | 'mention',
			citation: row?.citation ?? ''
		};
	});
	return {
		id: awardClass.id,
		nameSv: awardClass.nameSv,
		nameEn: awardClass.nameEn,
		version: decisionsVersion(rows),
		decided: rows.length > 0,
		noAward: none !== null,
		reason: none?.citation ?? '',
		candidates: candidates.sort((a, b) => a.order - b.order).map(({ order: _, ...c }) => c),
		/** The decided outcomes, the award before the honourable mentions, each in ranked order. */
		outcomes: candidates
			.flatMap((c) => (c.outcome === '' ? [] : [{ ...c, outcome: c.outcome }]))
			.sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || a.order - b.order)
			.map(({ order: _, ...c }) => c)
	};
}

export type ClassDecisionBoard = ReturnType<typeof classDecisionBoard>;

export function decisionBoard(cycle: Cycle, reader: Reader) {
	const d = db();
	const { barred } = reader;
	const meeting = meetingOf(d, cycle.id);
	const gaps = closingGaps(d, cycle.id);
	const classes = classesOf(cycle.id).map((c) => classDecisionBoard(cycle, c, reader));
	const closedBy = cycle.decisionsClosedBy
		? (d.select({ name: table.user.name }).from(table.user).where(eq(table.user.id, cycle.decisionsClosedBy)).get()?.name ?? '')
		: null;
	return {
		members: juryMembers(cycle.id, d),
		meeting: {
			meetingDate: meeting?.meetingDate ?? '',
			place: meeting?.place ?? '',
			present: meeting?.presentUserIds ?? [],
			version: meetingVersion(meeting)
		},
		classes,
		someBarred: barred.size > 0,
		gaps: { classIds: gaps.undecidedClassIds, meeting: gaps.meetingMissing },
		closedAt: cycle.decisionsClosedAt,
		closedBy
	};
}
