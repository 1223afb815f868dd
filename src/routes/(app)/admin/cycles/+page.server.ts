import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { listCycles } from '$lib/server/cycles/lookup';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return { cycles: listCycles(), currentId: cycle?.id ?? null };
};
