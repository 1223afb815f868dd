import { describe, expect, it } from 'vitest';
import { assignmentStats, assignTeams, checkAssignment, planAssignment, type AssignInput, type AssignResult } from './assign';
import { seededRandom } from './seeded-random';

type Examiner = AssignInput['examiners'][number];
type Entry = AssignInput['entries'][number];

function examiner(id: string, organisationId: string, classIds: string[], more: Partial<Examiner> = {}): Examiner {
	return { id, organisationId, classIds, capacity: 2, leadCapable: false, ...more };
}

function entry(id: string, classId: string, organisationId: string): Entry {
	return { id, classId, organisationId };
}

interface Shape {
	entries: number;
	examiners: number;
	classes: number;
	organisations: number;
	teamSize: number;
	conflictShare: number;
	leadShare: number;
	maxCapacity: number;
}

function randomInput(seed: number, shape: Shape): AssignInput {
	const random = seededRandom(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const classes = Array.from({ length: shape.classes }, (_, i) => `c${i}`);
	const org = () => `o${pick(shape.organisations)}`;
	const entries = Array.from({ length: shape.entries }, (_, i) => entry(`e${i}`, classes[pick(shape.classes)], org()));
	const examiners = Array.from({ length: shape.examiners }, (_, i) =>
		examiner(`x${i}`, org(), classes.filter(() => random() < 0.5), {
			capacity: pick(shape.maxCapacity + 1),
			leadCapable: random() < shape.leadShare
		})
	);
	const conflicts = examiners.flatMap((x) =>
		entries.filter(() => random() < shape.conflictShare).map((e) => ({ examinerId: x.id, entryId: e.id }))
	);
	return { teamSize: shape.teamSize, entries, examiners, conflicts };
}

/** The hard rules, checked independently of the engine's own code. */
function expectHardRules(input: AssignInput, result: AssignResult): void {
	const entries = new Map(input.entries.map((e) => [e.id, e]));
	const examiners = new Map(input.examiners.map((x) => [x.id, x]));
	const declared = new Set(input.conflicts.map((c) => `${c.examinerId}|${c.entryId}`));
	const load = new Map<string, number>();
	const seen = new Set<string>();
	for (const a of result.assignments) {
		const e = entries.get(a.entryId)!;
		expect(e).toBeDefined();
		expect(seen.has(a.entryId)).toBe(false);
		seen.add(a.entryId);
		expect(new Set(a.examinerIds).size).toBe(input.teamSize);
		expect(a.examinerIds).toHaveLength(input.teamSize);
		expect(a.examinerIds).toContain(a.leadId);
		expect(examiners.get(a.leadId)!.leadCapable).toBe(true);
		for (const id of a.examinerIds) {
			const x = examiners.get(id)!;
			expect(x).toBeDefined();
			expect(x.organisationId).not.toBe(e.organisationId);
			expect(declared.has(`${id}|${a.entryId}`)).toBe(false);
			load.set(id, (load.get(id) ?? 0) + 1);
		}
	}
	for (const [id, n] of load) expect(n).toBeLessThanOrEqual(examiners.get(id)!.capacity);
	expect(checkAssignment(input, result.assignments).filter((b) => b.hard && b.code !== 'uncovered')).toEqual([]);
}

function misses(input: AssignInput, result: AssignResult): number {
	const classOf = new Map(input.entries.map((e) => [e.id, e.classId]));
	const classesOf = new Map(input.examiners.map((x) => [x.id, x.classIds]));
	return result.assignments.reduce(
		(sum, a) => sum + a.examinerIds.filter((id) => !classesOf.get(id)!.includes(classOf.get(a.entryId)!)).length,
		0
	);
}

/**
 * Exhaustive optimum by (entries covered, then expertise misses): every entry either stays open or
 * gets one of the teamSize-subsets of its allowed examiners that contain a lead-capable one.
 */
function bruteForce(input: AssignInput): { covered: number; misses: number } {
	const k = input.teamSize;
	const declared = new Set(input.conflicts.map((c) => `${c.examinerId}|${c.entryId}`));
	const xs = input.examiners;
	const options = input.entries.map((e) => {
		const ok = xs
			.map((x, i) => i)
			.filter((i) => xs[i].capacity > 0 && xs[i].organisationId !== e.organisationId && !declared.has(`${xs[i].id}|${e.id}`));
		const subsets: { members: number[]; misses: number }[] = [];
		const choose = (from: number, chosen: number[]) => {
			if (chosen.length === k) {
				if (chosen.some((i) => xs[i].leadCapable)) {
					subsets.push({ members: [...chosen], misses: chosen.filter((i) => !xs[i].classIds.includes(e.classId)).length });
				}
				return;
			}
			for (let j = from; j < ok.length; j++) choose(j + 1, [...chosen, ok[j]]);
		};
		choose(0, []);
		return subsets;
	});
	const load = xs.map(() => 0);
	let best = { covered: 0, misses: 0 };
	const walk = (i: number, covered: number, missCount: number) => {
		if (covered + options.length - i < best.covered) return;
		if (i === options.length) {
			if (covered > best.covered || missCount < best.misses) best = { covered, misses: missCount };
			return;
		}
		for (const option of options[i]) {
			if (option.members.some((x) => load[x] >= xs[x].capacity)) continue;
			for (const x of option.members) load[x]++;
			walk(i + 1, covered + 1, missCount + option.misses);
			for (const x of option.members) load[x]--;
		}
		walk(i + 1, covered, missCount);
	};
	walk(0, 0, 0);
	return best;
}

function shuffled<T>(items: T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

const MEDIUM: Shape = { entries: 40, examiners: 80, classes: 3, organisations: 8, teamSize: 3, conflictShare: 0.08, leadShare: 0.4, maxCapacity: 2 };
const SCARCE: Shape = { entries: 30, examiners: 35, classes: 3, organisations: 5, teamSize: 3, conflictShare: 0.2, leadShare: 0.3, maxCapacity: 3 };

describe('assignTeams: hard rules', () => {
	it.each([1, 2, 3, 4, 5, 6, 7, 8])('holds them on random pools (seed %i)', (seed) => {
		for (const shape of [MEDIUM, SCARCE, { ...SCARCE, teamSize: 1 }, { ...MEDIUM, teamSize: 4, examiners: 90 }]) {
			const input = randomInput(seed, shape);
			expectHardRules(input, assignTeams(input));
		}
	});

	it('gives every entry teamSize distinct examiners with a lead-capable lead', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: [entry('e1', 'A', 'o1')],
			examiners: [
				examiner('x1', 'o2', ['A']),
				examiner('x2', 'o3', ['A']),
				examiner('x3', 'o4', ['A'], { leadCapable: true }),
				examiner('x4', 'o5', ['A'])
			],
			conflicts: []
		};
		const [a] = assignTeams(input).assignments;
		expect(a.examinerIds).toHaveLength(3);
		expect(a.leadId).toBe('x3');
		expect(a.examinerIds).toContain('x3');
	});

	it('leaves an entry open rather than staff it without a lead', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('e1', 'A', 'o1')],
			examiners: [examiner('x1', 'o2', ['A']), examiner('x2', 'o3', ['A']), examiner('x3', 'o4', ['A'])],
			conflicts: []
		};
		const result = assignTeams(input);
		expect(result.assignments).toEqual([]);
		expect(result.shortfalls).toEqual([{ classId: 'A', entriesUncovered: 1, examinersMissing: 1, leadsMissing: 1 }]);
	});

	it('never puts an examiner on an entry of their own organisation or a declared conflict', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('e1', 'A', 'o1')],
			examiners: [
				examiner('own', 'o1', ['A'], { leadCapable: true }),
				examiner('declared', 'o2', ['A'], { leadCapable: true }),
				examiner('x1', 'o3', [], { leadCapable: true }),
				examiner('x2', 'o4', [])
			],
			conflicts: [{ examinerId: 'declared', entryId: 'e1' }]
		};
		const [a] = assignTeams(input).assignments;
		// Both experts are conflicted, so the two non-experts must do it.
		expect(a.examinerIds).toEqual(['x1', 'x2']);
	});

	it('never puts a coordinator on an entry of the organisation they coordinate', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('e1', 'A', 'o1'), entry('e2', 'A', 'o5')],
			examiners: [
				examiner('coordinator', 'o2', ['A'], { leadCapable: true, coordinates: ['o1'] }),
				examiner('x1', 'o3', [], { leadCapable: true }),
				examiner('x2', 'o4', [])
			],
			conflicts: []
		};
		const { assignments } = assignTeams(input);
		// The expert coordinates o1, so the non-experts take e1 and the expert may take e2.
		expect(assignments.find((a) => a.entryId === 'e1')?.examinerIds).toEqual(['x1', 'x2']);
		expect(assignments.find((a) => a.entryId === 'e2')?.examinerIds).toContain('coordinator');
	});

	it('never exceeds capacity, and never uses an examiner with capacity 0', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('e1', 'A', 'o1'), entry('e2', 'A', 'o1'), entry('e3', 'A', 'o1')],
			examiners: [
				examiner('x1', 'o2', ['A'], { leadCapable: true, capacity: 1 }),
				examiner('x2', 'o3', ['A'], { leadCapable: true, capacity: 1 }),
				examiner('x3', 'o4', ['A'], { capacity: 2 }),
				examiner('x4', 'o5', ['A'], { leadCapable: true, capacity: 0 })
			],
			conflicts: []
		};
		const result = assignTeams(input);
		expectHardRules(input, result);
		expect(result.assignments).toHaveLength(2);
		expect(result.assignments.flatMap((a) => a.examinerIds)).not.toContain('x4');
	});

	it('refuses an invalid team size and duplicate ids', () => {
		const base: AssignInput = { teamSize: 3, entries: [], examiners: [], conflicts: [] };
		expect(() => assignTeams({ ...base, teamSize: 0 })).toThrow(RangeError);
		expect(() => assignTeams({ ...base, entries: [entry('e', 'A', 'o'), entry('e', 'A', 'o')] })).toThrow(/duplicate entry/);
		expect(() => assignTeams({ ...base, examiners: [examiner('x', 'o', []), examiner('x', 'o', [])] })).toThrow(/duplicate examiner/);
	});

	it('handles an empty cycle', () => {
		expect(assignTeams({ teamSize: 3, entries: [], examiners: [], conflicts: [] })).toEqual({ assignments: [], shortfalls: [] });
	});
});

