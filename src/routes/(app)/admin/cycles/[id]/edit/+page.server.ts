import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { requireCycle } from '$lib/server/cycles/lookup';
import { cycleFormValues, cycleValues, parseCycleSettings, updateCycle } from '$lib/server/cycles/settings';
import { readForm, text } from '$lib/server/http/request';
import { localeOf, messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const cycle = requireCycle(event.params.id);
	return { cycle, values: cycleValues(cycle) };
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireArea(event, 'admin');
		const cycle = requireCycle(event.params.id);
		const form = await readForm(event);
		const values = cycleFormValues(form);
		const version = Number(text(form, 'version'));
		const m = messagesOf(event.cookies);
		const parsed = parseCycleSettings(values, cycle.year, m, localeOf(event.cookies));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const result = updateCycle(cycle.id, version, parsed.data, user.id);
		if (result.ok) redirect(303, `/admin/cycles/${cycle.id}/edit?saved=1`);
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		const message = result.error === 'conflict' ? m.cycles.errors.conflict : m.cycles.errors.archived;
		return fail(409, { errors: { _form: message }, values });
	}
};
