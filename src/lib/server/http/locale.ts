import type { Cookies } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE, messages, type Locale, type Messages } from '$lib/i18n';

export function localeOf(cookies: Cookies): Locale {
	const value = cookies.get(LOCALE_COOKIE);
	return isLocale(value) ? value : 'sv';
}

/** The catalogue for the request's language, for messages returned by actions. */
export function messagesOf(cookies: Cookies): Messages {
	return messages(localeOf(cookies));
}