describe('assignTeams: determinism', () => {
	it.each([11, 12, 13])('gives the same plan for the same input and for shuffled input (seed %i)', (seed) => {
		for (const shape of [MEDIUM, SCARCE]) {
			const input = randomInput(seed, shape);
			const first = assignTeams(input);
			expect(assignTeams(structuredClone(input))).toEqual(first);
			const random = seededRandom(seed * 7919);
			const reordered: AssignInput = {
				teamSize: input.teamSize,
				entries: shuffled(input.entries, random),
				examiners: shuffled(input.examiners, random).map((x) => ({ ...x, classIds: shuffled(x.classIds, random) })),
				conflicts: shuffled(input.conflicts, random)
			};
			expect(assignTeams(reordered)).toEqual(first);
		}
	});
});

describe('assignTeams: optimality against brute force', () => {
	const tiny: Shape[] = [
		{ entries: 4, examiners: 6, classes: 2, organisations: 3, teamSize: 3, conflictShare: 0.25, leadShare: 0.5, maxCapacity: 2 },
		{ entries: 5, examiners: 6, classes: 2, organisations: 3, teamSize: 2, conflictShare: 0.3, leadShare: 0.4, maxCapacity: 3 },
		{ entries: 6, examiners: 5, classes: 3, organisations: 4, teamSize: 1, conflictShare: 0.3, leadShare: 0.6, maxCapacity: 2 },
		{ entries: 4, examiners: 7, classes: 1, organisations: 2, teamSize: 3, conflictShare: 0.1, leadShare: 0.3, maxCapacity: 2 }
	];
	it.each(tiny.map((shape, i) => [i, shape] as const))('covers the most entries with the fewest misses (shape %i)', (_, shape) => {
		for (let seed = 1; seed <= 40; seed++) {
			const input = randomInput(seed * 31 + shape.entries, shape);
			const result = assignTeams(input);
			const best = bruteForce(input);
			expectHardRules(input, result);
			expect({ seed, covered: result.assignments.length, misses: misses(input, result) }).toEqual({ seed, ...best });
		}
	});

	it('finds the exact cover that greedy filling misses', () => {
		// Exact cover by 2-sets: entries are the sets {1,2}, {2,3}, {3,4}; covering all four examiners
		// requires the two outer sets. Each entry conflicts with everyone outside its set.
		const sets: Record<string, string[]> = { a: ['x1', 'x2'], b: ['x2', 'x3'], c: ['x3', 'x4'] };
		const ids = ['x1', 'x2', 'x3', 'x4'];
		const input: AssignInput = {
			teamSize: 2,
			entries: Object.keys(sets).map((id) => entry(id, 'A', 'entrant')),
			examiners: ids.map((id) => examiner(id, `o-${id}`, ['A'], { capacity: 1, leadCapable: true })),
			conflicts: Object.entries(sets).flatMap(([entryId, members]) =>
				ids.filter((id) => !members.includes(id)).map((examinerId) => ({ examinerId, entryId }))
			)
		};
		const { assignments, report } = planAssignment(input);
		expect(assignments.map((a) => a.entryId)).toEqual(['a', 'c']);
		expect(report.coverageProof).not.toBe('none');
	});

	it('reports the bound that proves coverage on a large scarce pool', () => {
		const input = randomInput(5, { ...SCARCE, entries: 120, examiners: 90, conflictShare: 0.05 });
		const { assignments, report } = planAssignment(input);
		expect(report.covered).toBe(assignments.length);
		expect(report.covered).toBeLessThanOrEqual(report.coverageBound);
		expect(report.expertiseMisses).toBeGreaterThanOrEqual(report.missesBound);
	});
});

