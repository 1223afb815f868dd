import { describe, expect, it } from 'vitest';
import { examinerNextStep, juryNextStep, unitNextStep, unsubmittedCount, type ExaminerStep, type JuryStep } from './next-step';
import type { Phase } from './phases';
import type { AssessmentState } from './scoring';

describe('examinerNextStep', () => {
	const cases: [Phase | null, AssessmentState[], ExaminerStep][] = [
		[null, [], 'waiting'],
		['registration', [], 'waiting'],
		['assessment', [], 'waiting'],
		['assessment', ['none'], 'assess'],
		['assessment', ['draft', 'submitted'], 'assess'],
		['consensus', ['submitted', 'none'], 'assess'],
		['jury', ['draft'], 'assess'],
		['assessment', ['submitted', 'submitted'], 'consensus'],
		['consensus', ['submitted'], 'consensus'],
		['registration', ['submitted'], 'done'],
		['jury', ['submitted'], 'done'],
		['archived', ['submitted', 'submitted'], 'done']
	];
	it.each(cases)('in %s with %j → %s', (phase, assessments, step) => {
		expect(examinerNextStep(phase, assessments)).toBe(step);
	});

	it('counts what is not yet submitted', () => {
		expect(unsubmittedCount(['none', 'draft', 'submitted', 'draft'])).toBe(3);
		expect(unsubmittedCount([])).toBe(0);
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
	it.each([
		[0, 'waiting'],
		[1, 'released'],
		[3, 'released']
	] as const)('%i released reports → %s', (released, step) => {
		expect(unitNextStep(released)).toBe(step);
	});
});
