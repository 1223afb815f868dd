/**
 * Entry-level rights: gathers the facts `may` needs about one entry as seen by one person, and the
 * guard that every entry page and action calls. A refusal is a 404, the same as for an entry that
 * does not exist, so changing an id in the address tells nobody what exists.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { may, type Action, type EntryFacts, type Viewer } from '$lib/domain/permissions';
import { loadViewer } from '../auth/viewer';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';

export interface EntryContext {
	entry: typeof table.entry.$inferSelect;
	cycle: typeof table.cycle.$inferSelect;
	organisationId: number;
}

export function loadEntryContext(entryId: number): EntryContext | null {
	const row = db()
		.select({ entry: table.entry, cycle: table.cycle, organisationId: table.unit.organisationId })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(eq(table.entry.id, entryId))
		.get();
	return row ?? null;
}

/** Whether a person is barred from an entry: same home organisation, or a declared conflict. */
export function isConflicted(userId: number, ctx: EntryContext): boolean {
	const d = db();
	const declared = d
		.select({ id: table.conflict.id })
		.from(table.conflict)
		.where(and(eq(table.conflict.userId, userId), eq(table.conflict.entryId, ctx.entry.id)))
		.get();
	if (declared) return true;
	const sameOrganisation =
		d
			.select({ id: table.examinerProfile.id })
			.from(table.examinerProfile)
			.where(
				and(
					eq(table.examinerProfile.userId, userId),
					eq(table.examinerProfile.cycleId, ctx.cycle.id),
					eq(table.examinerProfile.organisationId, ctx.organisationId)
				)
			)
			.get() ??
		d
			.select({ id: table.cycleRole.id })
			.from(table.cycleRole)
			.where(
				and(
					eq(table.cycleRole.userId, userId),
					eq(table.cycleRole.cycleId, ctx.cycle.id),
					eq(table.cycleRole.organisationId, ctx.organisationId)
				)
			)
			.get();
	return Boolean(sameOrganisation);
}

export function entryFacts(viewer: Viewer, ctx: EntryContext): EntryFacts {
	const d = db();
	const membership = d
		.select({ isLead: table.teamMember.isLead })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
		.where(
			and(
				eq(table.teamEntry.entryId, ctx.entry.id),
				eq(table.teamMember.userId, viewer.userId),
				isNotNull(table.team.publishedAt)
			)
		)
		.get();
	const consensus = d
		.select({ status: table.consensus.status, recommend: table.consensus.recommendFinalist })
		.from(table.consensus)
		.where(eq(table.consensus.entryId, ctx.entry.id))
		.get();
	const own = d
		.select({ status: table.assessment.status })
		.from(table.assessment)
		.where(and(eq(table.assessment.entryId, ctx.entry.id), eq(table.assessment.examinerId, viewer.userId)))
		.get();
	const report = d
		.select({ status: table.feedbackReport.status })
		.from(table.feedbackReport)
		.where(eq(table.feedbackReport.entryId, ctx.entry.id))
		.get();
	return {
		cycleId: ctx.cycle.id,
		phase: ctx.cycle.phase,
		unitId: ctx.entry.unitId,
		onTeam: Boolean(membership),
		isLead: membership?.isLead ?? false,
		conflicted: isConflicted(viewer.userId, ctx),
		isFinalist: consensus?.status === 'done' && consensus.recommend === true,
		ownSubmitted: own?.status === 'submitted',
		reportReleased: report?.status === 'released'
	};
}

export interface EntryAccess extends EntryContext {
	user: SessionUser;
	viewer: Viewer;
	facts: EntryFacts;
}

/** The entry, if the signed-in person may take this action on it; otherwise 404. */
export function requireEntry(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	entryId: number | string,
	action: Action
): EntryAccess {
	const user = requireUser(event);
	const id = Number(entryId);
	const ctx = Number.isSafeInteger(id) && id > 0 ? loadEntryContext(id) : null;
	if (!ctx) error(404, { message: 'not-found' });
	const viewer = loadViewer(user.id);
	const facts = entryFacts(viewer, ctx);
	if (!may(viewer, action, facts)) error(404, { message: 'not-found' });
	return { ...ctx, user, viewer, facts };
}

/** Entries a person may never see: declared conflicts and their own organisation's, in a cycle. */
export function conflictedEntryIds(userId: number, cycleId: number): Set<number> {
	const d = db();
	const orgIds = [
		...d
			.select({ org: table.examinerProfile.organisationId })
			.from(table.examinerProfile)
			.where(and(eq(table.examinerProfile.userId, userId), eq(table.examinerProfile.cycleId, cycleId)))
			.all()
			.map((r) => r.org),
		...d
			.select({ org: table.cycleRole.organisationId })
			.from(table.cycleRole)
			.where(and(eq(table.cycleRole.userId, userId), eq(table.cycleRole.cycleId, cycleId)))
			.all()
			.map((r) => r.org)
	].filter((o): o is number => o !== null);
	const rows = d
		.select({ id: table.entry.id })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.leftJoin(table.conflict, and(eq(table.conflict.entryId, table.entry.id), eq(table.conflict.userId, userId)))
		.where(
			and(
				eq(table.entry.cycleId, cycleId),
				or(isNotNull(table.conflict.id), ...orgIds.map((o) => eq(table.unit.organisationId, o)))
			)
		)
		.all();
	return new Set(rows.map((r) => r.id));
}
