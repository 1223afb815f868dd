import { en } from './en';
import { sv, type Messages } from './sv';

export type { Messages };
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'lang';

const catalogues: Record<Locale, Messages> = { sv, en };

export function isLocale(value: unknown): value is Locale {
	return value === 'sv' || value === 'en';
}

export function messages(locale: Locale): Messages {
	return catalogues[locale];
}

const tag: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/** Dates as the locale writes them; a bare ISO day stays that day in every time zone. */
export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
	if (!value) return '–';
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return new Intl.DateTimeFormat(tag[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(date);
}

export function formatDateTime(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tag[locale], {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Stockholm'
	}).format(value);
}

// Making an Intl.NumberFormat costs as much as formatting hundreds of numbers, and a ranked table
// formats thousands: keep one per locale and number of decimals.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 0): string {
	if (value === null || value === undefined) return '–';
	const key = `${locale}:${decimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(tag[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		numberFormats.set(key, format);
	}
	return format.format(value);
}
