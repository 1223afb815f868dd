import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { readForm, text } from '$lib/server/http/request';
import { safeReturnPath } from '$lib/server/http/return-path';

/** The language switch: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async (event) => {
	const form = await readForm(event);
	const locale = text(form, 'locale');
	if (isLocale(locale)) {
		event.cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: 365 * 24 * 3600
		});
	}
	redirect(303, safeReturnPath(text(form, 'back')));
};
