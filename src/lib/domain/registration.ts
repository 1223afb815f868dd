/**
 * Where a unit's entry stands on the unit's side of the year (docs/unit-side.md): registered,
 * confirmed by the coordinator, board minutes received, written account handed in, and what is
 * still missing before which deadline. One function, so that the account form's states can join
 * the account step here and every page that shows the state follows.
 */
import { compareIsoDays } from './dates';
import { arrivalOf, minutesDeadlineOf, type Arrival } from './eligibility';
import { accountArrivalDay, accountDeadline } from './account';

export type RegistrationState = 'none' | 'registered' | 'confirmed' | 'withdrawn';
export type Step = 'registered' | 'confirmed' | 'minutes' | 'account';

export interface EntrySnapshot {
	status: 'registered' | 'withdrawn';
	confirmed: boolean;
	minutesReceivedDate: string | null;
	accountReceivedDate: string | null;
	/** An account document is stored for the entry. */
	hasAccount: boolean;
	/** The account written as a form is a draft, last saved at this time; null when it is not. */
	draftSavedAt: Date | null;
	/** The admin's extension of this entry's account deadline, if any. */
	accountExtendedTo: string | null;
}

export interface CycleDeadlines {
	cycleYear: number;
	accountDeadline: string | null;
	minutesDeadline: string | null;
}

export interface StepState {
	step: Step;
	done: boolean;
	/** The deadline day the step must be done by, when it has one. */
	due: string | null;
	/** For documents: how their arrival stands against the deadline. */
	arrival: Arrival | null;
	/** For the account not yet handed in: the draft's last save, when one is being written. */
	draftSavedAt: Date | null;
}

export interface UnitYearSteps {
	state: RegistrationState;
	steps: StepState[];
	/** Steps not done yet, in the order the year asks for them. */
	missing: StepState[];
}

/** An entry's stored columns as the snapshot the steps are read from. */
export function entrySnapshot(row: {
	status: EntrySnapshot['status'];
	confirmedAt: Date | null;
	minutesReceivedDate: string | null;
	accountReceivedDate: string | null;
	accountSha256: string | null;
	/** When the account written as a form was submitted, if it was. */
	accountSubmittedAt: Date | null;
	/** The account written as a form: its status and last save, when one is begun. */
	accountStatus: 'draft' | 'submitted' | null;
	accountUpdatedAt: Date | null;
	accountExtendedTo: string | null;
}): EntrySnapshot {
	return {
		status: row.status,
		confirmed: row.confirmedAt !== null,
		minutesReceivedDate: row.minutesReceivedDate,
		accountReceivedDate: accountArrivalDay(row.accountSubmittedAt, row.accountReceivedDate),
		hasAccount: row.accountSha256 !== null,
		draftSavedAt: row.accountStatus === 'draft' ? row.accountUpdatedAt : null,
		accountExtendedTo: row.accountExtendedTo
	};
}

export function registrationState(entry: Pick<EntrySnapshot, 'status' | 'confirmed'> | null): RegistrationState {
	if (!entry) return 'none';
	if (entry.status === 'withdrawn') return 'withdrawn';
	return entry.confirmed ? 'confirmed' : 'registered';
}

export function unitYearSteps(entry: EntrySnapshot | null, cycle: CycleDeadlines, today: string): UnitYearSteps {
	const state = registrationState(entry);
	const minutesDue = minutesDeadlineOf(cycle);
	// An uploaded account always has its day; a day without a file is one handed in another way.
	const accountReceived = entry?.accountReceivedDate ?? (entry?.hasAccount ? today : null);
	const document = (step: Step, due: string | null, received: string | null, draftSavedAt: Date | null = null): StepState => {
		const arrival = due === null ? null : arrivalOf(due, received, today);
		// A draft is shown only while nothing is handed in: an account uploaded by the office wins.
		return { step, done: received !== null, due, arrival, draftSavedAt: received === null ? draftSavedAt : null };
	};
	const steps: StepState[] = [
		{ step: 'registered', done: state === 'registered' || state === 'confirmed', due: null, arrival: null, draftSavedAt: null },
		{ step: 'confirmed', done: state === 'confirmed', due: null, arrival: null, draftSavedAt: null },
		document('minutes', minutesDue, entry?.minutesReceivedDate ?? null),
		document('account', accountDeadline(cycle.accountDeadline, entry?.accountExtendedTo ?? null), accountReceived, entry?.draftSavedAt ?? null)
	];
	return { state, steps, missing: state === 'withdrawn' ? [] : steps.filter((s) => !s.done) };
}

/**
 * A unit's name as the register matches it within an organisation: case, spacing and Unicode
 * composition do not make another unit ("Förskolan  humlan" is "Förskolan Humlan").
 */
export function unitNameKey(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
}

/** Reminders go out in the week before a deadline, never earlier and not once it has passed. */
export const REMINDER_DAYS_BEFORE = 7;
export type ReminderWindow = 'notYet' | 'open' | 'passed';

export function reminderWindow(deadline: string, today: string): { window: ReminderWindow; opens: string } {
	const opens = addDays(deadline, -REMINDER_DAYS_BEFORE);
	if (compareIsoDays(today, deadline) > 0) return { window: 'passed', opens };
	return { window: compareIsoDays(today, opens) < 0 ? 'notYet' : 'open', opens };
}

function addDays(isoDay: string, days: number): string {
	const date = new Date(`${isoDay}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}
