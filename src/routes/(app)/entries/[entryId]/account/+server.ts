import type { RequestHandler } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { accountResponse } from '$lib/server/registry/account';

/**
 * The entry's written account as a PDF, for those who may read it (admin, the entry's team, the
 * jury for finalists, the unit's own contacts); everyone else, and anyone with a conflict of
 * interest, gets 404. `?download=1` offers it as a download instead of showing it.
 */
export const GET: RequestHandler = (event) => {
	const access = requireEntry(event, event.params.entryId, 'entry.readAccount');
	return accountResponse(access, event.request, event.url.searchParams.get('download') === '1');
};
