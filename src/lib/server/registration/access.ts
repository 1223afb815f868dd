/**
 * The rights on a unit's registration: the unit, its organisation, its entry in the current cycle
 * and the viewer, asked of `may` like every other right. A unit has no entry before it is
 * registered, so this read stands beside the entry read; a refusal is a 404 as it is for entries.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { readViewer } from '../access/entry-facts';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { Cycle } from '../cycles/lookup';
import { may, type Action, type EntryFacts, type Viewer } from '$lib/domain/permissions';

export interface UnitRead {
	unit: { id: number; name: string; organisationId: number; organisation: string; boardId: number | null; version: number };
	cycle: Cycle;
	entry: typeof table.entry.$inferSelect | null;
	viewer: Viewer;
	facts: EntryFacts;
}

/** The unit and its entry in the cycle, seen by one person; null for no such unit. */
export function readUnit(userId: number, unitId: number, cycle: Cycle): UnitRead | null {
	const d = db();
	const unit = d
		.select({ id: table.unit.id, name: table.unit.name, organisationId: table.unit.organisationId, organisation: table.organisation.name, boardId: table.unit.boardId, version: table.unit.version })
		.from(table.unit)
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.where(eq(table.unit.id, unitId))
		.get();
	if (!unit) return null;
	const entry = d.select().from(table.entry).where(and(eq(table.entry.unitId, unitId), eq(table.entry.cycleId, cycle.id))).get() ?? null;
	return { unit, cycle, entry, viewer: readViewer(userId), facts: unitFacts(cycle, unit) };
}

/** The facts `may` asks about a unit's registration: its cycle and phase, unit and organisation. */
export function unitFacts(cycle: Pick<Cycle, 'id' | 'phase'>, unit: { id: number; organisationId: number }): EntryFacts {
	return {
		cycleId: cycle.id,
		phase: cycle.phase,
		unitId: unit.id,
		organisationId: unit.organisationId,
		onTeam: false,
		isLead: false,
		conflicted: false,
		isFinalist: false,
		consensusDone: false,
		ownSubmitted: false,
		reportReleased: false
	};
}

/** The unit, if the signed-in person may take this action on its registration; otherwise 404. */
export function requireUnit(event: Pick<RequestEvent, 'locals' | 'url'>, unitId: number, cycle: Cycle | null, action: Action): UnitRead & { user: SessionUser } {
	const user = requireUser(event);
	const read = cycle && readUnit(user.id, unitId, cycle);
	if (!read || !may(read.viewer, action, read.facts)) error(404, { message: 'not-found' });
	return { ...read, user };
}

/**
 * A set of board minutes, if the signed-in person may read them (the coordinator of its
 * organisation in its cycle, or the admin); otherwise 404, as for a missing one.
 */
export function requireMinutes(event: Pick<RequestEvent, 'locals' | 'url'>, minutesId: string) {
	const user = requireUser(event);
	const row = /^\d{1,12}$/.test(minutesId)
		? db()
				.select({ minutes: table.boardMinutes, phase: table.cycle.phase })
				.from(table.boardMinutes)
				.innerJoin(table.cycle, eq(table.cycle.id, table.boardMinutes.cycleId))
				.where(eq(table.boardMinutes.id, Number(minutesId)))
				.get()
		: undefined;
	if (!row) error(404, { message: 'not-found' });
	const facts = unitFacts({ id: row.minutes.cycleId, phase: row.phase }, { id: -1, organisationId: row.minutes.organisationId });
	if (!may(readViewer(user.id), 'minutes.read', facts)) error(404, { message: 'not-found' });
	return row.minutes;
}

/** The organisations a person coordinates in the cycle. */
export function coordinatedOrganisations(viewer: Viewer, cycleId: number): number[] {
	return viewer.coordinates.filter((c) => c.cycleId === cycleId).map((c) => c.organisationId);
}
