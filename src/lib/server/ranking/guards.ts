/**
 * Who may see the ranked view (docs/rights.md: the admin in any phase; a juror or the chair of the
 * cycle from the jury phase on). /ranking lies outside /admin and /jury, so every load and export
 * calls one of these guards itself. A conflicted juror still sees the class, as if the entries
 * they are barred from were not in it (views.ts); opening one of those is a 404 (requireEntry).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { forbidden, requireUser } from '../auth/guards';
import { barredEntryIds, readViewer } from '../access/entry-facts';
import { mayInCycle, requireEntry } from '../access/guards';
import { getCurrentCycle, getCycle, type Cycle } from '../cycles/lookup';
import type { Viewer } from '$lib/domain/permissions';
import type { Barred } from '$lib/domain/entry-state';
import type { SessionUser } from '../auth/session';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

export interface RankingAccess {
	user: SessionUser;
	viewer: Viewer;
	cycle: Cycle;
	isAdmin: boolean;
	/** Entries this person may learn nothing about (none for the admin). */
	barred: Barred;
}

export type AwardClass = typeof table.awardClass.$inferSelect;

export function mayViewRanking(viewer: Viewer, cycle: Pick<Cycle, 'id' | 'phase'>): boolean {
	return mayInCycle(viewer, 'ranking.view', cycle);
}

function access(event: Event, cycle: Cycle | null): RankingAccess {
	const user = requireUser(event);
	const viewer = readViewer(user.id);
	if (!cycle || !mayViewRanking(viewer, cycle)) forbidden();
	return {
		user,
		viewer,
		cycle,
		isAdmin: viewer.isAdmin,
		barred: barredEntryIds(viewer, cycle.id)
	};
}

/** The current cycle's ranking: 403 for anyone without the right (and for everyone when there is no cycle). */
export function requireRankingCycle(event: Event): RankingAccess {
	return access(event, getCurrentCycle());
}

/** A class of any cycle, with the right to its cycle's ranking; 404 for no such class. */
export function requireRankingClass(event: Event, classId: string): RankingAccess & { awardClass: AwardClass } {
	requireUser(event);
	const id = Number(classId);
	const awardClass = Number.isSafeInteger(id) && id > 0
		? db().select().from(table.awardClass).where(eq(table.awardClass.id, id)).get()
		: undefined;
	if (!awardClass) error(404, { message: 'not-found' });
	return { ...access(event, getCycle(awardClass.cycleId)), awardClass };
}

/** An entry of the class that this person may see in the ranking; 404 otherwise (also for a conflict). */
export function requireRankingEntry(event: Event, classId: string, entryId: string) {
	const ranking = requireRankingClass(event, classId);
	const entry = requireEntry(event, entryId, 'ranking.view');
	const inClass = db()
		.select({ id: table.entry.id })
		.from(table.entry)
		.where(and(eq(table.entry.id, entry.entry.id), eq(table.entry.classId, ranking.awardClass.id)))
		.get();
	if (!inClass || ranking.barred.has(entry.entry.id)) error(404, { message: 'not-found' });
	return { ...ranking, entryId: entry.entry.id };
}
