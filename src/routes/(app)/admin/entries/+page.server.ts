import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings } from '$lib/server/registry/fields';
import { listEntries, registerEntry, registrationOptions } from '$lib/server/registry/entries';
import { entriesOpen } from '$lib/domain/entries';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	const unit = event.url.searchParams.get('unit') ?? '';
	return {
		cycle: cycle && { id: cycle.id, name: cycle.name, phase: cycle.phase, open: entriesOpen(cycle.phase) },
		entries: cycle ? listEntries(cycle.id) : [],
		options: cycle ? registrationOptions(cycle.id) : { classes: [], units: [] },
		unit: /^\d+$/.test(unit) ? unit : ''
	};
};

export const actions: Actions = {
	register: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const result = registerEntry(values, cycle, user.id, messagesOf(event.cookies).entries);
		if (!result.ok) return fail(result.status, { errors: result.errors, values });
		redirect(303, `/admin/entries/${result.value.id}?registered=1`);
	}
};
