/**
 * The server side of ./proposal-solve.bench.ts, in a process of its own so that the bench's clock
 * never waits on it: the demo year in registration in memory, and three routes. `GET /page` reads
 * the teams page's plan (`loadPlan`), a simple page's work; `POST /solve/thread` solves a 100-entry
 * pool on the request thread, as the proposal did before; `POST /solve/job` solves it as a job off
 * the thread (`jobs/run.ts`), as the proposal does now. Prints its port once it listens.
 */
import { createServer } from 'node:http';
import { createTestDatabase } from '../src/lib/server/test-support/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import { getCycleByYear } from '../src/lib/server/cycles/lookup';
import { loadPlan } from '../src/lib/server/assignment/plan';
import { optimiseAssignment } from '../src/lib/server/assignment/optimise';
import { jobKind } from '../src/lib/server/jobs/run';
import { randomPool } from '../src/lib/server/test-support/assign-pools';

seedDemo(createTestDatabase(), { phase: 'registration', passwordHash: 'x' });
const cycleId = getCycleByYear(2026)!.id;
const pool = randomPool(100, { entries: 100, examiners: 200, classes: 5, organisations: 14, leadShare: 0.4, conflictShare: 0.02 });
const solves = jobKind('optimiseAssignment', (plan) => plan.assignments.length);

const server = createServer(async (request, response) => {
	const started = performance.now();
	let body: string;
	if (request.url === '/page') body = JSON.stringify(loadPlan(cycleId));
	else if (request.url === '/solve/thread') body = String(optimiseAssignment(pool).assignments.length);
	else {
		solves.start('bench', pool, null);
		await solves.settled('bench');
		const state = solves.state('bench');
		body = state?.state === 'done' ? String(state.result) : 'failed';
	}
	response.setHeader('x-work-ms', (performance.now() - started).toFixed(0));
	response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
