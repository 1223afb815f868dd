/**
 * A cycle's dates follow the award year (docs/the-year.md#1-calendar): each given date is on or
 * after every given date before it in this order. Dates left empty are skipped, so a half-planned
 * year is fine.
 */
import { compareIsoDays, isIsoDay } from './dates';

export const CYCLE_DATE_FIELDS = [
	'accountDeadline',
	'minutesDeadline',
	'assessmentDue',
	'consensusDue',
	'juryMeetingDate',
	'ceremonyDate',
	'feedbackDate'
] as const;
export type CycleDateField = (typeof CYCLE_DATE_FIELDS)[number];
export type CycleDates = Record<CycleDateField, string | null>;

export type DateProblem =
	| { field: CycleDateField; kind: 'invalid' }
	| { field: CycleDateField; kind: 'year' }
	| { field: CycleDateField; kind: 'order'; earlier: CycleDateField; earlierDate: string };

/**
 * At most one problem per field. A date must fall in the cycle's year or the next (feedback visits
 * may run into January), and must not come before the latest given date listed above it.
 */
export function checkCycleDates(dates: CycleDates, year: number): DateProblem[] {
	const problems: DateProblem[] = [];
	let latest: { field: CycleDateField; date: string } | null = null;
	for (const field of CYCLE_DATE_FIELDS) {
		const date = dates[field];
		if (date === null) continue;
		if (!isIsoDay(date)) {
			problems.push({ field, kind: 'invalid' });
			continue;
		}
		const dateYear = Number(date.slice(0, 4));
		if (dateYear !== year && dateYear !== year + 1) {
			problems.push({ field, kind: 'year' });
			continue;
		}
		if (latest && compareIsoDays(date, latest.date) < 0) {
			problems.push({ field, kind: 'order', earlier: latest.field, earlierDate: latest.date });
			continue;
		}
		latest = { field, date };
	}
	return problems;
}
