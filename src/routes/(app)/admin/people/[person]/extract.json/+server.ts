import type { RequestHandler } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { extractResponse } from '$lib/server/personal-data/download';

export const GET: RequestHandler = (event) => {
	const { user } = requireArea(event, 'admin');
	return extractResponse(event, user.id, 'json');
};
