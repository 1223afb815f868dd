/**
 * Assignment benchmark (docs/assignment.md): the proposal (`optimiseAssignment`) against the
 * engine it starts from (`planAssignment`, the baseline), measured in the same run.
 *
 * - City scale: seeded random pools like the award office's — 40, 100 and 300 entries in five
 *   classes, twice as many examiners from 14 organisations, capacity 1 or 2, 40 % lead-capable, 2 %
 *   declared conflicts. Solved exactly over blocks where the model fits (`MAX_MEMBER_COLUMNS`).
 * - National scale: 2,000 entries in five classes, 3,400 examiners from 30 organisations, every
 *   examiner declaring conflicts with 8 % of the entries (544,000 pairs); the target is ≤ 2 s.
 *
 * For each pool: the median time of both, wall-clock and processor (the machine is shared, so the
 * load average is printed too), each preference's count for both, and the bound the optimiser
 * proves (the plan is the best possible at a preference when its count meets the bound).
 * Run with `npm run bench assign`; `ASSIGN_NODES=n` sets the node limit per preference and
 * `ASSIGN_SECONDS=n` its wall-clock safety net, `ASSIGN_SCALES=40,national` chooses the pools,
 * `ASSIGN_RUNS` the runs per pool (3).
 */
import { loadavg } from 'node:os';
import { assignmentStats, planAssignment, type AssignInput } from '../src/lib/domain/assign.ts';
import { PREFERENCES } from '../src/lib/domain/assign/quality.ts';
import { NODES_PER_LEVEL, optimiseAssignment, SECONDS_PER_LEVEL, type OptimisedPlan } from '../src/lib/server/assignment/optimise.ts';
import { randomPool } from '../src/lib/server/test-support/assign-pools.ts';
import { seededRandom } from '../src/lib/domain/seeded-random.ts';

const secondsPerLevel = Number(process.env.ASSIGN_SECONDS ?? SECONDS_PER_LEVEL);
const nodesPerLevel = Number(process.env.ASSIGN_NODES ?? NODES_PER_LEVEL);
const scales = (process.env.ASSIGN_SCALES ?? '40,100,300,national').split(',');
const runs = Number(process.env.ASSIGN_RUNS ?? 3);
const pad = (i: number, width: number) => String(i).padStart(width, '0');

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

/** Median wall-clock and processor time: on a shared machine the two differ by the load. */
function timed<T>(runs: number, work: () => T): { result: T; ms: number; cpuMs: number } {
	const times: number[] = [];
	const cpuTimes: number[] = [];
	let result!: T;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const cpu = process.cpuUsage();
		result = work();
		const used = process.cpuUsage(cpu);
		times.push(performance.now() - started);
		cpuTimes.push((used.user + used.system) / 1000);
	}
	return { result, ms: median(times), cpuMs: median(cpuTimes) };
}

function nationalCycle(seed = 4): AssignInput {
	const [ENTRIES, EXAMINERS, CLASSES, ORGANISATIONS] = [2_000, 3_400, 5, 30];
	const random = seededRandom(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const classId = (c: number) => `class-${c + 1}`;
	const org = () => `org-${pad(pick(ORGANISATIONS) + 1, 2)}`;
	const entries = Array.from({ length: ENTRIES }, (_, i) => ({ id: `entry-${pad(i + 1, 4)}`, classId: classId(i % CLASSES), organisationId: org() }));
	const examiners = Array.from({ length: EXAMINERS }, (_, i) => {
		const first = pick(CLASSES);
		const classIds = [classId(first)];
		if (random() < 0.3) classIds.push(classId((first + 1 + pick(CLASSES - 1)) % CLASSES));
		return { id: `examiner-${pad(i + 1, 4)}`, organisationId: org(), classIds, capacity: 2, leadCapable: random() < 0.4 };
	});
	// Each examiner declares a distinct random 8 % of the entries: a partial Fisher–Yates shuffle.
	const perExaminer = Math.round(ENTRIES * 0.08);
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

function report(name: string, input: AssignInput, runs: number): void {
	console.log(`\n${name}: ${input.entries.length} entries, ${input.examiners.length} examiners, ${input.conflicts.length} declared conflicts`);
	const engine = timed(runs, () => planAssignment(input));
	const best = timed(runs, () => optimiseAssignment(input, { nodesPerLevel, secondsPerLevel }));
	const plan: OptimisedPlan = best.result;
	const before = assignmentStats(input, engine.result.assignments);
	const hard = assignmentStats(input, plan.assignments);
	console.log(`  engine (baseline)  median ${engine.ms.toFixed(0)} ms (processor ${engine.cpuMs.toFixed(0)} ms)`);
	console.log(
		`  optimiser          median ${best.ms.toFixed(0)} ms (processor ${best.cpuMs.toFixed(0)} ms; ${(best.ms / engine.ms).toFixed(1)}× the engine), ${plan.method}, ` +
			`${plan.proven ? 'proven optimal' : 'not proven'}; conflicts ${hard.conflicts}, over capacity ${hard.overCapacity}`
	);
	console.log(`  ${'preference'.padEnd(20)} ${'engine'.padStart(8)} ${'optimiser'.padStart(10)} ${'bound'.padStart(8)}  proven`);
	for (const level of plan.levels) {
		const p = level.preference;
		console.log(`  ${p.padEnd(20)} ${String(before[p]).padStart(8)} ${String(level.value).padStart(10)} ${String(level.bound).padStart(8)}  ${level.proven ? 'yes' : `no, gap ${Math.abs(level.value - level.bound)}${level.stoppedBy ? `, stopped by its ${level.stoppedBy === 'nodes' ? 'node limit' : 'wall-clock safety net'}` : ''}`}`);
	}
	if (PREFERENCES.some((p) => hard[p] !== plan.quality[p])) throw new Error('the plan is not counted as the optimiser reports it');
}

console.log(`assign: ${nodesPerLevel} nodes per preference, safety net ${secondsPerLevel} s; load average ${loadavg()[0].toFixed(1)}`);
for (const scale of scales) {
	if (scale === 'national') report('national', nationalCycle(), runs);
	else {
		const entries = Number(scale);
		report(`city ${entries}`, randomPool(entries, { entries, examiners: 2 * entries, classes: 5, organisations: 14, leadShare: 0.4, conflictShare: 0.02 }), runs);
	}
}
