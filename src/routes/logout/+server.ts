import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as auth from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';

export const POST: RequestHandler = ({ locals, cookies }) => {
	if (locals.session) auth.invalidateSession(locals.session.id);
	deleteSessionCookie(cookies);
	redirect(303, '/login');
};
