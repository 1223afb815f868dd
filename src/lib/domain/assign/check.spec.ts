import { describe, expect, it } from 'vitest';
import type { AssignInput } from '../assign';
import { assignmentStats, checkAssignment } from './check';

const input: AssignInput = {
	teamSize: 3,
	entries: [
		{ id: 'e1', classId: 'A', organisationId: 'entrant' },
		{ id: 'e2', classId: 'A', organisationId: 'entrant' },
		{ id: 'e3', classId: 'B', organisationId: 'o1' }
	],
	examiners: [
		{ id: 'lead', organisationId: 'o1', classIds: ['A'], capacity: 2, leadCapable: true },
		{ id: 'x2', organisationId: 'o2', classIds: ['A'], capacity: 2, leadCapable: false },
		{ id: 'x3', organisationId: 'o3', classIds: ['A', 'B'], capacity: 1, leadCapable: false },
		{ id: 'x4', organisationId: 'o2', classIds: ['B'], capacity: 2, leadCapable: true },
		{ id: 'insider', organisationId: 'entrant', classIds: ['A'], capacity: 2, leadCapable: true }
	],
	conflicts: [{ examinerId: 'x2', entryId: 'e2' }]
};

const good = { entryId: 'e1', examinerIds: ['lead', 'x2', 'x3'], leadId: 'lead' };

describe('checkAssignment', () => {
	it('finds nothing wrong with a valid team, except the entries left open', () => {
		expect(checkAssignment(input, [good])).toEqual([
			{ code: 'uncovered', hard: true, entryId: 'e2' },
			{ code: 'uncovered', hard: true, entryId: 'e3' }
		]);
	});

	it('names every hard rule broken, per entry and examiner', () => {
		const breaches = checkAssignment(input, [
			good,
			{ entryId: 'e2', examinerIds: ['insider', 'x2', 'x3', 'x3'], leadId: 'x2' },
			{ entryId: 'e3', examinerIds: ['lead', 'x4'], leadId: 'nobody' },
			{ entryId: 'e1', examinerIds: ['lead', 'x2', 'ghost'], leadId: 'lead' },
			{ entryId: 'e9', examinerIds: [], leadId: '' }
		]);
		const hard = breaches.filter((b) => b.hard).map(({ code, entryId, examinerId, reason }) => [entryId, code, examinerId, reason]);
		expect(hard).toEqual([
			['e1', 'duplicate-entry', undefined, undefined],
			['e1', 'over-capacity', 'x3', undefined],
			['e1', 'unknown-examiner', 'ghost', undefined],
			['e2', 'conflict', 'insider', 'organisation'],
			['e2', 'conflict', 'x2', 'declared'],
			['e2', 'duplicate-member', 'x3', undefined],
			['e2', 'lead-not-capable', 'x2', undefined],
			['e2', 'over-capacity', 'x3', undefined],
			['e3', 'conflict', 'lead', 'organisation'],
			['e3', 'no-lead', undefined, undefined],
			['e3', 'wrong-size', undefined, undefined],
			['e9', 'unknown-entry', undefined, undefined]
		]);
	});

	it('names a coordinator on an entry of the organisation they coordinate, with its own reason', () => {
		const coordinated: AssignInput = { ...input, examiners: input.examiners.map((x) => (x.id === 'x3' ? { ...x, coordinates: ['entrant'] } : x)) };
		const conflicts = checkAssignment(coordinated, [good]).filter((b) => b.code === 'conflict');
		expect(conflicts).toEqual([{ code: 'conflict', hard: true, entryId: 'e1', examinerId: 'x3', reason: 'coordinator' }]);
		// Coordinating another organisation is no conflict with this one.
		const elsewhere: AssignInput = { ...input, examiners: input.examiners.map((x) => (x.id === 'x3' ? { ...x, coordinates: ['o1'] } : x)) };
		expect(checkAssignment(elsewhere, [good]).filter((b) => b.code === 'conflict')).toEqual([]);
	});

	it('names the preferences bent, as many as the optimiser counts them', () => {
		const breaches = checkAssignment(input, [
			{ entryId: 'e1', examinerIds: ['lead', 'x2', 'x4'], leadId: 'lead' },
			{ entryId: 'e3', examinerIds: ['x2', 'x3', 'x4'], leadId: 'x4' }
		]);
		expect(breaches.filter((b) => !b.hard)).toEqual([
			{ code: 'expertise-miss', hard: false, entryId: 'e1', examinerId: 'x4' },
			{ code: 'same-organisation', hard: false, entryId: 'e1', examinerId: 'x2', otherExaminerId: 'x4' },
			{ code: 'expertise-miss', hard: false, entryId: 'e3', examinerId: 'x2' },
			{ code: 'same-organisation', hard: false, entryId: 'e3', examinerId: 'x2', otherExaminerId: 'x4' },
			// x2 and x4 are on two teams: one split each, on the second team.
			{ code: 'team-split', hard: false, entryId: 'e3', examinerId: 'x2' },
			{ code: 'team-split', hard: false, entryId: 'e3', examinerId: 'x4' }
		]);
	});

	it('counts a clash once per team and no split for a team that takes two entries', () => {
		const team = ['lead', 'x2', 'x4'];
		const plan = [
			{ entryId: 'e1', examinerIds: team, leadId: 'lead' },
			{ entryId: 'e2', examinerIds: [...team].reverse(), leadId: 'lead' }
		];
		const soft = checkAssignment(input, plan).filter((b) => !b.hard && b.code !== 'expertise-miss');
		expect(soft).toEqual([{ code: 'same-organisation', hard: false, entryId: 'e1', examinerId: 'x2', otherExaminerId: 'x4' }]);
		const stats = assignmentStats(input, plan);
		expect([stats.splits, stats.organisationClashes]).toEqual([0, 1]);
	});
});

describe('assignmentStats', () => {
	it('measures a plan', () => {
		const stats = assignmentStats(input, [
			good,
			{ entryId: 'e2', examinerIds: ['lead', 'x2', 'insider'], leadId: 'lead' },
			{ entryId: 'e3', examinerIds: ['x2', 'x3', 'x4'], leadId: 'x4' }
		]);
		expect(stats).toEqual({
			entries: 3,
			covered: 3,
			conflicts: 2, // x2 declared on e2, insider's own organisation
			overCapacity: 2, // x2 on three entries, x3 on two
			expertiseMisses: 1, // x2 on e3
			// lead and x2 are on two teams, x2 on a third as well; x3 on two.
			splits: 4,
			organisationClashes: 1, // x2 and x4 in e3's team
			loadSquares: 4 + 9 + 4 + 1 + 1,
			load: { min: 1, median: 2, max: 3 }
		});
	});
});
