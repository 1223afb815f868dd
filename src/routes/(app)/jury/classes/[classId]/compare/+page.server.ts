import type { PageServerLoad } from './$types';
import { compareFinalists, criteriaOf, requireClass, requireJury } from '$lib/server/jury/jury';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const awardClass = requireClass(access.cycle.id, event.params.classId);
	const comparison = compareFinalists(access, awardClass.id, event.url.searchParams.getAll('e'));
	return { awardClass, criteria: criteriaOf(access.cycle.id), comparison };
};
