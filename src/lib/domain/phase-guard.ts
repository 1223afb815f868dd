/**
 * The guard on a cycle's phase changes (docs/the-year.md#3-changing-phase): forward only, one step
 * at a time, and each step only when its preconditions hold. A refused step names what is missing
 * as message keys with their parameters, so the interface can say it in the reader's language. The
 * admin may override missing preconditions with a written reason; the order of the phases is never
 * overridden.
 */
import { compareIsoDays, isIsoDay } from './dates';
import { nextPhase, phaseIndex, type Phase } from './phases';

/** What the server knows about a cycle, gathered in one read. Lists hold display names. */
export interface PhaseFacts {
	phase: Phase;
	/** Today in Stockholm, 'YYYY-MM-DD'. */
	today: string;
	classCount: number;
	criteria: { key: string; weight: number }[];
	/** Entries admitted to assessment (no E1–E7 failure, or an override). */
	admittedEntries: number;
	/** Admitted entries that are not on a published team. */
	entriesWithoutTeam: string[];
	/** Admitted entries whose team members have not all submitted, with who is missing. */
	assessmentsNotSubmitted: { entry: string; examiners: string[] }[];
	/** Admitted entries whose consensus is not done. */
	entriesWithoutConsensus: string[];
	decisionsClosed: boolean;
	ceremonyDate: string | null;
	/** Admitted entries whose feedback report is not released. */
	reportsNotReleased: string[];
}

export type Missing =
	| { key: 'noClasses' }
	| { key: 'noCriteria' }
	| { key: 'badWeights'; criteria: string[] }
	| { key: 'noAdmittedEntries' }
	| { key: 'entriesWithoutTeam'; entries: string[] }
	| { key: 'assessmentsNotSubmitted'; entry: string; examiners: string[] }
	| { key: 'consensusNotDone'; entries: string[] }
	| { key: 'decisionsOpen' }
	| { key: 'noCeremonyDate' }
	| { key: 'ceremonyNotPassed'; date: string }
	| { key: 'reportsNotReleased'; entries: string[] };

/** Why a change is out of order: these refusals cannot be overridden. */
export type OrderRefusal = 'same' | 'backwards' | 'skip' | 'last';

export interface PhaseCheck {
	from: Phase;
	to: Phase;
	/** Null when `to` is the next phase. */
	orderRefusal: OrderRefusal | null;
	missing: Missing[];
	/** The change may be made as it stands. */
	allowed: boolean;
	/** The change is refused only for missing preconditions, which a reason can override. */
	overridable: boolean;
}

export function checkPhaseChange(facts: PhaseFacts, to: Phase): PhaseCheck {
	const from = facts.phase;
	const orderRefusal = orderOf(from, to);
	const missing = orderRefusal ? [] : preconditions(facts, to);
	return {
		from,
		to,
		orderRefusal,
		missing,
		allowed: orderRefusal === null && missing.length === 0,
		overridable: orderRefusal === null && missing.length > 0
	};
}

export type PhaseDecision =
	| { change: true; overridden: boolean }
	| { change: false; why: 'order' | 'needsReason' };

/** Whether to make the change: when allowed, or when overridable and a reason is written. */
export function decidePhaseChange(check: PhaseCheck, reason: string | null | undefined): PhaseDecision {
	if (check.allowed) return { change: true, overridden: false };
	if (!check.overridable) return { change: false, why: 'order' };
	if (!reason || reason.trim() === '') return { change: false, why: 'needsReason' };
	return { change: true, overridden: true };
}

function orderOf(from: Phase, to: Phase): OrderRefusal | null {
	if (from === to) return 'same';
	if (phaseIndex(to) < phaseIndex(from)) return 'backwards';
	const next = nextPhase(from);
	if (next === null) return 'last';
	return next === to ? null : 'skip';
}

function preconditions(f: PhaseFacts, to: Phase): Missing[] {
	switch (to) {
		case 'preparation':
			return [];
		case 'registration':
			return modelProblems(f);
		case 'assessment':
			return [
				...modelProblems(f),
				...(f.admittedEntries === 0 ? [{ key: 'noAdmittedEntries' } as const] : []),
				...teamProblems(f)
			];
		case 'consensus':
			return [
				...teamProblems(f),
				...f.assessmentsNotSubmitted
					.filter((a) => a.examiners.length > 0)
					.map((a) => ({ key: 'assessmentsNotSubmitted', entry: a.entry, examiners: a.examiners }) as const)
			];
		case 'jury':
			return f.entriesWithoutConsensus.length > 0
				? [{ key: 'consensusNotDone', entries: f.entriesWithoutConsensus }]
				: [];
		case 'decided':
			return f.decisionsClosed ? [] : [{ key: 'decisionsOpen' }];
		case 'feedback':
			if (!f.ceremonyDate || !isIsoDay(f.ceremonyDate)) return [{ key: 'noCeremonyDate' }];
			// "Passed": the day after the ceremony at the earliest.
			return compareIsoDays(f.today, f.ceremonyDate) > 0 ? [] : [{ key: 'ceremonyNotPassed', date: f.ceremonyDate }];
		case 'archived':
			return f.reportsNotReleased.length > 0 ? [{ key: 'reportsNotReleased', entries: f.reportsNotReleased }] : [];
	}
}

function modelProblems(f: PhaseFacts): Missing[] {
	const problems: Missing[] = [];
	if (f.classCount === 0) problems.push({ key: 'noClasses' });
	if (f.criteria.length === 0) problems.push({ key: 'noCriteria' });
	const bad = f.criteria.filter((c) => !(Number.isFinite(c.weight) && c.weight > 0)).map((c) => c.key);
	if (bad.length > 0) problems.push({ key: 'badWeights', criteria: bad });
	return problems;
}

function teamProblems(f: PhaseFacts): Missing[] {
	return f.entriesWithoutTeam.length > 0 ? [{ key: 'entriesWithoutTeam', entries: f.entriesWithoutTeam }] : [];
}
