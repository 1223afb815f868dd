import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { saveUnit, unitValuesFrom } from '$lib/server/registry/unit-save';
import { getUnit, unitEntries, unitFormOptions } from '$lib/server/registry/units';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	const unit = getUnit(idParam(event.params.id));
	if (!unit) error(404, { message: 'not-found' });
	const entries = unitEntries(unit.id);
	return {
		unit,
		entries,
		mayRegister: cycle !== null && !entries.some((e) => e.cycleId === cycle.id),
		...unitFormOptions(),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user } = requireArea(event, 'admin');
		const input = formStrings(await readForm(event));
		const result = saveUnit(input, idParam(event.params.id), user.id, messagesOf(event.cookies).units.v);
		if (!result.ok) return fail(result.status, { errors: result.errors, values: unitValuesFrom(input), conflict: result.status === 409 && '_form' in result.errors });
		return { saved: true };
	}
};
