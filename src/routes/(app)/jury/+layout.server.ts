import type { LayoutServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { hasCycleRole } from '$lib/domain/permissions';
import { phaseAtLeast } from '$lib/domain/phases';

/** The jury's sub-navigation: the chair's pages only for the chair, the rest from the jury phase on. */
export const load: LayoutServerLoad = (event) => {
	const { viewer, cycle } = requireArea(event, 'jury');
	return {
		juryNav: {
			open: cycle !== null && phaseAtLeast(cycle.phase, 'jury'),
			isChair: cycle !== null && hasCycleRole(viewer, cycle.id, 'chair')
		}
	};
};
