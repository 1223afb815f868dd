import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { progressMatrix } from '$lib/server/scoring/progress';
import { stockholmDay } from '$lib/domain/dates';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	const today = stockholmDay(new Date());
	return { cycle, today, progress: cycle ? progressMatrix(cycle, today) : null };
};
