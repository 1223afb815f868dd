import { afterAll, beforeAll, vi } from 'vitest';
import { DEMO_REFERENCE_DAY, type DemoCalendarPhase } from '$lib/domain/demo-calendar';

/**
 * Runs a file's tests on the day a demo seeded without `today` stands on, so that rules reading the
 * clock see the year as the demo shows it: a draft still within its extension is awaited, not
 * overdue. Only `Date` is faked; timers and the proposal's threads run as usual.
 */
export function onDemoDay(phase: DemoCalendarPhase): void {
	beforeAll(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${DEMO_REFERENCE_DAY[phase]}T10:00:00Z`) });
	});
	afterAll(() => {
		vi.useRealTimers();
	});
}
