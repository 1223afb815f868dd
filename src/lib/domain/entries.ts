/**
 * When the award office may still register and change entries: until the jury starts its work.
 * Late corrections during assessment and consensus happen (a minutes paper arrives, a class was
 * wrong); once the jury deliberates the field of entries is fixed.
 */
import type { Phase } from './phases';

export const ENTRY_CHANGE_PHASES: readonly Phase[] = ['preparation', 'registration', 'assessment', 'consensus'];

export function entriesOpen(phase: Phase): boolean {
	return ENTRY_CHANGE_PHASES.includes(phase);
}
