import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './index';

describe('times of day', () => {
	// 17.10 UTC is 18.10 in Stockholm in winter and 19.10 in summer.
	const winter = new Date('2026-12-06T17:10:00Z');
	const summer = new Date('2026-06-06T17:10:00Z');

	it('are written 19.10 in Swedish and 19:10 in English, in Stockholm time', () => {
		expect(formatTime(summer, 'sv')).toBe('19.10');
		expect(formatTime(winter, 'sv')).toBe('18.10');
		expect(formatTime(summer, 'en')).toBe('19:10');
		expect(formatTime(new Date('2026-06-06T22:05:00Z'), 'sv')).toBe('00.05');
	});

	it('follow the day in the same way wherever a moment is shown', () => {
		expect(formatDateTime(winter, 'sv')).toBe('6 december 2026 kl. 18.10');
		expect(formatDateTime(winter, 'en')).toBe('6 December 2026, 18:10');
	});
});
