import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { findPeople } from '$lib/server/personal-data/manage';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const search = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	// After an erasure or a contact's pseudonymising the person's page is gone, and the search says what was done.
	const done = event.url.searchParams.get('done');
	return { search, people: search.length >= 2 ? findPeople(search) : null, done: done === 'erased' || done === 'pseudonymised' ? done : null };
};
