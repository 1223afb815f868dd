import { getContext, setContext } from 'svelte';
import { formatDate, formatDateTime, formatNumber, formatTime, messages, type Locale, type Messages } from './index';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	readonly m: Messages;
	date(value: Date | string | null | undefined): string;
	dateTime(value: Date): string;
	time(value: Date | number): string;
	number(value: number | null | undefined, decimals?: number): string;
}

/** Set once in the root layout; the getter follows the locale as it changes. */
export function provideI18n(getLocale: () => Locale): void {
	setContext<I18n>(KEY, {
		get locale() {
			return getLocale();
		},
		get m() {
			return messages(getLocale());
		},
		date: (v) => formatDate(v, getLocale()),
		dateTime: (v) => formatDateTime(v, getLocale()),
		time: (v) => formatTime(v, getLocale()),
		number: (v, d) => formatNumber(v, getLocale(), d)
	});
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
