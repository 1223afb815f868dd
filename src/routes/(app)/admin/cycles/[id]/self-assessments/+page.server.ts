import type { PageServerLoad } from './$types';
import { requireSpread } from '$lib/server/feedback/access';
import { cycleSpread } from '$lib/server/feedback/spread';

export const load: PageServerLoad = (event) => {
	const cycle = requireSpread(event, event.params.id);
	const { criteria, done, entries, spread } = cycleSpread(cycle.id);
	return { cycle: { id: cycle.id, name: cycle.name, year: cycle.year }, criteria, done, assessed: entries.length, spread };
};
