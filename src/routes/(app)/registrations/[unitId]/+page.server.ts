import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getCurrentCycle } from '$lib/server/cycles/lookup';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { requireUnit } from '$lib/server/registration/access';
import { registrationValues, saveRegistration } from '$lib/server/registration/register';
import { registrationOptions } from '$lib/server/registry/entries';
import { unitValuesFrom } from '$lib/server/registry/unit-save';
import { may } from '$lib/domain/permissions';
import { registrationState } from '$lib/domain/registration';

/** One unit's registration for the current cycle: its contact, its coordinator and the admin share the page. */
export const load: PageServerLoad = (event) => {
	const read = requireUnit(event, idParam(event.params.unitId), getCurrentCycle(), 'unit.readRegistration');
	const back = read.viewer.isAdmin ? '/admin/registrations' : read.viewer.unitIds.includes(read.unit.id) ? '/unit' : '/coordinator';
	return {
		unit: read.unit,
		cycle: { name: read.cycle.name },
		state: registrationState(read.entry && { status: read.entry.status, confirmed: read.entry.confirmedAt !== null }),
		open: may(read.viewer, 'unit.register', read.facts),
		classes: registrationOptions(read.cycle.id).classes,
		back,
		...registrationValues(read)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const read = requireUnit(event, idParam(event.params.unitId), getCurrentCycle(), 'unit.readRegistration');
		const input = formStrings(await readForm(event));
		// Posted back as the form shows it, so that a refused save keeps everything typed.
		const values = { ...unitValuesFrom(input), classId: input.classId ?? '' };
		const m = messagesOf(event.cookies);
		if (!may(read.viewer, 'unit.register', read.facts)) return fail(400, { errors: { _form: m.registration.form.closed }, values, conflict: false });
		const result = saveRegistration(read, input, read.user.id, m.registration, m.entries);
		if (!result.ok) return fail(result.status, { errors: result.errors, values, conflict: result.status === 409 });
		return { saved: true };
	}
};
