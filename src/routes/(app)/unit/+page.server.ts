import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { unitOverview } from '$lib/server/home/overview';
import { unitNextStep } from '$lib/domain/next-step';

export const load: PageServerLoad = (event) => {
	const { user, cycle } = requireArea(event, 'unit');
	return { cycle, units: unitOverview(user.id, cycle).map((u) => ({ ...u, next: unitNextStep(u.progress, cycle?.phase ?? null, u.reports.length) })) };
};
