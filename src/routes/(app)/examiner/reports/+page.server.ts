import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { leadReports } from '$lib/server/feedback/lists';

export const load: PageServerLoad = (event) => {
	const { user, cycle } = requireArea(event, 'examiner');
	return { cycle, reports: cycle ? leadReports(user.id, cycle.id) : [] };
};
