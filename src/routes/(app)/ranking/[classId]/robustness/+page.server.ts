import type { PageServerLoad } from './$types';
import { requireRankingClass } from '$lib/server/ranking/guards';
import { classRobustnessPage } from '$lib/server/ranking/views';

export const load: PageServerLoad = (event) => {
	const access = requireRankingClass(event, event.params.classId);
	const { id, nameSv, nameEn } = access.awardClass;
	return { awardClass: { id, nameSv, nameEn }, ...classRobustnessPage(access, id) };
};
