import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { examinerWork } from '$lib/server/home/overview';
import { changeNotices } from '$lib/server/registry/risky-change';
import { examinerNextStep, unsubmittedCount } from '$lib/domain/next-step';

export const load: PageServerLoad = (event) => {
	const { user, cycle } = requireArea(event, 'examiner');
	const work = cycle ? examinerWork(user.id, cycle) : [];
	const assessments = work.map((w) => w.status);
	return { cycle, work, next: examinerNextStep(cycle?.phase ?? null, assessments), unsubmitted: unsubmittedCount(assessments), changes: cycle ? changeNotices(user.id, cycle.id) : [] };
};
