import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings } from '$lib/server/registry/fields';
import { saveUnit, unitValuesFrom } from '$lib/server/registry/unit-save';
import { EMPTY_UNIT, unitFormOptions } from '$lib/server/registry/units';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const organisation = event.url.searchParams.get('organisation') ?? '';
	return { ...unitFormOptions(), values: { ...EMPTY_UNIT, organisationId: /^\d+$/.test(organisation) ? organisation : '' } };
};

export const actions: Actions = {
	save: async (event) => {
		const { user } = requireArea(event, 'admin');
		const input = formStrings(await readForm(event));
		const result = saveUnit(input, null, user.id, messagesOf(event.cookies).units.v);
		if (!result.ok) return fail(result.status, { errors: result.errors, values: unitValuesFrom(input) });
		redirect(303, `/admin/units/${result.value.id}?saved=1`);
	}
};
