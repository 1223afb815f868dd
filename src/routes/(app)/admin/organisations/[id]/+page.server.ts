import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { getOrganisation, saveOrganisation } from '$lib/server/registry/organisations';
import { appointCoordinator, listCoordinators, removeCoordinator } from '$lib/server/registration/coordinators';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	const found = getOrganisation(idParam(event.params.id));
	if (!found) error(404, { message: 'not-found' });
	const coordinators = cycle ? listCoordinators(found.organisation.id, cycle.id) : [];
	return { ...found, cycle: cycle && { name: cycle.name }, coordinators, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		const { user } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const result = saveOrganisation(values, idParam(event.params.id), user.id, messagesOf(event.cookies).units.v);
		if (!result.ok) return fail(result.status, { errors: result.errors, values, conflict: result.status === 409 });
		return { saved: true };
	},
	appoint: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const result = appointCoordinator(idParam(event.params.id), values, cycle, user.id, messagesOf(event.cookies).registration);
		if (!result.ok) return fail(result.status, { coordinatorErrors: result.errors, coordinatorValues: values });
		return { coordinatorDone: 'appointed' as const };
	},
	removeCoordinator: async (event) => {
		const { user } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const result = removeCoordinator(idParam(event.params.id), idParam(values.coordinatorId ?? ''), user.id, messagesOf(event.cookies).registration);
		if (!result.ok) return fail(result.status, { coordinatorErrors: result.errors, coordinatorValues: {} });
		return { coordinatorDone: 'removed' as const };
	}
};
