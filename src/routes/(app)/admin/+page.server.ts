import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { adminOverview } from '$lib/server/home/overview';
import { backupStatus } from '$lib/server/backup/schedule';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return { cycle, overview: cycle ? adminOverview(cycle) : null, backup: backupStatus() };
};
