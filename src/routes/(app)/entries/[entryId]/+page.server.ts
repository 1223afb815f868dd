import type { PageServerLoad } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { accountFacts } from '$lib/server/registry/account';

export const load: PageServerLoad = (event) => {
	const access = requireEntry(event, event.params.entryId, 'entry.readAccount');
	return { account: accountFacts(access) };
};
