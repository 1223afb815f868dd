import { describe, expect, it } from 'vitest';
import { checkCycleDates, type CycleDates } from './cycle-dates';

const year2026: CycleDates = {
	accountDeadline: '2026-05-18',
	minutesDeadline: '2026-06-30',
	assessmentDue: '2026-09-18',
	consensusDue: '2026-10-09',
	juryMeetingDate: '2026-10-28',
	ceremonyDate: '2026-11-24',
	feedbackDate: '2026-12-10'
};
const empty: CycleDates = {
	accountDeadline: null,
	minutesDeadline: null,
	assessmentDue: null,
	consensusDue: null,
	juryMeetingDate: null,
	ceremonyDate: null,
	feedbackDate: null
};

describe('checkCycleDates', () => {
	it('accepts the year in order, and no dates at all', () => {
		expect(checkCycleDates(year2026, 2026)).toEqual([]);
		expect(checkCycleDates(empty, 2026)).toEqual([]);
	});

	it('accepts two dates on the same day', () => {
		expect(checkCycleDates({ ...year2026, minutesDeadline: '2026-05-18' }, 2026)).toEqual([]);
	});

	it('names the later field and the date it may not precede', () => {
		expect(checkCycleDates({ ...year2026, ceremonyDate: '2026-10-27' }, 2026)).toEqual([
			{ field: 'ceremonyDate', kind: 'order', earlier: 'juryMeetingDate', earlierDate: '2026-10-28' }
		]);
	});

	it('compares across empty dates with the latest given one', () => {
		const dates = { ...empty, accountDeadline: '2026-05-18', juryMeetingDate: '2026-05-17' };
		expect(checkCycleDates(dates, 2026)).toEqual([
			{ field: 'juryMeetingDate', kind: 'order', earlier: 'accountDeadline', earlierDate: '2026-05-18' }
		]);
	});

	it('accepts feedback in the next year, refuses dates in other years', () => {
		expect(checkCycleDates({ ...year2026, feedbackDate: '2027-01-15' }, 2026)).toEqual([]);
		expect(checkCycleDates({ ...empty, accountDeadline: '2025-05-18' }, 2026)).toEqual([{ field: 'accountDeadline', kind: 'year' }]);
		expect(checkCycleDates({ ...empty, feedbackDate: '2028-01-01' }, 2026)).toEqual([{ field: 'feedbackDate', kind: 'year' }]);
	});

	it('refuses an impossible day', () => {
		expect(checkCycleDates({ ...empty, ceremonyDate: '2026-02-30' }, 2026)).toEqual([{ field: 'ceremonyDate', kind: 'invalid' }]);
	});
});
