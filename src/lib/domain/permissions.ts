/**
 * Who may do what (docs/rights.md), as pure functions over facts the server has already loaded.
 * Server guards call these on every load and action; the navigation uses the same answers, so a
 * link is never shown for a place the server would refuse.
 */
import { entriesOpen } from './entries';
import { isOpenForFeedbackDrafting, isOpenForScoring, phaseAtLeast, type Phase } from './phases';

export type CycleRole = 'examiner' | 'juror' | 'chair';
export type Role = 'admin' | 'examiner' | 'lead' | 'juror' | 'chair' | 'coordinator' | 'unit';
export type Area = 'admin' | 'examiner' | 'jury' | 'coordinator' | 'unit';

export interface Viewer {
	userId: number;
	isAdmin: boolean;
	/** Roles held in cycles, e.g. examiner in 2026. */
	cycleRoles: { cycleId: number; role: CycleRole }[];
	/** Cycles in which the person leads at least one team. */
	leadCycleIds: number[];
	/** Units for which the person is a contact. */
	unitIds: number[];
	/** Organisations whose entries the person coordinates, per cycle. */
	coordinates: { cycleId: number; organisationId: number }[];
}

/** Facts about one entry, seen from one viewer. */
export interface EntryFacts {
	cycleId: number;
	phase: Phase;
	unitId: number;
	/** The unit's organisation: its coordinator registers and confirms it. */
	organisationId: number;
	/** The viewer is a member of the entry's team. */
	onTeam: boolean;
	/** The viewer leads the entry's team. */
	isLead: boolean;
	/** Same organisation or a declared conflict. */
	conflicted: boolean;
	isFinalist: boolean;
	/** The team's consensus on the entry is done. */
	consensusDone: boolean;
	/** The viewer has submitted their own assessment of the entry. */
	ownSubmitted: boolean;
	reportReleased: boolean;
}

export type Action =
	| 'cycle.manage'
	| 'entry.readAccount'
	| 'account.open'
	| 'account.write'
	| 'assessment.open'
	| 'assessment.write'
	| 'assessment.readTeam'
	| 'consensus.open'
	| 'consensus.write'
	| 'assessment.reopen'
	| 'feedback.draft'
	| 'ranking.view'
	| 'ballot.cast'
	| 'decision.record'
	| 'feedback.release'
	| 'feedback.spread'
	| 'archive.package'
	| 'feedback.read'
	| 'unit.readRegistration'
	| 'unit.register'
	| 'registration.confirm'
	| 'minutes.upload'
	| 'minutes.read';

export function hasCycleRole(viewer: Viewer, cycleId: number, role: CycleRole): boolean {
	return viewer.cycleRoles.some((r) => r.cycleId === cycleId && r.role === role);
}

export function coordinatesIn(viewer: Viewer, cycleId: number, organisationId?: number): boolean {
	return viewer.coordinates.some((c) => c.cycleId === cycleId && (organisationId === undefined || c.organisationId === organisationId));
}

/** The roles a person holds in a cycle, in the order their home sections are shown. */
export function rolesIn(viewer: Viewer, cycleId: number | null): Role[] {
	const roles: Role[] = [];
	if (viewer.isAdmin) roles.push('admin');
	if (cycleId !== null) {
		if (viewer.leadCycleIds.includes(cycleId)) roles.push('lead');
		else if (hasCycleRole(viewer, cycleId, 'examiner')) roles.push('examiner');
		if (hasCycleRole(viewer, cycleId, 'chair')) roles.push('chair');
		else if (hasCycleRole(viewer, cycleId, 'juror')) roles.push('juror');
		if (coordinatesIn(viewer, cycleId)) roles.push('coordinator');
	}
	if (viewer.unitIds.length > 0) roles.push('unit');
	return roles;
}

const AREA_ROLES: Record<Area, Role[]> = {
	admin: ['admin'],
	examiner: ['examiner', 'lead'],
	jury: ['juror', 'chair'],
	coordinator: ['coordinator'],
	unit: ['unit']
};

