import { describe, expect, it } from 'vitest';
import { entrySnapshot, unitYearSteps, registrationState, reminderWindow, unitNameKey, type EntrySnapshot } from './registration';
import { entrySnapshotOf } from './test-fixtures';

const cycle = { cycleYear: 2026, accountDeadline: '2026-05-20', minutesDeadline: '2026-06-30' };
const entry = entrySnapshotOf;
const missing = (e: EntrySnapshot | null, today = '2026-04-01') => unitYearSteps(e, cycle, today).missing.map((s) => s.step);

describe('registrationState', () => {
	it('names each step of a registration', () => {
		expect(registrationState(null)).toBe('none');
		expect(registrationState(entry())).toBe('registered');
		expect(registrationState(entry({ confirmed: true }))).toBe('confirmed');
		expect(registrationState(entry({ status: 'withdrawn', confirmed: true }))).toBe('withdrawn');
	});
});

describe('entrySnapshot', () => {
	it('an account submitted as a form arrives on the Stockholm day it was submitted', () => {
		const row = { status: 'registered' as const, confirmedAt: null, minutesReceivedDate: null, accountReceivedDate: null, accountSha256: null, accountStatus: null, accountUpdatedAt: null, accountExtendedTo: null };
		expect(entrySnapshot({ ...row, accountSubmittedAt: null }).accountReceivedDate).toBeNull();
		const snapshot = entrySnapshot({ ...row, accountSubmittedAt: new Date('2026-05-19T22:30:00Z') });
		expect(snapshot.accountReceivedDate).toBe('2026-05-20');
		expect(missing(snapshot, '2026-05-21')).not.toContain('account');
	});
});

describe('unitYearSteps', () => {
	it('a unit not registered misses everything, with the documents’ deadlines', () => {
		const progress = unitYearSteps(null, cycle, '2026-04-01');
		expect(progress.missing.map((s) => [s.step, s.due])).toEqual([
			['registered', null],
			['confirmed', null],
			['minutes', '2026-06-30'],
			['account', '2026-05-20']
		]);
	});

	it('moves through registered, confirmed, minutes received and account handed in', () => {
		expect(missing(entry())).toEqual(['confirmed', 'minutes', 'account']);
		expect(missing(entry({ confirmed: true }))).toEqual(['minutes', 'account']);
		expect(missing(entry({ confirmed: true, minutesReceivedDate: '2026-06-01' }))).toEqual(['account']);
		expect(missing(entry({ confirmed: true, minutesReceivedDate: '2026-06-01', hasAccount: true, accountReceivedDate: '2026-05-10' }))).toEqual([]);
	});

	it('counts an account handed in on paper (a day without a file) as handed in', () => {
		expect(missing(entry({ confirmed: true, accountReceivedDate: '2026-05-10' }))).toEqual(['minutes']);
	});

	it('tells a document still awaited from one overdue and one that came late', () => {
		const arrival = (e: EntrySnapshot, today: string) => unitYearSteps(e, cycle, today).steps.find((s) => s.step === 'minutes')!.arrival;
		expect(arrival(entry(), '2026-06-30')).toBe('awaited');
		expect(arrival(entry(), '2026-07-01')).toBe('overdue');
		expect(arrival(entry({ minutesReceivedDate: '2026-07-02' }), '2026-07-05')).toBe('late');
		expect(arrival(entry({ minutesReceivedDate: '2026-06-30' }), '2026-07-05')).toBe('onTime');
	});

	it('uses 30 June when the cycle has no minutes deadline, and no due day for an account without one', () => {
		const progress = unitYearSteps(entry(), { cycleYear: 2026, accountDeadline: null, minutesDeadline: null }, '2026-04-01');
		expect(progress.steps.map((s) => s.due)).toEqual([null, null, '2026-06-30', null]);
	});

	it('shows the account as a draft with its last save while it is written, and not once anything is handed in', () => {
		const row = { status: 'registered' as const, confirmedAt: null, minutesReceivedDate: null, accountReceivedDate: null, accountSha256: null, accountSubmittedAt: null, accountExtendedTo: null };
		const savedAt = new Date('2026-05-12T14:05:00Z');
		const account = (e: EntrySnapshot) => unitYearSteps(e, cycle, '2026-05-13').steps.find((s) => s.step === 'account')!;
		const draft = account(entrySnapshot({ ...row, accountStatus: 'draft', accountUpdatedAt: savedAt }));
		expect(draft).toMatchObject({ done: false, draftSavedAt: savedAt, arrival: 'awaited' });
		expect(account(entrySnapshot({ ...row, accountStatus: null, accountUpdatedAt: null })).draftSavedAt).toBeNull();
		const submitted = account(entrySnapshot({ ...row, accountStatus: 'submitted', accountUpdatedAt: savedAt, accountSubmittedAt: savedAt }));
		expect(submitted).toMatchObject({ done: true, draftSavedAt: null, arrival: 'onTime' });
		// Reopened by the admin but uploaded as a PDF meanwhile: the upload counts, not the draft.
		const uploaded = account(entrySnapshot({ ...row, accountStatus: 'draft', accountUpdatedAt: savedAt, accountReceivedDate: '2026-05-12', accountSha256: 'ab' }));
		expect(uploaded).toMatchObject({ done: true, draftSavedAt: null });
		// Past the deadline a draft is still overdue, with its last save shown beside it.
		expect(unitYearSteps(entry({ draftSavedAt: savedAt }), cycle, '2026-05-21').steps[3]).toMatchObject({ arrival: 'overdue', draftSavedAt: savedAt });
	});

	it('gives the account the entry’s own last day when the admin extended it', () => {
		const account = (today: string) => unitYearSteps(entry({ accountExtendedTo: '2026-06-10' }), cycle, today).steps.find((s) => s.step === 'account')!;
		expect(account('2026-06-01')).toMatchObject({ due: '2026-06-10', arrival: 'awaited' });
		expect(account('2026-06-11')).toMatchObject({ due: '2026-06-10', arrival: 'overdue' });
		expect(unitYearSteps(entry({ accountExtendedTo: '2026-05-01' }), cycle, '2026-04-01').steps[3].due).toBe('2026-05-20');
	});

	it('a withdrawn entry misses nothing', () => {
		expect(missing(entry({ status: 'withdrawn' }))).toEqual([]);
	});
});

describe('unitNameKey', () => {
	it('matches names that differ only in case, spacing or composition', () => {
		expect(unitNameKey('  Förskolan   HUMLAN ')).toBe(unitNameKey('Förskolan Humlan'));
		expect(unitNameKey('Fo\u0308rskolan Humlan')).toBe(unitNameKey('Förskolan Humlan'));
		expect(unitNameKey('Förskolan Humlan 2')).not.toBe(unitNameKey('Förskolan Humlan'));
	});
});

describe('reminderWindow', () => {
	it('opens seven days before the deadline and closes after the deadline day', () => {
		expect(reminderWindow('2026-06-30', '2026-06-22')).toEqual({ window: 'notYet', opens: '2026-06-23' });
		expect(reminderWindow('2026-06-30', '2026-06-23').window).toBe('open');
		expect(reminderWindow('2026-06-30', '2026-06-30').window).toBe('open');
		expect(reminderWindow('2026-06-30', '2026-07-01').window).toBe('passed');
	});

	it('counts across the turn of a month', () => {
		expect(reminderWindow('2026-05-03', '2026-04-26').window).toBe('open');
		expect(reminderWindow('2026-05-03', '2026-04-25').window).toBe('notYet');
	});
});
