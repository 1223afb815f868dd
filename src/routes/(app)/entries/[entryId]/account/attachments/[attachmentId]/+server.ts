import type { RequestHandler } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { attachmentResponse } from '$lib/server/account/attachments';

/** One attachment of the account, for whoever may read the entry's account (its unit, its team, the admin). */
export const GET: RequestHandler = (event) => {
	const access = requireEntry(event, event.params.entryId, 'entry.readAccount');
	return attachmentResponse(access.entry.id, Number(event.params.attachmentId), event.request);
};
