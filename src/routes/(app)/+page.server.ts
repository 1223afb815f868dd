import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { readViewer } from '$lib/server/access/entry-facts';
import { getCurrentCycle } from '$lib/server/cycles/lookup';
import { rolesIn } from '$lib/domain/permissions';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const cycle = getCurrentCycle();
	const roles = rolesIn(readViewer(user.id), cycle?.id ?? null);
	return {
		name: user.name,
		cycle: cycle && { name: cycle.name, phase: cycle.phase },
		roles
	};
};
