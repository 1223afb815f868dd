import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { importResult } from '$lib/server/imports';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const id = Number(event.params.id);
	const result = Number.isSafeInteger(id) && id > 0 ? importResult(id) : null;
	if (!result) error(404, { message: 'not-found' });
	return { result };
};
