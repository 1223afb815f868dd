import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { examinerWork } from '$lib/server/home/overview';

export const load: PageServerLoad = (event) => {
	const { user, cycle } = requireArea(event, 'examiner');
	return { cycle, work: cycle ? examinerWork(user.id, cycle) : [] };
};
