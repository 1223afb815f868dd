/**
 * The demo year's calendar, placed around the day the demo is started so that the phase it stands
 * in looks current: in `assessment` the assessments are due in two weeks, not months overdue; in
 * `feedback` the ceremony has just passed. The template is the city's usual calendar
 * (docs/the-year.md#1-calendar); the whole of it is moved by whole days so that the phase's
 * reference day falls on `today`, and the cycle's year is the year its accounts are due.
 */
import type { CycleDates } from './cycle-dates';

export type DemoCalendarPhase = 'registration' | 'assessment' | 'consensus' | 'jury' | 'feedback';

/** The template year, as the city ran it; every day below is in it or moved from it. */
const TEMPLATE = {
	accountDeadline: '2026-05-18',
	/** Accounts come in over the week before the deadline; the late one after it. */
	firstAccountReceived: '2026-05-10',
	lateAccountReceived: '2026-05-22',
	minutesMeeting: '2026-05-26',
	minutesReceived: '2026-06-12',
	minutesDeadline: '2026-06-30',
	teamsPublished: '2026-08-20',
	assessmentDue: '2026-09-18',
	firstSiteVisit: '2026-10-01',
	consensusDue: '2026-10-09',
	ballotsCast: '2026-10-26',
	juryMeetingDate: '2026-10-28',
	feedbackDrafted: '2026-11-10',
	ceremonyDate: '2026-11-24',
	feedbackDate: '2026-12-10'
} as const;

/**
 * The day of the template each phase is shown on: registration a week after the minutes deadline,
 * when the award office forms the teams from the entries that met it, assessment two weeks before the assessments are due, consensus the day before it is due
 * (the site visits done), jury the day before the meeting, feedback a few days after the feedback
 * date, the reports released to the units lately.
 */
export const DEMO_REFERENCE_DAY: Record<DemoCalendarPhase, string> = {
	registration: '2026-07-07',
	assessment: '2026-09-04',
	consensus: '2026-10-08',
	jury: '2026-10-27',
	feedback: '2026-12-14'
};

export type DemoDay = keyof typeof TEMPLATE;

export interface DemoCalendar {
	/** The cycle's year: the year its written accounts are due. */
	year: number;
	/** The cycle's own dates, as the admin would have entered them. */
	cycleDates: CycleDates;
	/** Every day of the template, moved. */
	day: Record<DemoDay, string>;
	/** A template day `offset` days on, moved: the spread of receipts and visits. */
	dayAfter(name: DemoDay, offset: number): string;
	/** An instant on a moved day, at a UTC hour: for timestamps such as `submittedAt`. */
	at(name: DemoDay, offsetDays?: number, hourUtc?: number): Date;
}

const DAY_MS = 86_400_000;

/**
 * The demo's calendar for a phase, shown on `today` ('YYYY-MM-DD', Stockholm). `standsOn`, a day of
 * the template year, is the day the demo stands on instead of the phase's reference day: a journey
 * that hands in minutes needs a registration demo before the minutes deadline.
 */
export function demoCalendar(phase: DemoCalendarPhase, today: string, standsOn = DEMO_REFERENCE_DAY[phase]): DemoCalendar {
	const shiftDays = Math.round((utcMidnight(today) - utcMidnight(standsOn)) / DAY_MS);
	const move = (iso: string, offset = 0) => isoOf(utcMidnight(iso) + (shiftDays + offset) * DAY_MS);
	const day = Object.fromEntries(Object.entries(TEMPLATE).map(([name, iso]) => [name, move(iso)])) as Record<DemoDay, string>;
	return {
		year: Number(day.accountDeadline.slice(0, 4)),
		cycleDates: {
			accountDeadline: day.accountDeadline,
			minutesDeadline: day.minutesDeadline,
			assessmentDue: day.assessmentDue,
			consensusDue: day.consensusDue,
			juryMeetingDate: day.juryMeetingDate,
			ceremonyDate: day.ceremonyDate,
			feedbackDate: day.feedbackDate
		},
		day,
		dayAfter: (name, offset) => move(TEMPLATE[name], offset),
		at: (name, offsetDays = 0, hourUtc = 9) => new Date(utcMidnight(move(TEMPLATE[name], offsetDays)) + hourUtc * 3_600_000)
	};
}

/**
 * A day of the template year from a month and day ('06-16'), for the demo's `--stands-on`; null
 * for anything that is not a day of that year.
 */
export function templateDay(monthDay: string): string | null {
	if (!/^\d{2}-\d{2}$/.test(monthDay)) return null;
	const iso = `${TEMPLATE.accountDeadline.slice(0, 4)}-${monthDay}`;
	return isoOf(utcMidnight(iso)) === iso ? iso : null;
}

function utcMidnight(iso: string): number {
	return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function isoOf(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
