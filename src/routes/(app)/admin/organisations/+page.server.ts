import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { messagesOf } from '$lib/server/http/locale';
import { listLooseBoards, listOrganisations, ORGANISATION_SORTS } from '$lib/server/registry/organisations';
import { sortParams } from '$lib/server/registry/sorting';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const kinds = messagesOf(event.cookies).units.org.kinds;
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const { sort, dir } = sortParams(event.url, ORGANISATION_SORTS, 'name');
	return { q, sort, dir, organisations: listOrganisations(q, sort, dir, (k) => kinds[k]), looseBoards: listLooseBoards() };
};
