/**
 * Assignment-engine benchmark (docs/assignment.md): a generated national-scale cycle — 2,000
 * entries in five classes, 3,400 examiners from 30 organisations, team size 3, capacity 2, and
 * every examiner declaring conflicts with 8 % of the entries (544,000 declared pairs, on top of the
 * implied same-organisation conflicts). Run with `npx tsx bench/assign.bench.ts`; the target is
 * ≤ 2 s.
 *
 * The generator is seeded (mulberry32), so every run measures the same cycle.
 */
import { assignmentStats, planAssignment, type AssignInput } from '../src/lib/domain/assign.ts';

const RUNS = 5;
const ENTRIES = 2_000;
const EXAMINERS = 3_400;
const CLASSES = 5;
const ORGANISATIONS = 30;
const CONFLICT_SHARE = 0.08;
/** Share of examiners trained as leads, and of examiners with a second class. */
const LEAD_SHARE = 0.4;
const SECOND_CLASS_SHARE = 0.3;

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pad = (i: number, width: number) => String(i).padStart(width, '0');

function generateAssignCycle(seed = 4): AssignInput {
	const random = mulberry32(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const classId = (c: number) => `class-${c + 1}`;
	const org = () => `org-${pad(pick(ORGANISATIONS) + 1, 2)}`;
	const entries = Array.from({ length: ENTRIES }, (_, i) => ({
		id: `entry-${pad(i + 1, 4)}`,
		classId: classId(i % CLASSES),
		organisationId: org()
	}));
	const examiners = Array.from({ length: EXAMINERS }, (_, i) => {
		const first = pick(CLASSES);
		const classIds = [classId(first)];
		if (random() < SECOND_CLASS_SHARE) classIds.push(classId((first + 1 + pick(CLASSES - 1)) % CLASSES));
		return { id: `examiner-${pad(i + 1, 4)}`, organisationId: org(), classIds, capacity: 2, leadCapable: random() < LEAD_SHARE };
	});
	// Each examiner declares a distinct random 8 % of the entries: a partial Fisher–Yates shuffle of
	// one shared index array, so generation stays linear in the number of conflicts.
	const perExaminer = Math.round(ENTRIES * CONFLICT_SHARE);
	const order = Int32Array.from({ length: ENTRIES }, (_, i) => i);
	const conflicts: AssignInput['conflicts'] = [];
	for (const examiner of examiners) {
		for (let j = 0; j < perExaminer; j++) {
			const r = j + pick(ENTRIES - j);
			[order[j], order[r]] = [order[r], order[j]];
			conflicts.push({ examinerId: examiner.id, entryId: entries[order[j]].id });
		}
	}
	return { teamSize: 3, entries, examiners, conflicts };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

const input = generateAssignCycle();
console.log(
	`assign: ${input.entries.length} entries, ${CLASSES} classes, ${input.examiners.length} examiners, ` +
		`${ORGANISATIONS} organisations, ${input.conflicts.length} declared conflicts, team size ${input.teamSize}`
);
const times: number[] = [];
const coldStart = performance.now();
let plan = planAssignment(input);
const cold = performance.now() - coldStart;
for (let i = 0; i < RUNS; i++) {
	const started = performance.now();
	plan = planAssignment(input);
	times.push(performance.now() - started);
}
const stats = assignmentStats(input, plan.assignments);
const { report } = plan;
console.log(`assign: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms (${RUNS} runs after a cold first run of ${cold.toFixed(0)} ms)`);
console.log(`  conflicts            ${stats.conflicts}`);
console.log(`  over capacity        ${stats.overCapacity}`);
console.log(
	`  uncovered entries    ${stats.entries - stats.covered} (covered ${report.covered}, bound ${report.coverageBound}, proof: ${report.coverageProof})`
);
console.log(`  expertise misses     ${stats.expertiseMisses} (lower bound ${report.missesBound})`);
console.log(`  splits               ${stats.splits} (teams beyond an examiner's first)`);
console.log(`  organisation clashes ${stats.organisationClashes} (members beyond the first of an organisation, per team)`);
console.log(`  load squares         ${stats.loadSquares}`);
console.log(`  load                 min ${stats.load.min} / median ${stats.load.median} / max ${stats.load.max}`);
console.log(`  shortfalls           ${plan.shortfalls.length === 0 ? 'none' : JSON.stringify(plan.shortfalls)}`);
