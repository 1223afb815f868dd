/**
 * Calendar days as ISO text ('YYYY-MM-DD'). Deadlines in the award are whole days in Stockholm:
 * a document that arrives at any time on the deadline day is on time, so rules compare days,
 * never timestamps.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const MONTHS_SV = [
	'januari',
	'februari',
	'mars',
	'april',
	'maj',
	'juni',
	'juli',
	'augusti',
	'september',
	'oktober',
	'november',
	'december'
];

/** True for a real calendar day written exactly as 'YYYY-MM-DD' (rejects 2023-02-29, 2024-13-01). */
export function isIsoDay(value: unknown): value is string {
	// Digits by position rather than a regex match and a Date: the ranking asks this of every entry.
	if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
	const year = Number(value.slice(0, 4));
	const month = Number(value.slice(5, 7));
	const day = Number(value.slice(8, 10));
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Negative when a is before b, 0 on the same day, positive after. Both must be valid ISO days. */
export function compareIsoDays(a: string, b: string): number {
	// Zero-padded ISO days sort lexically in calendar order.
	return a < b ? -1 : a > b ? 1 : 0;
}

/** '2024-06-30' → '30 juni 2024', for sentences shown to Swedish users. */
export function formatDaySv(isoDay: string): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	return `${day} ${MONTHS_SV[month - 1]} ${year}`;
}

/**
 * The calendar day in Stockholm at an instant, as 'YYYY-MM-DD'. Use it to turn a receipt
 * timestamp into the day the deadline rules compare: 23:30 on 30 June in Stockholm is
 * 21:30 UTC, still 30 June, still on time.
 */
export function stockholmDay(instant: Date): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Stockholm',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(instant);
	// formatToParts, not a locale's pattern: ICU versions differ in how they punctuate dates.
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}
