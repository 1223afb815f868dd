/**
 * What the team proposal's solve costs everyone else (docs/architecture.md § 7): while a
 * 100-entry pool solves, a simple page request (the teams page's plan, ./proposal-solve-server.ts)
 * is sent every 50 ms and timed until the solve ends. Three phases in the same run against the same
 * server process: no solve (the baseline), the solve on the request thread (as before), and the
 * solve as a job off the thread (as now). For each: median and p95 of the request's time, their
 * ratio to the baseline, and how long the solve took. Run with `npm run bench -- proposal-solve`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { median, percentile } from './server';

const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000);
const EVERY_MS = 50;

const child = spawn('npx', ['tsx', 'bench/proposal-solve-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) => {
	createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
});
const origin = `http://127.0.0.1:${port}`;

async function timedPage(): Promise<number> {
	const started = performance.now();
	await (await fetch(`${origin}/page`)).text();
	return performance.now() - started;
}

/** Page requests every EVERY_MS, each timed, until `until` settles. */
async function sample(until: Promise<unknown>): Promise<number[]> {
	let ended = false;
	void until.finally(() => (ended = true));
	const pending: Promise<number>[] = [];
	while (!ended) {
		pending.push(timedPage());
		await new Promise((r) => setTimeout(r, EVERY_MS));
	}
	return Promise.all(pending);
}

async function solve(how: 'thread' | 'job'): Promise<{ times: number[]; solveMs: number }> {
	const started = performance.now();
	const solved = fetch(`${origin}/solve/${how}`, { method: 'POST' }).then((r) => r.text());
	const times = await sample(solved);
	await solved;
	return { times, solveMs: performance.now() - started };
}

// Warm up: the first solve loads HiGHS, the first job its thread's code.
for (let i = 0; i < 20; i++) await timedPage();
const idle = await sample(new Promise((r) => setTimeout(r, IDLE_MS)));
const onThread = await solve('thread');
const asJob = await solve('job');
child.kill();

const base = median(idle);
const line = (name: string, times: number[], solveMs?: number) => {
	const m = median(times);
	const p95 = percentile(times, 95);
	console.log(
		`  ${name.padEnd(30)} ${String(times.length).padStart(4)} requests  median ${m.toFixed(1).padStart(8)} ms (${(m / base).toFixed(1)}×)  p95 ${p95.toFixed(1).padStart(8)} ms (${(p95 / percentile(idle, 95)).toFixed(1)}×)${solveMs ? `  solve ${(solveMs / 1000).toFixed(1)} s` : ''}`
	);
};
console.log(`Teams page's plan, one request every ${EVERY_MS} ms, while a 100-entry proposal solves:`);
line('no solve (baseline)', idle);
line('solve on the request thread', onThread.times, onThread.solveMs);
line('solve as a job off the thread', asJob.times, asJob.solveMs);
