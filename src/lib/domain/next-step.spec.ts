import { describe, expect, it } from 'vitest';
import { entryProgress, examinerNextStep, juryNextStep, unitNextStep, type EntryNext, type EntryWork, type JuryStep } from './next-step';
import type { Phase } from './phases';
import { unitYearSteps, type EntrySnapshot } from './registration';
import { entrySnapshotOf } from './test-fixtures';

const work = (over: Partial<EntryWork> = {}): EntryWork => ({
	isLead: false,
	own: 'submitted',
	teamSubmitted: 3,
	teamSize: 3,
	consensus: 'done',
	siteVisit: true,
	report: 'none',
	...over
});

describe('entryProgress', () => {
	const cases: [string, Phase | null, Partial<EntryWork>, EntryNext][] = [
		['an own draft while scoring is open', 'assessment', { own: 'draft', teamSubmitted: 1, consensus: 'none', siteVisit: false }, 'assess'],
		['an own assessment never started, scoring closed', 'jury', { own: 'none', consensus: 'none' }, 'closed'],
		['the team still submitting', 'assessment', { teamSubmitted: 2, consensus: 'none', siteVisit: false }, 'waitTeam'],
		['the team submitted, for the lead', 'assessment', { isLead: true, consensus: 'none', siteVisit: false }, 'consensus'],
		['the team submitted, for a member', 'assessment', { consensus: 'draft', siteVisit: false }, 'waitConsensus'],
		['a consensus draft after scoring closed', 'jury', { isLead: true, consensus: 'draft' }, 'closed'],
		['consensus done, no visit yet, for the lead', 'consensus', { isLead: true, siteVisit: false }, 'siteVisit'],
		['consensus done, no visit yet, for a member', 'consensus', { siteVisit: false }, 'waitSiteVisit'],
		['consensus and visit done before the report may start', 'assessment', { isLead: true }, 'reportLater'],
		['consensus and visit done before the report may start, for a member', 'assessment', {}, 'waitReport'],
		['the report to write', 'consensus', { isLead: true, report: 'none' }, 'report'],
		['a report draft in the jury phase', 'jury', { isLead: true, report: 'draft' }, 'report'],
		['a visit never recorded does not block the report once scoring closed', 'feedback', { isLead: true, siteVisit: false }, 'report'],
		['an approved report', 'feedback', { isLead: true, report: 'approved' }, 'waitRelease'],
		['a released report', 'feedback', { report: 'released' }, 'done'],
		['no report by the archive', 'archived', { isLead: true }, 'closed']
	];
	it.each(cases)('%s → %s', (_, phase, over, next) => {
		expect(entryProgress(phase, work(over)).next).toBe(next);
	});

	it('never says the consensus is still ahead once it is done', () => {
		for (const phase of ['assessment', 'consensus'] as const) {
			const { next } = entryProgress(phase, work({ isLead: true, siteVisit: false }));
			expect(next).not.toBe('consensus');
			expect(next).not.toBe('assess');
		}
	});

	it('tells nothing of the team before the examiner\'s own is submitted', () => {
		const { stages, next } = entryProgress('assessment', work({ own: 'draft', teamSubmitted: null, consensus: 'none', siteVisit: false }));
		expect(stages[1]).toEqual({ stage: 'team', done: false });
		expect(next).toBe('assess');
	});

	it('marks each stage done in order', () => {
		const { stages } = entryProgress('consensus', work({ teamSubmitted: 2, consensus: 'draft', siteVisit: false }));
		expect(stages).toEqual([
			{ stage: 'own', done: true },
			{ stage: 'team', done: false },
			{ stage: 'consensus', done: false },
			{ stage: 'siteVisit', done: false },
			{ stage: 'report', done: false }
		]);
	});
});

