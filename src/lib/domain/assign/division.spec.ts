import { describe, expect, it } from 'vitest';
import type { AssignInput } from '../assign';
import { divideExaminers } from './division';
import { buildModel } from './model';

const examiner = (id: string, classIds: string[], leadCapable = false, capacity = 2) => ({ id, organisationId: 'o', classIds, capacity, leadCapable });

describe('divideExaminers', () => {
	it('puts each examiner in one class they know, those who can lead first where leads are scarce, the others where people are', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: [
				{ id: 'a1', classId: 'A', organisationId: 'u' },
				{ id: 'b1', classId: 'B', organisationId: 'u' }
			],
			examiners: [
				examiner('x1', ['A'], true),
				examiner('x2', ['A']),
				examiner('x3', ['B']),
				examiner('x4', ['B']),
				// Both classes: the lead goes to B, which has none; the other to A, which has fewer people.
				examiner('x5', ['A', 'B'], true),
				examiner('x6', ['A', 'B']),
				// No class with entries, or no room: left out.
				examiner('x8', ['C'], true),
				examiner('x9', ['A'], true, 0)
			],
			conflicts: []
		};
		const m = buildModel(input);
		const division = divideExaminers(m).map((xs) => xs.map((x) => m.examinerIds[x]));
		expect(division).toEqual([
			['x1', 'x2', 'x6'],
			['x3', 'x4', 'x5']
		]);
	});
});
