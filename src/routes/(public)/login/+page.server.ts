import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { signIn } from '$lib/server/auth/login';
import { homeOf } from '$lib/server/auth/landing';
import { ssoConfig } from '$lib/server/sso/config';
import { readForm, text } from '$lib/server/http/request';
import { safeReturnPath } from '$lib/server/http/return-path';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('redirectTo')));
	return { sso: ssoConfig() !== null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const email = text(form, 'email').slice(0, 320);
		const password = (form.get('password') as string | null)?.slice(0, 200) ?? '';
		const m = messagesOf(event.cookies).login;
		const result = await signIn(email, password, event.getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'throttled' ? m.throttled(m.wait(result.retryAfterSeconds)) : result.reason === 'missing' ? m.missing : m.wrong;
			return fail(result.reason === 'throttled' ? 429 : 400, { email, message });
		}
		const token = auth.generateToken();
		const session = auth.createSession(token, result.userId);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, safeReturnPath(event.url.searchParams.get('redirectTo'), homeOf(result.userId)));
	}
};