export function areasOf(viewer: Viewer, cycleId: number | null): Area[] {
	const roles = rolesIn(viewer, cycleId);
	return (Object.keys(AREA_ROLES) as Area[]).filter((area) =>
		AREA_ROLES[area].some((r) => roles.includes(r))
	);
}

export function mayEnterArea(viewer: Viewer, area: Area, cycleId: number | null): boolean {
	return areasOf(viewer, cycleId).includes(area);
}

/** Whether the viewer may take an action on an entry (or, for cycle-wide actions, in its cycle). */
export function may(viewer: Viewer, action: Action, entry: EntryFacts): boolean {
	const { cycleId, phase } = entry;
	const juryMember = hasCycleRole(viewer, cycleId, 'juror') || hasCycleRole(viewer, cycleId, 'chair');
	const isChair = hasCycleRole(viewer, cycleId, 'chair');
	const ownUnit = viewer.unitIds.includes(entry.unitId);
	// A coordinator's rights reach only their own organisation's units, and only in their cycle.
	const coordinator = coordinatesIn(viewer, cycleId, entry.organisationId);
	// The unit's side registers in its own phase; the award office corrects while entries may change.
	const registering = phase === 'registration';
	// The jury's reading opens with its phase: before it, it would anticipate the teams' work.
	const juryReads = juryMember && phaseAtLeast(phase, 'jury');
	// A conflict of interest bars everyone but the admin from the entry, whatever else holds.
	if (entry.conflicted && !viewer.isAdmin) return false;
	switch (action) {
		case 'cycle.manage':
		case 'feedback.release':
		// Every unit's own view beside its team's, across the cycle: the award office's, for training.
		case 'feedback.spread':
		// The package holds every entry, score and note of the year: the award office's alone.
		case 'archive.package':
			return viewer.isAdmin;
		case 'entry.readAccount':
			return viewer.isAdmin || entry.onTeam || (juryReads && entry.isFinalist) || ownUnit;
		case 'account.open':
			return ownUnit;
		case 'account.write':
			// Only the unit's own contacts write its account, while entries are being registered; the
			// deadline, which can differ per entry, is the account's own rule (domain/account.ts).
			return ownUnit && phase === 'registration';
		case 'assessment.open':
			return entry.onTeam;
		case 'assessment.write':
			return entry.onTeam && isOpenForScoring(phase);
		case 'assessment.readTeam':
			// Independence (docs/assessing.md#2-independence): the lead too sees the team's work only
			// after submitting their own, so that no first judgement leans on another's.
			return viewer.isAdmin || (entry.onTeam && entry.ownSubmitted);
		case 'consensus.open':
			return entry.isLead;
		case 'consensus.write':
			// The lead writes the consensus once their own assessment is in: they have then seen the team's.
			return entry.isLead && entry.ownSubmitted && isOpenForScoring(phase);
		case 'assessment.reopen':
			// The same holds for reopening a teammate's: its answers tell the teammates' state.
			return (viewer.isAdmin || (entry.isLead && entry.ownSubmitted)) && isOpenForScoring(phase);
		case 'feedback.draft':
			return entry.isLead && isOpenForFeedbackDrafting(phase);
		case 'ranking.view':
			return viewer.isAdmin || (juryMember && phaseAtLeast(phase, 'jury'));
		case 'ballot.cast':
			return juryMember && phase === 'jury' && entry.isFinalist;
		case 'decision.record':
			return isChair && phase === 'jury';
		case 'feedback.read':
			return viewer.isAdmin || entry.onTeam || juryReads || (ownUnit && entry.reportReleased);
		case 'unit.readRegistration':
			return viewer.isAdmin || ownUnit || coordinator;
		case 'unit.register':
			return (viewer.isAdmin && entriesOpen(phase)) || ((ownUnit || coordinator) && registering);
		case 'registration.confirm':
			return (viewer.isAdmin && entriesOpen(phase)) || (coordinator && registering);
		case 'minutes.upload':
			return coordinator && registering;
		case 'minutes.read':
			// Board minutes name the organisation's own matters: its coordinator and the award office.
			return viewer.isAdmin || coordinator;
	}
}
