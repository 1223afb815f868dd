import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { listCycles } from '$lib/server/cycles/lookup';
import { createCycle, cycleFormValues, newCycleDefaults, parseNewCycle } from '$lib/server/cycles/settings';
import { readForm } from '$lib/server/http/request';
import { localeOf, messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	return { defaults: newCycleDefaults(), sources: listCycles().map((c) => ({ id: c.id, name: c.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireArea(event, 'admin');
		const values = cycleFormValues(await readForm(event));
		const m = messagesOf(event.cookies);
		const parsed = parseNewCycle(values, m, localeOf(event.cookies));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const result = createCycle(parsed.data, user.id);
		if (!result.ok) {
			const errors = result.error === 'yearTaken' ? { year: m.cycles.errors.yearTaken(parsed.data.year) } : { copyFrom: m.cycles.errors.copyFrom };
			return fail(400, { errors, values });
		}
		redirect(303, `/admin/cycles/${result.id}?created=1`);
	}
};
