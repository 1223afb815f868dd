import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { juryOverview } from '$lib/server/home/overview';
import { votedClassIds } from '$lib/server/jury/ballots';
import { decidedClassIds } from '$lib/server/jury/decisions';
import { memberConflicts } from '$lib/server/jury/jury';
import { phaseAtLeast } from '$lib/domain/phases';
import { juryNextStep } from '$lib/domain/next-step';

export const load: PageServerLoad = (event) => {
	const { cycle, user } = requireArea(event, 'jury');
	return {
		cycle,
		overview: cycle ? juryOverview(cycle) : null,
		next: juryNextStep(cycle?.phase ?? null, Boolean(cycle?.decisionsClosedAt)),
		voted: [...votedClassIds(user.id)],
		decided: cycle ? [...decidedClassIds(cycle.id)] : [],
		// Conflicts concern the finalists, which the jury sees from the jury phase on.
		members: cycle ? memberConflicts(cycle.id).map((m) => (phaseAtLeast(cycle.phase, 'jury') ? m : { ...m, finalists: [] })) : []
	};
};
