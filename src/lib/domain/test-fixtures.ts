/**
 * The domain's facts as the unit tests build them: everything empty, false or absent, so a test
 * names only what it is about. For tests only.
 */
import type { EntryFacts, Viewer } from './permissions';
import type { EntrySnapshot } from './registration';

/** A signed-in person with no role anywhere. */
export const viewerOf = (over: Partial<Viewer> = {}): Viewer => ({ userId: 1, isAdmin: false, cycleRoles: [], leadCycleIds: [], unitIds: [], coordinates: [], ...over });

/** An entry of unit 50 in organisation 40, in the given cycle's assessment phase, with nothing done. */
export const entryFactsOf = (cycleId: number, over: Partial<EntryFacts> = {}): EntryFacts => ({
	cycleId,
	phase: 'assessment',
	unitId: 50,
	organisationId: 40,
	onTeam: false,
	isLead: false,
	conflicted: false,
	isFinalist: false,
	consensusDone: false,
	ownSubmitted: false,
	reportReleased: false,
	...over
});

/** A registered entry, not confirmed, with nothing handed in. */
export const entrySnapshotOf = (over: Partial<EntrySnapshot> = {}): EntrySnapshot => ({
	status: 'registered',
	confirmed: false,
	minutesReceivedDate: null,
	accountReceivedDate: null,
	hasAccount: false,
	draftSavedAt: null,
	accountExtendedTo: null,
	...over
});
