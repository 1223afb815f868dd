import type { PageServerLoad } from './$types';
import { requireRankingCycle } from '$lib/server/ranking/guards';
import { cycleRankingOverview } from '$lib/server/ranking/views';

export const load: PageServerLoad = (event) => {
	const access = requireRankingCycle(event);
	const { id, name, phase } = access.cycle;
	return { cycle: { id, name, phase }, isAdmin: access.isAdmin, ...cycleRankingOverview(access) };
};
