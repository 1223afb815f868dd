import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { listSignOnAccounts, setSsoRequired, unbindIdentity } from '$lib/server/sso/accounts';
import { ssoConfig } from '$lib/server/sso/config';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	return { configured: ssoConfig() !== null, accounts: listSignOnAccounts() };
};

/** The admin, the posted form and the person it names (0 when the id is not one). */
async function posted(event: RequestEvent) {
	const { user } = requireArea(event, 'admin');
	const form = await readForm(event);
	const userId = Number(text(form, 'userId'));
	return { user, form, userId: Number.isSafeInteger(userId) && userId > 0 ? userId : 0 };
}

export const actions: Actions = {
	require: async (event) => {
		const { user, form, userId } = await posted(event);
		const required = text(form, 'required') === '1';
		const result = setSsoRequired(userId, required, { userId: user.id, sessionId: event.locals.session!.id });
		if (!result.ok) return fail(result.error === 'notFound' ? 404 : 409, { message: messagesOf(event.cookies).signOn.admin.errors[result.error] });
		return { done: required ? ('required' as const) : ('allowed' as const), userId };
	},

	unbind: async (event) => {
		const { user, userId } = await posted(event);
		const result = unbindIdentity(userId, user.id);
		if (!result.ok) return fail(404, { message: messagesOf(event.cookies).signOn.admin.errors[result.error] });
		return { done: 'unbound' as const, userId };
	}
};
