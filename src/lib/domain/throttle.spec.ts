import { describe, expect, it } from 'vitest';
import { THROTTLE, waitAfter, waitRemaining, type ThrottlePolicy } from './throttle';

const policy: ThrottlePolicy = { free: 3, firstWaitMs: 2_000, maxWaitMs: 60_000 };

describe('the wait after n attempts', () => {
	it('costs nothing for the free attempts, then doubles from the first wait up to the cap', () => {
		expect([0, 1, 2].map((n) => waitAfter(n, policy))).toEqual([0, 0, 0]);
		expect([3, 4, 5, 6, 7].map((n) => waitAfter(n, policy))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
		expect(waitAfter(8, policy)).toBe(60_000);
		expect(waitAfter(10_000, policy)).toBe(60_000);
	});

	it('never shrinks as attempts grow', () => {
		for (const p of Object.values(THROTTLE)) {
			for (let n = 1; n < 200; n++) expect(waitAfter(n, p)).toBeGreaterThanOrEqual(waitAfter(n - 1, p));
		}
	});

	it('counts from the last attempt, and is over once that long has passed', () => {
		const last = 1_000_000;
		expect(waitRemaining(4, last, policy, last)).toBe(4_000);
		expect(waitRemaining(4, last, policy, last + 1_500)).toBe(2_500);
		expect(waitRemaining(4, last, policy, last + 4_000)).toBe(0);
		expect(waitRemaining(2, last, policy, last)).toBe(0);
	});
});

describe('the award’s policies', () => {
	it('start at seconds and stop at minutes', () => {
		for (const p of Object.values(THROTTLE)) {
			expect(p.firstWaitMs).toBeLessThanOrEqual(60_000);
			expect(p.maxWaitMs).toBeLessThanOrEqual(5 * 60_000);
		}
	});
});
