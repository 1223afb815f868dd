import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

/** Everything under (app) needs a signed-in user; each page also checks its own right. */
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
	return {};
};
