import { describe, expect, it } from 'vitest';
import { compareIsoDays, formatDaySv, isIsoDay, stockholmDay } from './dates';

describe('isIsoDay', () => {
	it.each(['2024-06-30', '2024-02-29', '2000-02-29', '1999-12-31', '2024-01-01'])('accepts %s', (day) => {
		expect(isIsoDay(day)).toBe(true);
	});

	it.each([
		'2023-02-29',
		'1900-02-29',
		'2024-04-31',
		'2024-13-01',
		'2024-00-10',
		'2024-06-00',
		'2024-6-30',
		'24-06-30',
		'2024-06-30T00:00:00Z',
		' 2024-06-30',
		'30/06/2024',
		''
	])('rejects %j', (day) => {
		expect(isIsoDay(day)).toBe(false);
	});

	it.each([null, undefined, 20240630, new Date('2024-06-30')])('rejects the non-string %s', (value) => {
		expect(isIsoDay(value)).toBe(false);
	});

	it('agrees with the calendar of Date on every month 00–13 and day 00–32 of 1896–2104', () => {
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		for (let year = 1896; year <= 2104; year++) {
			for (let month = 0; month <= 13; month++) {
				for (let day = 0; day <= 32; day++) {
					const date = new Date(Date.UTC(year, month - 1, day));
					const real = month >= 1 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
					expect(isIsoDay(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(real);
				}
			}
		}
	});
});

describe('compareIsoDays', () => {
	it('orders days in calendar order', () => {
		expect(compareIsoDays('2024-06-29', '2024-06-30')).toBeLessThan(0);
		expect(compareIsoDays('2024-06-30', '2024-06-30')).toBe(0);
		expect(compareIsoDays('2024-07-01', '2024-06-30')).toBeGreaterThan(0);
		expect(compareIsoDays('2023-12-31', '2024-01-01')).toBeLessThan(0);
		expect(compareIsoDays('2024-10-01', '2024-09-30')).toBeGreaterThan(0);
	});
});

describe('formatDaySv', () => {
	it('writes the day the Swedish way', () => {
		expect(formatDaySv('2024-06-30')).toBe('30 juni 2024');
		expect(formatDaySv('2024-05-07')).toBe('7 maj 2024');
		expect(formatDaySv('2025-01-01')).toBe('1 januari 2025');
		expect(formatDaySv('2025-12-24')).toBe('24 december 2025');
	});
});

describe('stockholmDay', () => {
	it('gives the Stockholm calendar day of an instant', () => {
		// 23:30 on 30 June in Stockholm (summer time, UTC+2).
		expect(stockholmDay(new Date('2024-06-30T21:30:00Z'))).toBe('2024-06-30');
		// 00:30 on 1 July in Stockholm, still 30 June in UTC.
		expect(stockholmDay(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
		// Winter time, UTC+1.
		expect(stockholmDay(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
		expect(stockholmDay(new Date('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
	});

	it('always yields an ISO day', () => {
		expect(isIsoDay(stockholmDay(new Date('2024-03-05T12:00:00Z')))).toBe(true);
	});
});