describe('assignTeams: preferences', () => {
	it('covers a class without experts with examiners from other classes (coverage before expertise)', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('a1', 'A', 'o0'), entry('b1', 'B', 'o0')],
			examiners: [
				examiner('x1', 'o1', ['A'], { leadCapable: true }),
				examiner('x2', 'o2', ['A']),
				examiner('x3', 'o3', ['A'], { leadCapable: true }),
				examiner('x4', 'o4', ['A'])
			],
			conflicts: []
		};
		const result = assignTeams(input);
		expect(result.assignments).toHaveLength(2);
		expect(misses(input, result)).toBe(2);
	});

	it('prefers experts when there are enough', () => {
		const input: AssignInput = {
			teamSize: 2,
			entries: [entry('a1', 'A', 'o0'), entry('b1', 'B', 'o0')],
			examiners: [
				examiner('a-lead', 'o1', ['A'], { leadCapable: true, capacity: 1 }),
				examiner('a-member', 'o2', ['A'], { capacity: 1 }),
				examiner('b-lead', 'o3', ['B'], { leadCapable: true, capacity: 1 }),
				examiner('b-member', 'o4', ['B'], { capacity: 1 })
			],
			conflicts: []
		};
		const result = assignTeams(input);
		expect(misses(input, result)).toBe(0);
		expect(result.assignments).toEqual([
			{ entryId: 'a1', examinerIds: ['a-lead', 'a-member'], leadId: 'a-lead' },
			{ entryId: 'b1', examinerIds: ['b-lead', 'b-member'], leadId: 'b-lead' }
		]);
	});

	it('keeps teams together: each team of three takes two entries of its class', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: ['e1', 'e2', 'e3', 'e4'].map((id) => entry(id, 'A', 'entrant')),
			examiners: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((id, i) => examiner(id, `o${i}`, ['A'], { leadCapable: i < 2 })),
			conflicts: []
		};
		const result = assignTeams(input);
		expect(result.assignments).toHaveLength(4);
		const teams = new Set(result.assignments.map((a) => a.examinerIds.join()));
		expect(teams.size).toBe(2);
		expect(assignmentStats(input, result.assignments).splits).toBe(0);
		// The lead is the same person for both entries of a team.
		const leadOf = new Map<string, Set<string>>();
		for (const a of result.assignments) leadOf.set(a.examinerIds.join(), (leadOf.get(a.examinerIds.join()) ?? new Set()).add(a.leadId));
		for (const leads of leadOf.values()) expect(leads.size).toBe(1);
	});

	it.each([21, 22, 23])('keeps every team together on an ample random pool (seed %i)', (seed) => {
		const input = randomInput(seed, { ...MEDIUM, maxCapacity: 2, conflictShare: 0.05 });
		input.examiners.forEach((x) => (x.capacity = 2));
		const result = assignTeams(input);
		const stats = assignmentStats(input, result.assignments);
		expect(stats.covered).toBe(input.entries.length);
		expect(stats.splits).toBe(0);
	});

	it('puts colleagues from one organisation in different teams', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: ['e1', 'e2', 'e3', 'e4'].map((id) => entry(id, 'A', 'entrant')),
			examiners: ['a', 'a', 'b', 'b', 'c', 'c'].map((org, i) => examiner(`x${i}`, org, ['A'], { leadCapable: i % 2 === 0 })),
			conflicts: []
		};
		const result = assignTeams(input);
		expect(result.assignments).toHaveLength(4);
		expect(assignmentStats(input, result.assignments).organisationClashes).toBe(0);
	});

	it('spreads the load: with people to spare nobody takes a second entry', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: ['e1', 'e2', 'e3', 'e4'].map((id) => entry(id, 'A', 'entrant')),
			examiners: Array.from({ length: 12 }, (_, i) => examiner(`x${String(i).padStart(2, '0')}`, `o${i}`, ['A'], { leadCapable: i % 3 === 0 })),
			conflicts: []
		};
		const stats = assignmentStats(input, assignTeams(input).assignments);
		expect(stats.load).toEqual({ min: 1, median: 1, max: 1 });
	});
});

