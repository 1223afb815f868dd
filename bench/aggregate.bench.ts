/**
 * In-memory aggregation benchmark: 10,000 entries in 5 classes × 3 examiners × 7 criteria
 * (210,000 scores) through `rankEntries`, the robustness table and the agreement table.
 * Run with `npx tsx bench/aggregate.bench.ts`. The database half, bench/ranking-db.bench.ts, reuses
 * `generateCycle` from ./generate-scores.ts.
 */
import { rankEntries } from '../src/lib/domain/aggregate';
import { agreementByClass } from '../src/lib/domain/krippendorff';
import { rankRobustness } from '../src/lib/domain/robustness';
import { generateCycle } from './generate-scores';

const RUNS = 7;
const WARM_UP = 3;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

/** Wall-clock and CPU milliseconds per run; CPU time shows the cost when other work shares the machine. */
function time(run: () => unknown): { wall: number[]; cpu: number[] } {
	// Warm-up: V8 needs a few calls before the hot loops reach optimised code.
	for (let i = 0; i < WARM_UP; i++) run();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		run();
		const used = process.cpuUsage(cpuStarted);
		wall.push(performance.now() - started);
		cpu.push((used.user + used.system) / 1000);
	}
	return { wall, cpu };
}

function report(name: string, { wall, cpu }: { wall: number[]; cpu: number[] }): void {
	const ms = (v: number) => `${v.toFixed(1)} ms`;
	console.log(
		`${name.padEnd(16)} median ${ms(median(wall))} of ${RUNS} runs (min ${ms(Math.min(...wall))}, CPU median ${ms(median(cpu))})`
	);
}

const cycle = generateCycle();
console.log(
	`aggregate: ${cycle.entries.length} entries, ${cycle.classes.length} classes, ` +
		`${cycle.examiners.length} examiners, ${cycle.scores.length} scores`
);
report('rankEntries', time(() => rankEntries(cycle)));
report('rankRobustness', time(() => rankRobustness(cycle)));
report('agreementByClass', time(() => agreementByClass(cycle)));
