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

// Making an Intl.DateTimeFormat costs far more than formatting with one, and a page of revisions
// or a list formats one date per row: keep one per locale and kind, as the number formats below.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, kind: 'day' | 'time'): Intl.DateTimeFormat {
	const key = `${locale}:${kind}`;
	let format = dateFormats.get(key);
	if (!format) {
		const options: Intl.DateTimeFormatOptions =
			kind === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
		format = new Intl.DateTimeFormat(tag[locale], { ...options, timeZone: 'Europe/Stockholm' });
		dateFormats.set(key, format);
	}
	return format;
}

/** Dates as the locale writes them; a bare ISO day stays that day in every time zone. */
export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
	if (!value) return '–';
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return dateFormat(locale, 'day').format(date);
}

/**
 * A time of day in Stockholm, the one way the tool writes one: "19.10" in Swedish, as Swedish
 * writing recommends (sv-SE's own format is "19:10"), and "19:10" in English.
 */
export function formatTime(value: Date | number, locale: Locale): string {
	const time = dateFormat(locale, 'time').format(value);
	return locale === 'sv' ? time.replace(':', '.') : time;
}

/** A moment: its day as `formatDate` writes it and its time as `formatTime` does. */
export function formatDateTime(value: Date, locale: Locale): string {
	return locale === 'sv' ? `${formatDate(value, locale)} kl. ${formatTime(value, locale)}` : `${formatDate(value, locale)}, ${formatTime(value, locale)}`;
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
