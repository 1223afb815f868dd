import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { examinerWork } from '$lib/server/home/overview';
import { changeNotices } from '$lib/server/registry/risky-change';
import { examinerNextStep } from '$lib/domain/next-step';

export const load: PageServerLoad = (event) => {
	const { user, cycle } = requireArea(event, 'examiner');
	const work = cycle ? examinerWork(user.id, cycle) : [];
	return { cycle, work, next: examinerNextStep(work.map((w) => w.progress)), changes: cycle ? changeNotices(user.id, cycle.id) : [] };
};
