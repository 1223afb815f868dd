import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { consumeLoginLink, peekLoginLink } from '$lib/server/auth/login-link';
import { safeReturnPath } from '$lib/server/http/return-path';

// GET only shows a button: mail scanners that follow links must not use up the link.
export const load: PageServerLoad = ({ params, url }) => {
	return { state: peekLoginLink(params.token), redirectTo: safeReturnPath(url.searchParams.get('redirectTo'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const result = consumeLoginLink(event.params.token);
		if (!result.ok) return { state: result.reason };
		if (event.locals.session) auth.invalidateSession(event.locals.session.id);
		const token = auth.generateToken();
		const session = auth.createSession(token, result.userId);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, safeReturnPath(event.url.searchParams.get('redirectTo'), '/unit'));
	}
};
