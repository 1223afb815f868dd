import { describe, expect, it } from 'vitest';
import { isOpenForScoring, isPhase, nextPhase, phaseAtLeast, PHASES } from './phases';

describe('phases', () => {
	it('run forward from preparation to archived', () => {
		expect(PHASES[0]).toBe('preparation');
		expect(nextPhase('preparation')).toBe('registration');
		expect(nextPhase('feedback')).toBe('archived');
		expect(nextPhase('archived')).toBeNull();
	});
	it('compare by their place in the year', () => {
		expect(phaseAtLeast('jury', 'consensus')).toBe(true);
		expect(phaseAtLeast('consensus', 'jury')).toBe(false);
		expect(phaseAtLeast('jury', 'jury')).toBe(true);
	});
	it('are open for scoring in assessment and consensus only', () => {
		expect(PHASES.filter(isOpenForScoring)).toEqual(['assessment', 'consensus']);
	});
	it('recognise only known names', () => {
		expect(isPhase('jury')).toBe(true);
		expect(isPhase('voting')).toBe(false);
	});
});
