import type { Cookies } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE, messages, type Locale, type Messages } from '$lib/i18n';

export function localeOf(cookies: Pick<Cookies, 'get'>): Locale {
	const value = cookies.get(LOCALE_COOKIE);
	return isLocale(value) ? value : 'sv';
}

/** The catalogue for the request's language, for messages returned by actions. */
export function messagesOf(cookies: Pick<Cookies, 'get'>): Messages {
	return messages(localeOf(cookies));
}