describe('examinerNextStep', () => {
	const progress = (phase: Phase, over: Partial<EntryWork>) => entryProgress(phase, work(over));

	it('waits for a team without entries', () => {
		expect(examinerNextStep([])).toEqual({ step: 'waiting' });
	});

	it('puts the examiner\'s own assessments first, and counts them', () => {
		const entries = [
			progress('assessment', { own: 'draft', consensus: 'none' }),
			progress('assessment', { isLead: true, consensus: 'none', siteVisit: false }),
			progress('assessment', { own: 'none', consensus: 'none' })
		];
		expect(examinerNextStep(entries)).toEqual({ step: 'assess', count: 2 });
	});

	it('turns to the lead\'s work before waiting on others', () => {
		const entries = [progress('consensus', { teamSubmitted: 1, consensus: 'none' }), progress('consensus', { isLead: true, siteVisit: false })];
		expect(examinerNextStep(entries)).toEqual({ step: 'siteVisit', count: 1 });
	});

	it('is done when every report is released', () => {
		expect(examinerNextStep([progress('feedback', { report: 'released' })])).toEqual({ step: 'done', count: 1 });
	});
});

describe('juryNextStep', () => {
	const cases: [Phase | null, boolean, JuryStep][] = [
		[null, false, 'before'],
		['registration', false, 'before'],
		['consensus', false, 'before'],
		['jury', false, 'jury'],
		['jury', true, 'after'],
		['decided', false, 'after'],
		['feedback', true, 'after'],
		['archived', true, 'after']
	];
	it.each(cases)('in %s, decisions closed %s → %s', (phase, closed, step) => {
		expect(juryNextStep(phase, closed)).toBe(step);
	});
});

describe('unitNextStep', () => {
	const deadlines = { cycleYear: 2026, accountDeadline: '2026-05-20', minutesDeadline: null };
	const entry = entrySnapshotOf;

	const year = (e: EntrySnapshot | null, today = '2026-05-01') => unitYearSteps(e, deadlines, today);

	it.each([
		[0, 'waiting'],
		[1, 'released'],
		[3, 'released']
	] as const)('outside registration: %i released reports → %s', (released, step) => {
		expect(unitNextStep(year(entry({ confirmed: true, hasAccount: true })), 'feedback', released)).toEqual({ step });
		expect(unitNextStep(null, null, released)).toEqual({ step });
	});

	it('names the unit’s own work first while the cycle takes registrations, then what others do for it', () => {
		expect(unitNextStep(year(null), 'registration', 1)).toEqual({ step: 'register' });
		expect(unitNextStep(year(entry()), 'registration', 0)).toEqual({ step: 'account', due: '2026-05-20' });
		expect(unitNextStep(year(entry({ draftSavedAt: new Date('2026-04-30T10:00:00Z') })), 'registration', 0)).toEqual({ step: 'account', due: '2026-05-20' });
		expect(unitNextStep(year(entry({ hasAccount: true, accountReceivedDate: '2026-05-02' })), 'registration', 0)).toEqual({ step: 'confirmation' });
		expect(unitNextStep(year(entry({ confirmed: true, hasAccount: true, accountReceivedDate: '2026-05-02' })), 'registration', 0)).toEqual({ step: 'minutes', due: '2026-06-30' });
		expect(unitNextStep(year(entry({ confirmed: true, hasAccount: true, accountReceivedDate: '2026-05-02', minutesReceivedDate: '2026-06-10' })), 'registration', 0)).toEqual({ step: 'handedIn' });
	});

	it('says when the account’s last day has passed, and follows an extension', () => {
		expect(unitNextStep(year(entry(), '2026-05-21'), 'registration', 0)).toEqual({ step: 'accountOverdue', due: '2026-05-20' });
		expect(unitNextStep(year(entry({ accountExtendedTo: '2026-05-27' }), '2026-05-21'), 'registration', 0)).toEqual({ step: 'account', due: '2026-05-27' });
	});

	it('names nothing to do for a withdrawn registration', () => {
		expect(unitNextStep(year(entry({ status: 'withdrawn' })), 'registration', 0)).toEqual({ step: 'withdrawn' });
	});
});
