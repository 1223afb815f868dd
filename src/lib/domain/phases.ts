/** The phases of an award cycle, forward only (docs/the-year.md#2-phases). */
export const PHASES = [
	'preparation',
	'registration',
	'assessment',
	'consensus',
	'jury',
	'decided',
	'feedback',
	'archived'
] as const;
export type Phase = (typeof PHASES)[number];

export function phaseIndex(phase: Phase): number {
	return PHASES.indexOf(phase);
}

export function phaseAtLeast(phase: Phase, reference: Phase): boolean {
	return phaseIndex(phase) >= phaseIndex(reference);
}

export function nextPhase(phase: Phase): Phase | null {
	return PHASES[phaseIndex(phase) + 1] ?? null;
}

/** Examiners score and the lead writes the consensus while assessment or consensus is open; after that the work stands. */
export function isOpenForScoring(phase: Phase): boolean {
	return phase === 'assessment' || phase === 'consensus';
}

/** The lead drafts the feedback report from the consensus phase until the cycle is archived. */
export function isOpenForFeedbackDrafting(phase: Phase): boolean {
	return phaseAtLeast(phase, 'consensus') && phase !== 'archived';
}

export function isPhase(value: string): value is Phase {
	return (PHASES as readonly string[]).includes(value);
}
