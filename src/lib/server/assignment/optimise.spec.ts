import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/db';
import { plantedPool } from '../test-support/assign-pools';
import { seedDemo } from '../demo/seed';
import { getCycleByYear } from '../cycles/lookup';
import { checkAssignment, planAssignment } from '$lib/domain/assign';
import { groupIntoTeams } from '$lib/domain/team-plan';
import { loadPlan } from './plan';
import { optimiseAssignment } from './optimise';

/** Generous caps: the proofs below must not depend on how busy the machine is. */
const SLOW = { secondsPerLevel: 60 };

// Each pool is solved exactly, level by level, which takes seconds on a busy machine.
describe('optimiseAssignment', { timeout: 300_000 }, () => {
	it('proposes for the demo pool a plan with no breach: six teams of three, two entries each', () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'registration', passwordHash: 'x' });
		const { input } = loadPlan(getCycleByYear(2026)!.id)!;
		const plan = optimiseAssignment(input, SLOW);
		expect(checkAssignment(input, plan.assignments)).toEqual([]);
		expect(plan.proven).toBe(true);
		const classOf = new Map(input.entries.map((e) => [e.id, e.classId]));
		const teams = groupIntoTeams(plan.assignments, (id) => classOf.get(id)!, []);
		expect(teams.map((t) => [t.memberIds.length, t.entryIds.length])).toEqual(Array(6).fill([3, 2]));
	});

	it.each([1, 2, 3])('finds a plan with no breach hidden among extra examiners (seed %i)', (seed) => {
		const input = plantedPool(seed, 4, 6);
		const plan = optimiseAssignment(input, SLOW);
		expect(plan.quality).toMatchObject({ covered: 8, expertiseMisses: 0, splits: 0, organisationClashes: 0 });
		expect(checkAssignment(input, plan.assignments)).toEqual([]);
	});

	it('keeps the engine’s plan, improved, with its bounds, when the pool is too large for the model', () => {
		const input = plantedPool(4, 4, 6);
		const plan = optimiseAssignment(input, { maxMemberColumns: 0 });
		expect(plan.method).toBe('improved-engine');
		expect(checkAssignment(input, plan.assignments).filter((b) => b.hard)).toEqual([]);
		const engine = planAssignment(input);
		expect(plan.quality.covered).toBe(engine.report.covered);
		for (const level of plan.levels) expect(level.preference === 'covered' ? level.bound >= level.value : level.bound <= level.value).toBe(true);
		expect(plan.proven).toBe(plan.levels.every((l) => l.value === l.bound));
	});
});
