import type { RequestHandler } from './$types';
import { requireMinutes } from '$lib/server/registration/access';
import { documentResponse } from '$lib/server/registry/account';

/**
 * A board's minutes as handed in, for the coordinator of its organisation and the admin; anyone
 * else gets 404. `?download=1` offers the file as a download instead of showing it.
 */
export const GET: RequestHandler = (event) => {
	const minutes = requireMinutes(event, event.params.minutesId);
	return documentResponse({ ...minutes, mediaType: 'application/pdf' }, event.request, event.url.searchParams.get('download') === '1');
};
