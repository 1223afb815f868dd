import type { Locale } from './index';

/** A name written in both languages. */
export interface Bilingual {
	sv: string;
	en: string;
}

/** The name in the interface language: English when the locale is English, Swedish otherwise. */
export function localName(locale: Locale, name: Bilingual): string {
	return locale === 'en' ? name.en : name.sv;
}

/**
 * A row's field stored as a Swedish and an English column, in the interface language:
 * `localised(locale, awardClass, 'name')` is `nameEn` in English and `nameSv` in Swedish.
 */
export function localised<F extends string>(
	locale: Locale,
	row: { readonly [K in `${NoInfer<F>}Sv` | `${NoInfer<F>}En`]: string },
	field: F
): string {
	return localName(locale, { sv: row[`${field}Sv`], en: row[`${field}En`] });
}
