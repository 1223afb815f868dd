import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings } from '$lib/server/registry/fields';
import { organisationOptions, saveBoard } from '$lib/server/registry/organisations';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const organisation = event.url.searchParams.get('organisation') ?? '';
	return { organisations: organisationOptions(), organisation: /^\d+$/.test(organisation) ? organisation : '' };
};

export const actions: Actions = {
	save: async (event) => {
		const { user } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const result = saveBoard(values, null, user.id, messagesOf(event.cookies).units.v);
		if (!result.ok) return fail(result.status, { errors: result.errors, values });
		redirect(303, `/admin/organisations/boards/${result.value.id}?saved=1`);
	}
};
