/**
 * The guards over `may`: each reads the one entry read (entry-facts.ts) and asks the domain. A
 * refusal is a 404, the same as for an entry that does not exist, so changing an id in the address
 * tells nobody what exists.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { may, type Action, type EntryFacts, type Viewer } from '$lib/domain/permissions';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { Cycle } from '../cycles/lookup';
import { readEntry, type EntryRead } from './entry-facts';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

export interface EntryAccess extends EntryRead {
	user: SessionUser;
}

/** The entry, if the signed-in person may take this action on it; otherwise 404. */
export function requireEntry(event: Event, entryId: number | string, action: Action): EntryAccess {
	return entryAccess(requireUser(event), entryId, action);
}

/** `requireEntry` for a user already found: the autosave's guard, whose request has no page to send to sign-in. */
export function entryAccess(user: SessionUser, entryId: number | string, action: Action): EntryAccess {
	const read = readEntry(user.id, Number(entryId));
	if (!read || !may(read.viewer, action, read.facts)) error(404, { message: 'not-found' });
	return { ...read, user };
}

/** A member of the entry's team (not in conflict): the scoring pages and their actions start here. */
export function requireScoring(event: Event, entryId: number | string): EntryAccess {
	return requireEntry(event, entryId, 'assessment.open');
}

/** The lead of the entry's team: the consensus page and its actions. */
export function requireConsensusLead(event: Event, entryId: number | string): EntryAccess {
	return requireEntry(event, entryId, 'consensus.open');
}

/** The phase lets the examiner write their assessment. */
export function mayWrite(access: Pick<EntryAccess, 'viewer' | 'facts'>): boolean {
	return may(access.viewer, 'assessment.write', access.facts);
}

export type SaveAccess = { ok: true; cycleId: number; scaleStep: number; criterionIds: number[] } | { ok: false; status: 404 | 403 };

/**
 * The autosave's guard, for a user the session check has already found: 404 where
 * `requireScoring` answers 404, 403 where the phase closes writing, else what the save needs.
 */
export function saveAccess(userId: number, entryId: number): SaveAccess {
	const read = readEntry(userId, entryId);
	if (!read || !may(read.viewer, 'assessment.open', read.facts)) return { ok: false, status: 404 };
	if (!mayWrite(read)) return { ok: false, status: 403 };
	return { ok: true, cycleId: read.cycle.id, scaleStep: read.cycle.scaleStep, criterionIds: read.criterionIds };
}

/** Facts for a cycle-wide right (ranking, ballot, decision): no particular entry, no conflict. */
export function cycleFacts(cycle: Pick<Cycle, 'id' | 'phase'>): EntryFacts {
	return {
		cycleId: cycle.id,
		phase: cycle.phase,
		unitId: -1,
		organisationId: -1,
		onTeam: false,
		isLead: false,
		conflicted: false,
		isFinalist: true,
		consensusDone: false,
		ownSubmitted: false,
		reportReleased: false
	};
}

export function mayInCycle(viewer: Viewer, action: Action, cycle: Pick<Cycle, 'id' | 'phase'>): boolean {
	return may(viewer, action, cycleFacts(cycle));
}