describe('assignTeams: shortfalls', () => {
	it('reports a class without any lead-capable examiner', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: [entry('a1', 'A', 'o0'), entry('a2', 'A', 'o0')],
			examiners: Array.from({ length: 6 }, (_, i) => examiner(`x${i}`, `o${i + 1}`, ['A'])),
			conflicts: []
		};
		expect(assignTeams(input)).toEqual({
			assignments: [],
			shortfalls: [{ classId: 'A', entriesUncovered: 2, examinersMissing: 1, leadsMissing: 1 }]
		});
	});

	it('reports too few examiners, per class', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: ['a1', 'a2', 'a3', 'a4'].map((id) => entry(id, 'A', 'o0')),
			examiners: ['x1', 'x2', 'x3'].map((id, i) => examiner(id, `o${i + 1}`, ['A'], { leadCapable: i === 0 })),
			conflicts: []
		};
		const result = assignTeams(input);
		expect(result.assignments).toHaveLength(2);
		// Two open entries need 6 seats and 2 leads; newcomers take 2 entries each (the pool's median).
		expect(result.shortfalls).toEqual([{ classId: 'A', entriesUncovered: 2, examinersMissing: 3, leadsMissing: 1 }]);
	});

	it('reports a class where everyone is conflicted', () => {
		const input: AssignInput = {
			teamSize: 3,
			entries: [entry('a1', 'A', 'same'), entry('a2', 'A', 'same'), entry('b1', 'B', 'other')],
			examiners: Array.from({ length: 6 }, (_, i) =>
				examiner(`x${i}`, i < 3 ? 'same' : `o${i}`, ['A', 'B'], { leadCapable: true, capacity: 1 })
			),
			conflicts: [3, 4, 5].map((i) => ({ examinerId: `x${i}`, entryId: 'a2' }))
		};
		const result = assignTeams(input);
		expectHardRules(input, result);
		expect(result.assignments.map((a) => a.entryId)).toEqual(['a1', 'b1']);
		expect(result.shortfalls).toEqual([{ classId: 'A', entriesUncovered: 1, examinersMissing: 3, leadsMissing: 1 }]);
	});

	it('accounts for every uncovered entry, and only in classes that lack people', () => {
		for (let seed = 1; seed <= 6; seed++) {
			const input = randomInput(seed, SCARCE);
			const result = assignTeams(input);
			const total = result.shortfalls.reduce((sum, s) => sum + s.entriesUncovered, 0);
			expect(total).toBe(input.entries.length - result.assignments.length);
			for (const s of result.shortfalls) {
				expect(s.entriesUncovered).toBeGreaterThan(0);
				expect(s.examinersMissing).toBeGreaterThanOrEqual(Math.max(1, s.leadsMissing));
			}
		}
	});
});
