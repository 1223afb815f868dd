import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { juryOverview } from '$lib/server/home/overview';
import { votedClassIds } from '$lib/server/jury/ballots';
import { decidedClassIds } from '$lib/server/jury/decisions';
import { memberConflicts } from '$lib/server/jury/jury';
import { classLeaders, classStanding } from '$lib/server/jury/standing';
import { barredEntryIds } from '$lib/server/access/entry-facts';
import { NONE_BARRED } from '$lib/domain/entry-state';
import { phaseAtLeast } from '$lib/domain/phases';
import { juryNextStep } from '$lib/domain/next-step';

export const load: PageServerLoad = (event) => {
	const { cycle, user, viewer } = requireArea(event, 'jury');
	const barred = cycle ? barredEntryIds(viewer, cycle.id) : NONE_BARRED;
	const overview = cycle ? juryOverview(cycle, barred) : null;
	// Who leads a class is the ranking's, which the jury sees from its phase on.
	const open = cycle !== null && phaseAtLeast(cycle.phase, 'jury');
	const standings = open && overview ? overview.classes.map((c) => [c.id, classStanding(cycle.id, c.id, { userId: user.id, barred })] as const) : [];
	const leaders = Object.fromEntries(standings.map(([id, s]) => [id, classLeaders(s).map(({ unitName, total }) => ({ unitName, total }))]));
	// Where the ballot stands: how many have voted, and who is first only to whom the tally is shown
	// (before any vote, every finalist would share the first place).
	const ballots = Object.fromEntries(
		standings.map(([id, s]) => [id, { voted: s.voted, members: s.members, first: s.voted > 0 ? s.rows.filter((r) => r.ballotPlace === 1).map((r) => r.unitName) : [] }])
	);
	return {
		cycle,
		overview,
		leaders,
		ballots,
		next: juryNextStep(cycle?.phase ?? null, Boolean(cycle?.decisionsClosedAt)),
		voted: [...votedClassIds(user.id)],
		decided: cycle ? [...decidedClassIds(cycle.id, barred)] : [],
		// Conflicts concern the finalists, which the jury sees from the jury phase on.
		members: cycle ? memberConflicts(cycle.id, barred).map((m) => (phaseAtLeast(cycle.phase, 'jury') ? m : { ...m, finalists: [] })) : []
	};
};
