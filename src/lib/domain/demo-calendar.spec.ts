import { describe, expect, it } from 'vitest';
import { checkCycleDates } from './cycle-dates';
import { compareIsoDays } from './dates';
import { DEMO_REFERENCE_DAY, demoCalendar, templateDay, type DemoCalendarPhase } from './demo-calendar';
import { releaseBlockers } from './feedback';
import { isLate } from './scoring';

const PHASES = Object.keys(DEMO_REFERENCE_DAY) as DemoCalendarPhase[];
const before = (a: string, b: string) => compareIsoDays(a, b) < 0;

describe('demoCalendar', () => {
	it('is the template itself on each phase’s reference day', () => {
		for (const phase of PHASES) {
			const calendar = demoCalendar(phase, DEMO_REFERENCE_DAY[phase]);
			expect(calendar.year).toBe(2026);
			expect(calendar.cycleDates.accountDeadline).toBe('2026-05-18');
			expect(calendar.cycleDates.feedbackDate).toBe('2026-12-10');
		}
	});

	it.each(['2026-12-07', '2027-01-01', '2031-02-28', '2040-07-15'])('gives valid cycle dates for every phase on %s', (today) => {
		for (const phase of PHASES) {
			const { cycleDates, year } = demoCalendar(phase, today);
			expect(checkCycleDates(cycleDates, year), phase).toEqual([]);
		}
	});

	it('places registration after the minutes deadline and before the teams are published', () => {
		const { day } = demoCalendar('registration', '2026-12-07');
		expect(before(day.minutesDeadline, '2026-12-07')).toBe(true);
		expect(before('2026-12-07', day.teamsPublished)).toBe(true);
	});

	it('keeps assessment current: teams published, assessments not yet due', () => {
		const { day, cycleDates } = demoCalendar('assessment', '2026-12-07');
		expect(before(day.teamsPublished, '2026-12-07')).toBe(true);
		expect(isLate('2026-12-07', cycleDates.assessmentDue, false)).toBe(false);
		expect(cycleDates.assessmentDue).toBe('2026-12-21');
	});

	it('has the consensus due after the site visits and the jury meeting still ahead in the jury phase', () => {
		const consensus = demoCalendar('consensus', '2026-12-07');
		expect(before(consensus.dayAfter('firstSiteVisit', 6), '2026-12-07')).toBe(true);
		expect(isLate('2026-12-07', consensus.cycleDates.consensusDue, false)).toBe(false);
		const jury = demoCalendar('jury', '2026-12-07');
		expect(before(jury.day.ballotsCast, '2026-12-07') && before('2026-12-07', jury.cycleDates.juryMeetingDate!)).toBe(true);
	});

	it('lets the feedback phase release its reports: the ceremony and the feedback date just past', () => {
		const { cycleDates } = demoCalendar('feedback', '2026-12-07');
		expect(releaseBlockers({ decisionsClosed: true, ceremonyDate: cycleDates.ceremonyDate }, '2026-12-07')).toEqual([]);
		expect(cycleDates.feedbackDate).toBe('2026-12-03');
	});

	it('names the year by the accounts’ deadline, so a registration started in January is next year’s', () => {
		expect(demoCalendar('registration', '2027-01-20').year).toBe(2026);
		expect(demoCalendar('registration', '2027-06-20').year).toBe(2027);
		expect(demoCalendar('feedback', '2027-01-20').year).toBe(2026);
	});

	it('stands on another day of the template when asked: today falls on that day', () => {
		const calendar = demoCalendar('registration', '2027-03-01', '2026-06-16');
		expect(calendar.day.minutesDeadline).toBe('2027-03-15');
		expect(calendar.day.accountDeadline).toBe('2027-01-31');
		expect(demoCalendar('registration', '2026-06-16', '2026-06-16').day).toEqual(demoCalendar('registration', '2026-07-07').day);
	});

	it('reads a day of the template year from month and day, and refuses anything else', () => {
		expect(templateDay('06-16')).toBe('2026-06-16');
		expect(templateDay('02-29')).toBeNull();
		expect(templateDay('13-01')).toBeNull();
		expect(templateDay('6-16')).toBeNull();
		expect(templateDay('2026-06-16')).toBeNull();
	});

	it('gives instants on moved days', () => {
		expect(demoCalendar('jury', '2026-10-28').at('juryMeetingDate', 0, 15).toISOString()).toBe('2026-10-29T15:00:00.000Z');
	});
});
