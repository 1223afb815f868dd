import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireJury } from '$lib/server/jury/jury';
import { minutesOf } from '$lib/server/jury/minutes';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const minutes = minutesOf(access.cycle.id, access.barred);
	if (!minutes) error(404, { message: 'not-found' });
	return { minutes };
};
