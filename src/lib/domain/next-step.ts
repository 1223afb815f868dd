/**
 * What each person's home page names as their next step, from the facts of their role. Each
 * function answers with a key; the page turns it into words from the message catalogue.
 */
import { isOpenForScoring, phaseAtLeast, type Phase } from './phases';
import type { AssessmentState } from './scoring';

export type ExaminerStep = 'waiting' | 'assess' | 'consensus' | 'done';

/** How many of the examiner's assessments are not yet submitted. */
export function unsubmittedCount(assessments: readonly AssessmentState[]): number {
	return assessments.filter((a) => a !== 'submitted').length;
}

/**
 * Nothing to do before a published team gives the examiner entries; then every entry is assessed;
 * with all submitted, the team's consensus remains while scoring is open. Without a cycle it waits.
 */
export function examinerNextStep(phase: Phase | null, assessments: readonly AssessmentState[]): ExaminerStep {
	if (assessments.length === 0) return 'waiting';
	if (unsubmittedCount(assessments) > 0) return 'assess';
	return phase !== null && isOpenForScoring(phase) ? 'consensus' : 'done';
}

export type JuryStep = 'before' | 'jury' | 'after';

/** The jury works in the jury phase until the decisions are closed; without a cycle it waits. */
export function juryNextStep(phase: Phase | null, decisionsClosed: boolean): JuryStep {
	if (phase === null || !phaseAtLeast(phase, 'jury')) return 'before';
	return phase === 'jury' && !decisionsClosed ? 'jury' : 'after';
}

export type UnitStep = 'waiting' | 'released';

/** A unit reads its feedback once a report of its has been released; until then it waits. */
export function unitNextStep(releasedReports: number): UnitStep {
	return releasedReports > 0 ? 'released' : 'waiting';
}
