/**
 * When the award office may still register and change entries: until the jury starts its work.
 * Late corrections during assessment and consensus happen (a minutes paper arrives, a class was
 * wrong); once the jury deliberates the field of entries is fixed.
 */
import { isOpenForScoring, type Phase } from './phases';

export const ENTRY_CHANGE_PHASES: readonly Phase[] = ['preparation', 'registration', 'assessment', 'consensus'];

export function entriesOpen(phase: Phase): boolean {
	return ENTRY_CHANGE_PHASES.includes(phase);
}

/**
 * Whether changing an entry's class or replacing its written account is risky: while the team
 * assesses and agrees, such a change moves the entry to another ranking or makes the team's
 * scores rest on a text they did not read. Then the change needs a reason and the team is told
 * (docs/the-year.md#2-phases).
 */
export function isRiskyChangePhase(phase: Phase): boolean {
	return isOpenForScoring(phase);
}
