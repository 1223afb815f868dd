/**
 * What each person's home page names as their next step, from the facts of their role. Each
 * function answers with a key; the page turns it into words from the message catalogue.
 */
import { isOpenForFeedbackDrafting, isOpenForScoring, phaseAtLeast, type Phase } from './phases';
import type { AssessmentState } from './scoring';
import type { ReportStatus } from './feedback';
import type { Step, UnitYearSteps } from './registration';

/** The stages an entry passes through on its team's desk, in order. */
export const TEAM_STAGES = ['own', 'team', 'consensus', 'siteVisit', 'report'] as const;
export type TeamStage = (typeof TEAM_STAGES)[number];

/** What one examiner's home knows about an entry of their team. */
export interface EntryWork {
	isLead: boolean;
	/** The examiner's own assessment. */
	own: AssessmentState;
	/**
	 * How many of the team have submitted theirs, of how many; null until the examiner's own is
	 * submitted, since until then they learn nothing of their teammates' work (docs/assessing.md#2-independence).
	 */
	teamSubmitted: number | null;
	teamSize: number;
	consensus: 'none' | 'draft' | 'done';
	/** Whether the site visit has a date. */
	siteVisit: boolean;
	report: 'none' | ReportStatus;
}

/**
 * What the examiner does next on the entry, or waits for. The lead's own steps (`consensus`,
 * `siteVisit`, `report`) are a member's `wait…`; `closed` means the phase has passed work that was
 * never finished.
 */
export type EntryNext =
	| 'assess'
	| 'waitTeam'
	| 'consensus'
	| 'waitConsensus'
	| 'siteVisit'
	| 'waitSiteVisit'
	| 'report'
	| 'waitReport'
	| 'reportLater'
	| 'waitRelease'
	| 'closed'
	| 'done';

export interface EntryProgress {
	/** Each stage, done or not, in order. */
	stages: { stage: TeamStage; done: boolean }[];
	next: EntryNext;
}

/**
 * Where the team stands on an entry and what is next, the same for the examiner's list and the
 * lead's: the first unfinished stage decides, and who acts on it (the examiner, the team or the lead).
 */
export function entryProgress(phase: Phase | null, w: EntryWork): EntryProgress {
	const done: Record<TeamStage, boolean> = {
		own: w.own === 'submitted',
		team: w.teamSubmitted !== null && w.teamSize > 0 && w.teamSubmitted >= w.teamSize,
		consensus: w.consensus === 'done',
		siteVisit: w.siteVisit,
		report: w.report === 'released'
	};
	const stages = TEAM_STAGES.map((stage) => ({ stage, done: done[stage] }));
	const scoring = phase !== null && isOpenForScoring(phase);
	const byLead = (lead: EntryNext, member: EntryNext) => (w.isLead ? lead : member);
	const next = ((): EntryNext => {
		if (!done.own) return scoring ? 'assess' : 'closed';
		if (!done.consensus) {
			if (!scoring) return 'closed';
			return done.team ? byLead('consensus', 'waitConsensus') : 'waitTeam';
		}
		if (!done.siteVisit && scoring) return byLead('siteVisit', 'waitSiteVisit');
		if (w.report === 'released') return 'done';
		if (w.report === 'approved') return 'waitRelease';
		if (phase !== null && isOpenForFeedbackDrafting(phase)) return byLead('report', 'waitReport');
		return phase === 'archived' ? 'closed' : byLead('reportLater', 'waitReport');
	})();
	return { stages, next };
}

/** What the examiner should turn to first: their own work before the lead's, both before waiting. */
const URGENCY: EntryNext[] = [
	'assess',
	'consensus',
	'siteVisit',
	'report',
	'waitTeam',
	'waitConsensus',
	'waitSiteVisit',
	'reportLater',
	'waitReport',
	'waitRelease',
	'closed',
	'done'
];

export type ExaminerStep = { step: 'waiting' } | { step: EntryNext; count: number };

/**
 * The examiner home's one next step over all their entries: the most urgent of the entries' next
 * steps and on how many entries it is. Nothing to do before a published team gives them entries.
 */
export function examinerNextStep(entries: readonly EntryProgress[]): ExaminerStep {
	if (entries.length === 0) return { step: 'waiting' };
	const step = URGENCY.find((s) => entries.some((e) => e.next === s)) ?? 'done';
	return { step, count: entries.filter((e) => e.next === step).length };
}

export type JuryStep = 'before' | 'jury' | 'after';

/** The jury works in the jury phase until the decisions are closed; without a cycle it waits. */
export function juryNextStep(phase: Phase | null, decisionsClosed: boolean): JuryStep {
	if (phase === null || !phaseAtLeast(phase, 'jury')) return 'before';
	return phase === 'jury' && !decisionsClosed ? 'jury' : 'after';
}

export type UnitStep =
	| { step: 'register' | 'confirmation' | 'handedIn' | 'withdrawn' | 'waiting' | 'released' }
	| { step: 'account' | 'minutes'; due: string | null }
	| { step: 'accountOverdue'; due: string };

/**
 * What a unit's contact does next. While the cycle takes registrations this year's steps come
 * first, the unit's own before what others do for it: register, write and hand in the account,
 * then the coordinator's confirmation and the board's minutes. After that the unit waits, and
 * reads its feedback once a report of its has been released.
 */
export function unitNextStep(year: UnitYearSteps | null, phase: Phase | null, releasedReports: number): UnitStep {
	if (year && phase === 'registration') {
		if (year.state === 'none') return { step: 'register' };
		if (year.state === 'withdrawn') return { step: 'withdrawn' };
		const missing = (step: Step) => year.missing.find((s) => s.step === step);
		const account = missing('account');
		if (account) return account.arrival === 'overdue' && account.due ? { step: 'accountOverdue', due: account.due } : { step: 'account', due: account.due };
		if (missing('confirmed')) return { step: 'confirmation' };
		const minutes = missing('minutes');
		if (minutes) return { step: 'minutes', due: minutes.due };
		return { step: 'handedIn' };
	}
	return { step: releasedReports > 0 ? 'released' : 'waiting' };
}
