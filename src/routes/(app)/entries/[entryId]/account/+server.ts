import type { RequestHandler } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { accountResponse, documentResponse } from '$lib/server/registry/account';
import { submittedAccountPdf } from '$lib/server/account/pdf';

/**
 * The entry's written account as a PDF, for those who may read it (admin, the entry's team, the
 * jury for finalists, the unit's own contacts); everyone else, and anyone with a conflict of
 * interest, gets 404. `?download=1` offers it as a download instead of showing it.
 */
export const GET: RequestHandler = async (event) => {
	const access = requireEntry(event, event.params.entryId, 'entry.readAccount');
	const download = event.url.searchParams.get('download') === '1';
	// An account handed in as a form is read as its typeset PDF; an uploaded one as uploaded.
	const typeset = await submittedAccountPdf(access, access.cycle.id);
	if (typeset) return documentResponse({ ...typeset, mediaType: 'application/pdf' }, event.request, download);
	return accountResponse(access, event.request, download);
};
