import { describe, expect, it } from 'vitest';
import { checkAssignment, planAssignment, type AssignInput } from '../assign';
import { improvePlan, qualityBounds } from './improve';
import { buildModel } from './model';
import { compareQuality, measure, staffedFromIds, teamsOf } from './quality';

const examiner = (i: number, classIds: string[]) => ({ id: `x${i}`, organisationId: `o${i}`, classIds, capacity: 2, leadCapable: true });

describe('qualityBounds', () => {
	const input: AssignInput = {
		teamSize: 3,
		entries: ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, classId: 'A', organisationId: 'entrant' })),
		examiners: Array.from({ length: 10 }, (_, i) => examiner(i, ['A'])),
		conflicts: []
	};
	const m = buildModel(input);
	const report = planAssignment(input).report;

	it('spreads the seats as evenly as capacities allow, and with nobody split over as many teams as there are people for', () => {
		// 12 seats over 10 people: two carry two. With nobody split there are at most three teams,
		// so one team takes two entries: 3·(2² + 1 + 1) = 18.
		expect(qualityBounds(m, { covered: 4, splits: 1 }, report).loadSquares).toBe(2 * 4 + 8);
		expect(qualityBounds(m, { covered: 4, splits: 0 }, report).loadSquares).toBe(3 * (4 + 1 + 1));
	});
});

describe('improvePlan', () => {
	it('never makes the engine’s plan worse, nor breaks a hard rule', () => {
		for (const seed of [1, 2, 3, 4]) {
			const input: AssignInput = {
				teamSize: 3,
				entries: Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, classId: i % 2 ? 'A' : 'B', organisationId: `o${(i * seed) % 5}` })),
				examiners: Array.from({ length: 14 }, (_, i) => ({ ...examiner(i, i % 3 ? ['A'] : ['B']), organisationId: `o${(i + seed) % 4}`, leadCapable: i % 4 === 0 })),
				conflicts: []
			};
			const m = buildModel(input);
			const start = staffedFromIds(m, planAssignment(input).assignments);
			const improved = improvePlan(m, start);
			expect(compareQuality(measure(m, teamsOf(m, improved)), measure(m, teamsOf(m, start)))).toBeLessThanOrEqual(0);
			const assignments = improved.map(({ entry, members }) => ({
				entryId: m.entryIds[entry],
				examinerIds: members.map((x) => m.examinerIds[x]),
				leadId: m.examinerIds[members.find((x) => m.leadCapable[x])!]
			}));
			expect(checkAssignment(input, assignments).filter((b) => b.hard && b.code !== 'uncovered')).toEqual([]);
		}
	});
});
