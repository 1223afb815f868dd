import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as auth from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { providerSignOutUrl } from '$lib/server/sso/sign-out';
import { publicOrigin } from '$lib/server/mail/transport';

// A session opened by single sign-on ends at the provider too, which then sends the browser back to /login.
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	const providerSignOut = locals.session ? await providerSignOutUrl(locals.session.id, publicOrigin(url)) : null;
	if (locals.session) auth.invalidateSession(locals.session.id);
	deleteSessionCookie(cookies);
	redirect(303, providerSignOut ?? '/login');
};
