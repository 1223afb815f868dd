import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { homeOf } from '$lib/server/auth/landing';
import { CALLBACK_PATH, finishSignIn } from '$lib/server/sso/flow';
import { takeAttemptCookie } from '$lib/server/sso/cookie';
import { safeReturnPath } from '$lib/server/http/return-path';
import { publicOrigin } from '$lib/server/mail/transport';

// The provider sends the browser here with its answer; a refusal shows a page with a reference.
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	// The answer is read at the public address the provider was given, whatever the proxy says.
	const answer = new URL(CALLBACK_PATH + url.search, publicOrigin(url));
	const result = await finishSignIn(answer, takeAttemptCookie(cookies));
	if (!result.ok) return { problem: result.problem, reference: result.reference, email: result.email ?? null };
	if (locals.session) auth.invalidateSession(locals.session.id);
	setSessionCookie(cookies, url, result.token, result.expiresAt);
	redirect(303, safeReturnPath(result.returnTo, homeOf(result.userId)));
};
