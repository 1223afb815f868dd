/**
 * What the chair's decisions page shows: per class the finalists, E8 and the decisions as they
 * stand, as far as the chair is not barred from them.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { classesOf, juryMembers } from './jury';
import { classDecisions, closingGaps, decisionCandidates, decisionsVersion, meetingOf, meetingVersion } from './decisions';
import type { Cycle } from '../cycles/lookup';
import type { Barred } from '$lib/domain/entry-state';

export function decisionBoard(cycle: Cycle, barred: Barred) {
	const d = db();
	const meeting = meetingOf(d, cycle.id);
	const gaps = closingGaps(d, cycle.id);
	const classes = classesOf(cycle.id).map((c) => {
		const rows = classDecisions(d, c.id, barred);
		const byEntry = new Map(rows.filter((r) => r.entryId !== null).map((r) => [r.entryId!, r]));
		const none = rows.find((r) => r.outcome === 'none') ?? null;
		return {
			id: c.id,
			nameSv: c.nameSv,
			nameEn: c.nameEn,
			version: decisionsVersion(rows),
			decided: rows.length > 0,
			noAward: none !== null,
			reason: none?.citation ?? '',
			candidates: decisionCandidates(d, cycle.id, c.id, barred).map((f) => {
				const row = byEntry.get(f.entryId);
				return { ...f, outcome: (row?.outcome ?? '') as '' | 'award' | 'mention', citation: row?.citation ?? '' };
			})
		};
	});
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
