import type { PageServerLoad } from './$types';
import { requireRankingClass } from '$lib/server/ranking/guards';
import { classRankingPage } from '$lib/server/ranking/views';
import { localeOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const access = requireRankingClass(event, event.params.classId);
	const { id, nameSv, nameEn } = access.awardClass;
	return {
		awardClass: { id, nameSv, nameEn },
		...classRankingPage(access, id, event.url.searchParams, localeOf(event.cookies))
	};
};
