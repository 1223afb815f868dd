import { describe, expect, it } from 'vitest';
import type { AssignInput } from '../assign';
import { buildModel } from './model';
import { compareQuality, firstDifference, measure, organisationClashes, splits, staffedFromIds, teamsOf, type Quality } from './quality';

const input: AssignInput = {
	teamSize: 3,
	entries: [
		{ id: 'a1', classId: 'A', organisationId: 'entrant' },
		{ id: 'a2', classId: 'A', organisationId: 'entrant' },
		{ id: 'a3', classId: 'A', organisationId: 'entrant' },
		{ id: 'b1', classId: 'B', organisationId: 'entrant' }
	],
	examiners: [
		{ id: 'x1', organisationId: 'o1', classIds: ['A'], capacity: 3, leadCapable: true },
		{ id: 'x2', organisationId: 'o1', classIds: ['A'], capacity: 3, leadCapable: false },
		{ id: 'x3', organisationId: 'o1', classIds: ['B'], capacity: 3, leadCapable: false },
		{ id: 'x4', organisationId: 'o2', classIds: ['A', 'B'], capacity: 3, leadCapable: true }
	],
	conflicts: []
};
const m = buildModel(input);
const plan = (...teams: [string, string[]][]) => teamsOf(m, staffedFromIds(m, teams.map(([entryId, examinerIds]) => ({ entryId, examinerIds }))));

describe('teams, splits and organisation clashes', () => {
	it('makes one team of the entries of a class with the same members, in any order', () => {
		const teams = plan(['a2', ['x2', 'x1', 'x4']], ['a1', ['x1', 'x2', 'x4']]);
		expect(teams).toEqual([{ classIndex: 0, members: [0, 1, 3], entries: [0, 1] }]);
		expect(splits(teams)).toEqual([]);
	});

	it('counts one split per team beyond an examiner’s first, and the same members in two classes are two teams', () => {
		const teams = plan(['a1', ['x1', 'x2', 'x4']], ['a2', ['x1', 'x3', 'x4']], ['b1', ['x1', 'x3', 'x4']]);
		expect(teams.map((t) => t.entries)).toEqual([[0], [1], [3]]);
		// x1 and x4 are on three teams (two splits each), x3 on two (one split).
		expect(splits(teams).map((s) => m.examinerIds[s.examiner]).sort()).toEqual(['x1', 'x1', 'x3', 'x4', 'x4']);
	});

	it('makes a third entry with the same members another team of theirs: a team takes two at most', () => {
		const teams = plan(['a3', ['x1', 'x2', 'x4']], ['a1', ['x1', 'x2', 'x4']], ['a2', ['x1', 'x2', 'x4']]);
		expect(teams).toEqual([
			{ classIndex: 0, members: [0, 1, 3], entries: [0, 1] },
			{ classIndex: 0, members: [0, 1, 3], entries: [2] }
		]);
		expect(splits(teams).map((s) => m.examinerIds[s.examiner])).toEqual(['x1', 'x2', 'x4']);
	});

	it('counts a clash once per team, for each member beyond the first of an organisation', () => {
		const [team] = plan(['a1', ['x1', 'x2', 'x3']], ['a2', ['x1', 'x2', 'x3']]);
		expect(organisationClashes(m, team.members)).toEqual([
			{ examiner: 1, colleague: 0 },
			{ examiner: 2, colleague: 0 }
		]);
		expect(measure(m, [team])).toEqual({ covered: 2, expertiseMisses: 2, splits: 0, organisationClashes: 2, loadSquares: 12 });
	});
});

describe('comparing plans', () => {
	const q = (more: Partial<Quality>): Quality => ({ covered: 3, expertiseMisses: 1, splits: 1, organisationClashes: 1, loadSquares: 9, ...more });

	it('decides at the first preference where two plans differ', () => {
		expect(firstDifference(q({}), q({}))).toBeNull();
		expect(compareQuality(q({}), q({}))).toBe(0);
		// More entries covered beats everything after it.
		expect(compareQuality(q({ covered: 4, expertiseMisses: 9 }), q({}))).toBeLessThan(0);
		expect(firstDifference(q({ splits: 0, loadSquares: 20 }), q({}))).toBe('splits');
		expect(compareQuality(q({ splits: 0, loadSquares: 20 }), q({}))).toBeLessThan(0);
		expect(compareQuality(q({ organisationClashes: 2 }), q({ loadSquares: 30 }))).toBeGreaterThan(0);
	});
});
