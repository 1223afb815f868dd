import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestLoginLink } from '$lib/server/auth/login-link';
import { readForm, text } from '$lib/server/http/request';
import { safeReturnPath } from '$lib/server/http/return-path';
import { messagesOf } from '$lib/server/http/locale';
import { kickMailWorker } from '$lib/server/mail/worker';
import { publicOrigin } from '$lib/server/mail/transport';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('redirectTo')));
	return { redirectTo: safeReturnPath(url.searchParams.get('redirectTo'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const all = messagesOf(event.cookies);
		const m = all.feedback.link;
		const email = text(form, 'email').slice(0, 320);
		if (!email) return fail(400, { email, errors: { email: m.missing } as Record<string, string> });
		if (!EMAIL.test(email)) return fail(400, { email, errors: { email: m.invalidEmail } as Record<string, string> });
		const redirectTo = event.url.searchParams.get('redirectTo');
		const result = requestLoginLink(email, event.getClientAddress(), publicOrigin(event.url), redirectTo);
		if (!result.ok) return fail(429, { email, message: m.throttled(all.login.wait(result.retryAfterSeconds)) });
		kickMailWorker();
		// The same answer whether or not a link was sent: the page reveals no accounts.
		return { sent: true };
	}
};
