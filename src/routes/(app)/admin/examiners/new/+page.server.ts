import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { addExaminer } from '$lib/server/examiners/pool';
import { emptyFormValues, examinerFormChoices, examinerFormValues, parseExaminerForm } from '$lib/server/examiners/form';
import { saveErrors } from '$lib/server/examiners/save-errors';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	if (!cycle) error(404, { message: 'not-found' });
	return {
		cycle: { name: cycle.name, defaultCapacity: cycle.defaultCapacity },
		values: emptyFormValues(cycle.defaultCapacity),
		...examinerFormChoices(cycle.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		if (!cycle) error(404, { message: 'not-found' });
		const values = examinerFormValues(await readForm(event));
		const m = messagesOf(event.cookies);
		const parsed = parseExaminerForm(values, cycle.year, m);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const result = addExaminer(cycle.id, parsed.data, user.id);
		if (!result.ok) {
			const { status, errors } = saveErrors(result.error, m);
			return fail(status, { errors, values });
		}
		redirect(303, `/admin/examiners/${result.userId}?added=1`);
	}
};
