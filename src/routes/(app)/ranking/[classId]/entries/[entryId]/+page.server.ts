import type { PageServerLoad } from './$types';
import { requireRankingEntry } from '$lib/server/ranking/guards';
import { entryRankingPage } from '$lib/server/ranking/views';

export const load: PageServerLoad = (event) => {
	const access = requireRankingEntry(event, event.params.classId, event.params.entryId);
	const { id, nameSv, nameEn } = access.awardClass;
	return { awardClass: { id, nameSv, nameEn }, ...entryRankingPage(access, id, access.entryId) };
};
