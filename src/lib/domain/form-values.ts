/**
 * How the award office writes numbers and answers in forms: Swedish thousands separators
 * ('1 250 000', with ordinary or non-breaking spaces), a decimal comma ('48,5'), the typographic
 * minus ('−400 000'), year lists ('2019, 2023') and yes/no/unknown answers.
 */

export type TriState = 'yes' | 'no' | 'unknown';
export const TRI_STATES: readonly TriState[] = ['yes', 'no', 'unknown'];

/** Removes digit-group spaces and turns the typographic minus into '-'. */
function normalise(text: string): string {
	return text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
}

/** A whole number, or null when empty; NaN when it is not one ('12,5', '1e3', 'tolv'). */
export function parseSwedishInteger(text: string): number | null {
	const value = normalise(text);
	if (value === '') return null;
	if (!/^[-+]?\d+$/.test(value)) return Number.NaN;
	return Number(value);
}

/** A decimal number with comma or point, or null when empty; NaN when it is not one. */
export function parseSwedishDecimal(text: string): number | null {
	const value = normalise(text);
	if (value === '') return null;
	if (!/^[-+]?\d+([.,]\d+)?$/.test(value)) return Number.NaN;
	return Number(value.replace(',', '.'));
}

/**
 * Years written as a list ('2019, 2023' or '2019 2023'): sorted and without repeats, or the
 * first piece that is not a four-digit year.
 */
export function parseYearList(text: string): { years: number[] } | { invalid: string } {
	const pieces = text.split(/[\s,;]+/).filter(Boolean);
	const bad = pieces.find((p) => !/^\d{4}$/.test(p));
	if (bad !== undefined) return { invalid: bad };
	return { years: [...new Set(pieces.map(Number))].sort((a, b) => a - b) };
}

export function toTriState(value: boolean | null | undefined): TriState {
	return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

export function fromTriState(value: TriState): boolean | null {
	return value === 'yes' ? true : value === 'no' ? false : null;
}
