import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { juryOverview } from '$lib/server/home';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'jury');
	return { cycle, overview: cycle ? juryOverview(cycle) : null };
};
