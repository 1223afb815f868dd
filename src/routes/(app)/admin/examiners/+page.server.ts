import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { poolOverview } from '$lib/server/examiners/overview';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return { cycle: cycle && { id: cycle.id, name: cycle.name }, overview: cycle ? poolOverview(cycle.id) : null };
};
