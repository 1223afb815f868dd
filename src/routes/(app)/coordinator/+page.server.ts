import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { coordinatedOrganisations, requireUnit, unitFacts } from '$lib/server/registration/access';
import { coordinatorOverview } from '$lib/server/registration/overview';
import { answerRegistration } from '$lib/server/registration/register';
import { proposeUnit } from '$lib/server/registration/proposals';
import { may } from '$lib/domain/permissions';

export const load: PageServerLoad = (event) => {
	const { viewer, cycle } = requireArea(event, 'coordinator');
	const organisations = coordinatorOverview(coordinatedOrganisations(viewer, cycle!.id), cycle!);
	return { cycle: { name: cycle!.name, phase: cycle!.phase }, open: cycle!.phase === 'registration', organisations };
};

/** Confirm or withdraw one unit's registration, as the coordinator of its organisation. */
async function answer(event: RequestEvent, kind: 'confirm' | 'withdraw') {
	const { cycle } = requireArea(event, 'coordinator');
	const values = formStrings(await readForm(event));
	const read = requireUnit(event, idParam(values.unitId ?? ''), cycle, 'registration.confirm');
	const m = messagesOf(event.cookies);
	const result = answerRegistration(read, kind, values, read.user.id, m.registration, m.entries);
	if (!result.ok) return fail(result.status, { unitId: read.unit.id, errors: result.errors, conflict: result.status === 409 });
	return { unitId: read.unit.id, answered: kind };
}

export const actions: Actions = {
	confirm: (event) => answer(event, 'confirm'),
	withdraw: (event) => answer(event, 'withdraw'),
	propose: async (event) => {
		const { viewer, cycle, user } = requireArea(event, 'coordinator');
		const values = formStrings(await readForm(event));
		const m = messagesOf(event.cookies).registration;
		const organisationId = Number(values.organisationId);
		// A proposal is a registration of a unit not yet in the register: the same right, on the organisation.
		if (!coordinatedOrganisations(viewer, cycle!.id).includes(organisationId)) return fail(400, { propose: true, errors: { _form: m.coordinator.notYours }, values });
		if (!may(viewer, 'unit.register', unitFacts(cycle!, { id: -1, organisationId }))) return fail(400, { propose: true, errors: { _form: m.coordinator.closed }, values });
		const result = proposeUnit(cycle!, organisationId, values, user.id, m);
		if (!result.ok) return fail(result.status, { propose: true, errors: result.errors, values });
		return { proposed: true };
	}
};
