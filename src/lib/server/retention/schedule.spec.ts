import { describe, expect, it } from 'vitest';
import { msUntilNext } from '../schedule/daily';
import { retentionScheduleTime } from './schedule';

describe('the retention schedule', () => {
	it('is off without the setting and reads a time of day', () => {
		expect(retentionScheduleTime({})).toEqual({ ok: true, time: null });
		expect(retentionScheduleTime({ RETENTION_DAILY_AT: ' 03:30 ' })).toEqual({ ok: true, time: { hour: 3, minute: 30 } });
	});

	it('refuses a value that is no time of day, in Swedish', () => {
		for (const bad of ['3:30', '24:00', '12:60', 'nightly']) {
			expect(retentionScheduleTime({ RETENTION_DAILY_AT: bad })).toEqual({ ok: false, message: expect.stringContaining('RETENTION_DAILY_AT ska vara en tid') });
		}
	});

	it('waits until the time today, or tomorrow once it has passed', () => {
		const now = new Date(2027, 2, 10, 2, 0, 0);
		expect(msUntilNext({ hour: 3, minute: 30 }, now)).toBe(90 * 60_000);
		expect(msUntilNext({ hour: 2, minute: 0 }, now)).toBe(24 * 3_600_000);
	});
});
