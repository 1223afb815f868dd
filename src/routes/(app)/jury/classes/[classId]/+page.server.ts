import type { PageServerLoad } from './$types';
import { classFinalists, criteriaOf, requireClass, requireJury, COMPARE_MAX, COMPARE_MIN } from '$lib/server/jury/jury';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const awardClass = requireClass(access.cycle.id, event.params.classId);
	return {
		awardClass,
		criteria: criteriaOf(access.cycle.id),
		finalists: classFinalists(access, awardClass.id),
		someBarred: access.barred.size > 0,
		compare: { min: COMPARE_MIN, max: COMPARE_MAX }
	};
};
