import { describe, expect, it } from 'vitest';
import { checkPhaseChange, decidePhaseChange, type PhaseFacts } from './phase-guard';
import { PHASES, nextPhase, type Phase } from './phases';

/** A cycle where every precondition of every step holds; each test breaks only what it is about. */
function facts(phase: Phase, overrides: Partial<PhaseFacts> = {}): PhaseFacts {
	return {
		phase,
		today: '2026-11-30',
		classCount: 5,
		criteria: [
			{ key: 'dialog', weight: 15 },
			{ key: 'results', weight: 25 }
		],
		admittedEntries: 12,
		entriesWithoutTeam: [],
		assessmentsNotSubmitted: [],
		entriesWithoutConsensus: [],
		decisionsClosed: true,
		ceremonyDate: '2026-11-24',
		reportsNotReleased: [],
		...overrides
	};
}

describe('checkPhaseChange: every forward step is allowed when its preconditions hold', () => {
	it.each(PHASES.slice(0, -1))('%s → next', (from) => {
		const to = nextPhase(from)!;
		const check = checkPhaseChange(facts(from), to);
		expect(check).toEqual({ from, to, orderRefusal: null, missing: [], allowed: true, overridable: false });
		expect(decidePhaseChange(check, '')).toEqual({ change: true, overridden: false });
	});
});

describe('checkPhaseChange: order', () => {
	it('refuses going backwards, and no reason overrides it', () => {
		const check = checkPhaseChange(facts('consensus'), 'assessment');
		expect(check).toMatchObject({ orderRefusal: 'backwards', allowed: false, overridable: false, missing: [] });
		expect(decidePhaseChange(check, 'Vi behöver mer tid')).toEqual({ change: false, why: 'order' });
	});

	it('refuses skipping a phase', () => {
		const check = checkPhaseChange(facts('registration'), 'consensus');
		expect(check).toMatchObject({ orderRefusal: 'skip', allowed: false, overridable: false });
		expect(decidePhaseChange(check, 'skäl')).toEqual({ change: false, why: 'order' });
	});

	it('refuses staying in the same phase', () => {
		expect(checkPhaseChange(facts('jury'), 'jury').orderRefusal).toBe('same');
	});

	it('refuses any change from archived', () => {
		expect(checkPhaseChange(facts('archived'), 'preparation').orderRefusal).toBe('backwards');
		expect(checkPhaseChange(facts('archived'), 'archived').orderRefusal).toBe('same');
	});
});

describe('checkPhaseChange: preconditions per step', () => {
	it('registration needs a class and a model with positive weights', () => {
		expect(checkPhaseChange(facts('preparation', { classCount: 0, criteria: [] }), 'registration').missing).toEqual([
			{ key: 'noClasses' },
			{ key: 'noCriteria' }
		]);
		const weights = facts('preparation', {
			criteria: [
				{ key: 'dialog', weight: 0 },
				{ key: 'staff', weight: -5 },
				{ key: 'results', weight: 25 },
				{ key: 'odd', weight: Number.NaN }
			]
		});
		expect(checkPhaseChange(weights, 'registration').missing).toEqual([
			{ key: 'badWeights', criteria: ['dialog', 'staff', 'odd'] }
		]);
	});

	it('assessment needs an admitted entry, each on a published team, and a valid model', () => {
		expect(checkPhaseChange(facts('registration', { admittedEntries: 0 }), 'assessment').missing).toEqual([
			{ key: 'noAdmittedEntries' }
		]);
		const noTeam = checkPhaseChange(facts('registration', { entriesWithoutTeam: ['Hvilan', 'Ljungbacken'] }), 'assessment');
		expect(noTeam.missing).toEqual([{ key: 'entriesWithoutTeam', entries: ['Hvilan', 'Ljungbacken'] }]);
		expect(noTeam).toMatchObject({ allowed: false, overridable: true });
		expect(checkPhaseChange(facts('registration', { criteria: [] }), 'assessment').missing).toEqual([{ key: 'noCriteria' }]);
	});

	it('consensus needs every assessment of the admitted entries submitted', () => {
		const check = checkPhaseChange(
			facts('assessment', {
				assessmentsNotSubmitted: [
					{ entry: 'Hvilan', examiners: ['Anna Lindqvist', 'Björn Sandberg'] },
					{ entry: 'Ekorren', examiners: [] }
				]
			}),
			'consensus'
		);
		expect(check.missing).toEqual([
			{ key: 'assessmentsNotSubmitted', entry: 'Hvilan', examiners: ['Anna Lindqvist', 'Björn Sandberg'] }
		]);
		expect(checkPhaseChange(facts('assessment', { entriesWithoutTeam: ['Humlan'] }), 'consensus').missing).toEqual([
			{ key: 'entriesWithoutTeam', entries: ['Humlan'] }
		]);
	});

	it('jury needs consensus done for every admitted entry', () => {
		expect(checkPhaseChange(facts('consensus', { entriesWithoutConsensus: ['Hvilan'] }), 'jury').missing).toEqual([
			{ key: 'consensusNotDone', entries: ['Hvilan'] }
		]);
	});

	it('decided needs the decisions closed', () => {
		expect(checkPhaseChange(facts('jury', { decisionsClosed: false }), 'decided').missing).toEqual([{ key: 'decisionsOpen' }]);
	});

	it('feedback needs the ceremony date passed: the day itself is too early, the day after is fine', () => {
		const on = checkPhaseChange(facts('decided', { today: '2026-11-24' }), 'feedback');
		expect(on.missing).toEqual([{ key: 'ceremonyNotPassed', date: '2026-11-24' }]);
		expect(checkPhaseChange(facts('decided', { today: '2026-11-25' }), 'feedback').allowed).toBe(true);
		expect(checkPhaseChange(facts('decided', { ceremonyDate: null }), 'feedback').missing).toEqual([{ key: 'noCeremonyDate' }]);
	});

	it('archived needs every report released', () => {
		expect(checkPhaseChange(facts('feedback', { reportsNotReleased: ['Hvilan'] }), 'archived').missing).toEqual([
			{ key: 'reportsNotReleased', entries: ['Hvilan'] }
		]);
	});

	it('only checks the step asked for', () => {
		// Open decisions do not hold back the step to consensus.
		expect(checkPhaseChange(facts('assessment', { decisionsClosed: false, ceremonyDate: null }), 'consensus').allowed).toBe(true);
	});
});

describe('decidePhaseChange: override', () => {
	const refused = checkPhaseChange(facts('jury', { decisionsClosed: false }), 'decided');

	it('needs a written reason', () => {
		expect(decidePhaseChange(refused, undefined)).toEqual({ change: false, why: 'needsReason' });
		expect(decidePhaseChange(refused, '')).toEqual({ change: false, why: 'needsReason' });
		expect(decidePhaseChange(refused, '   \n ')).toEqual({ change: false, why: 'needsReason' });
	});

	it('goes ahead, marked as overridden, with a reason', () => {
		expect(decidePhaseChange(refused, 'Ordföranden stänger besluten på mötet.')).toEqual({ change: true, overridden: true });
	});

	it('is not an override when nothing is missing, even with a reason', () => {
		const fine = checkPhaseChange(facts('jury'), 'decided');
		expect(decidePhaseChange(fine, 'onödigt skäl')).toEqual({ change: true, overridden: false });
	});
});
