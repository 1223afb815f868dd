import { describe, expect, it } from 'vitest';
import { summarise } from './test-summary.mjs';

const counts = (passed: number, failed = 0, skipped = 0) => ({ passed, failed, skipped });

describe('the closing line of npm test', () => {
	it('adds up the suites that ran', () => {
		const summary = summarise([
			{ name: 'svelte-check', ok: true, counts: null },
			{ name: 'vitest', ok: true, counts: counts(700, 0, 2) },
			{ name: 'playwright', ok: true, counts: counts(48) }
		]);
		expect(summary).toEqual({ ok: true, lines: ['svelte-check: ok; vitest: ok; playwright: ok', 'Tests: 748 passed, 0 failed, 2 skipped'] });
	});

	it('counts a suite that could not start as failed, never "0 failed"', () => {
		const summary = summarise([
			{ name: 'svelte-check', ok: true, counts: null },
			{ name: 'vitest', ok: true, counts: counts(748) },
			{ name: 'playwright', ok: false, counts: null }
		]);
		expect(summary.ok).toBe(false);
		expect(summary.lines).toEqual([
			'svelte-check: ok; vitest: ok; playwright: DID NOT RUN',
			'Tests: 748 passed, 1 failed, 0 skipped (playwright did not run to the end, counted as failed)'
		]);
	});

	it('counts a crashed check, and a suite that failed with no failing test, the same way', () => {
		const summary = summarise([
			{ name: 'svelte-check', ok: false, counts: null },
			{ name: 'vitest', ok: false, counts: counts(10) },
			{ name: 'playwright', ok: false, counts: counts(5, 2) }
		]);
		expect(summary.lines[1]).toBe('Tests: 15 passed, 4 failed, 0 skipped (svelte-check, vitest did not run to the end, counted as failed)');
		expect(summary.lines[0]).toBe('svelte-check: DID NOT RUN; vitest: DID NOT RUN; playwright: FAILED');
	});
});
