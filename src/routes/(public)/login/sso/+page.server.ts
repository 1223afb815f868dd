import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { startSignIn } from '$lib/server/sso/flow';
import { setAttemptCookie } from '$lib/server/sso/cookie';
import { safeReturnPath } from '$lib/server/http/return-path';
import { publicOrigin } from '$lib/server/mail/transport';

// Opening this address sends the browser to the city's sign-in; only a failure shows a page.
export const load: PageServerLoad = async ({ locals, url, cookies, getClientAddress }) => {
	const returnTo = safeReturnPath(url.searchParams.get('redirectTo'), '') || null;
	if (locals.user) redirect(303, returnTo ?? '/');
	const start = await startSignIn(publicOrigin(url), returnTo, getClientAddress());
	if (!start.ok) return { problem: start.problem, reference: start.reference, email: null };
	setAttemptCookie(cookies, url, start.state);
	redirect(303, start.url.href);
};
