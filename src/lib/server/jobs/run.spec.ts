import { afterEach, describe, expect, it } from 'vitest';
import { randomPool } from '../test-support/assign-pools';
import type { AssignInput } from '$lib/domain/assign';
import { jobKind, stopJobs } from './run';

const pool = (seed: number, entries = 4): AssignInput =>
	randomPool(seed, { entries, examiners: 2 * entries, classes: 2, organisations: 6, leadShare: 0.5, conflictShare: 0.05 });

afterEach(() => stopJobs());

// Each job starts a thread that loads the solver; on a busy machine that takes seconds.
describe('a job off the request thread', { timeout: 60_000 }, () => {
	it('runs the task in its own thread and hands its output to finish on this one', async () => {
		const finished: unknown[] = [];
		const kind = jobKind('optimiseAssignment', (plan, context: { label: string }) => {
			finished.push(context.label);
			return { teams: plan.assignments.length, proven: plan.proven };
		});
		const input = pool(1);
		expect(kind.state('a')).toBeNull();
		expect(kind.start('a', input, { label: 'first' })).toBe('started');
		expect(kind.state('a')).toMatchObject({ state: 'running', progress: null });
		await kind.settled('a');
		expect(kind.state('a')).toMatchObject({ state: 'done', result: { teams: 4, proven: expect.any(Boolean) } });
		expect(finished).toEqual(['first']);
	});

	it('joins the running job for the same input and refuses another input under the same key', async () => {
		let finishes = 0;
		const kind = jobKind('optimiseAssignment', () => ++finishes);
		expect(kind.start('cycle', pool(2), null)).toBe('started');
		expect(kind.start('cycle', pool(2), null)).toBe('joined');
		expect(kind.start('cycle', pool(3), null)).toBe('busy');
		// Another key is other work, and runs beside it.
		expect(kind.start('other', pool(3), null)).toBe('started');
		await Promise.all([kind.settled('cycle'), kind.settled('other')]);
		expect(finishes).toBe(2);
		expect(kind.state('cycle')).toMatchObject({ state: 'done', result: expect.any(Number) });
		// Once ended, the key may run again.
		expect(kind.start('cycle', pool(2), null)).toBe('started');
		await kind.settled('cycle');
		expect(finishes).toBe(3);
	});

	it('reports a task that fails, and finishes nothing', async () => {
		let finishes = 0;
		const kind = jobKind('optimiseAssignment', () => ++finishes);
		kind.start('broken', { teamSize: 3, entries: null, examiners: [], conflicts: [] } as unknown as AssignInput, null);
		await kind.settled('broken');
		expect(kind.state('broken')).toMatchObject({ state: 'failed', message: expect.any(String) });
		expect(finishes).toBe(0);
	});

	it('reports a failure of finish itself', async () => {
		const kind = jobKind('optimiseAssignment', () => {
			throw new Error('Förslaget kunde inte sparas.');
		});
		kind.start('write', pool(4), null);
		await kind.settled('write');
		expect(kind.state('write')).toMatchObject({ state: 'failed', message: 'Förslaget kunde inte sparas.' });
	});

	it('leaves no result when it is stopped halfway, as a restart does', async () => {
		let finishes = 0;
		const kind = jobKind('optimiseAssignment', () => ++finishes);
		kind.start('halfway', pool(5, 60), null);
		await new Promise((r) => setTimeout(r, 300));
		await stopJobs();
		expect(kind.state('halfway')).toMatchObject({ state: 'failed', message: 'Arbetet avbröts.' });
		await new Promise((r) => setTimeout(r, 200));
		expect(finishes).toBe(0);
	});

	it('keeps this thread free while the task works', async () => {
		const kind = jobKind('optimiseAssignment', (plan) => plan.assignments.length);
		let longestPause = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			longestPause = Math.max(longestPause, now - last);
			last = now;
		}, 10);
		kind.start('busy', pool(6, 60), null);
		await kind.settled('busy');
		clearInterval(ticker);
		expect(kind.state('busy')).toMatchObject({ state: 'done', result: 60 });
		expect(longestPause).toBeLessThan(250);
	});
});
