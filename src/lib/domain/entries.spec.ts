import { describe, expect, it } from 'vitest';
import { PHASES } from './phases';
import { entriesOpen, isRiskyChangePhase } from './entries';

describe('entries open', () => {
	it('from preparation up to and including consensus, closed from the jury on', () => {
		expect(PHASES.filter(entriesOpen)).toEqual(['preparation', 'registration', 'assessment', 'consensus']);
	});
});

describe('risky changes', () => {
	it('are those made while the teams assess and agree, and only then', () => {
		expect(PHASES.filter(isRiskyChangePhase)).toEqual(['assessment', 'consensus']);
	});

	it('fall within the phases in which entries may change at all', () => {
		expect(PHASES.filter(isRiskyChangePhase).every(entriesOpen)).toBe(true);
	});
});
