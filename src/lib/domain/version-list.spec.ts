import { describe, expect, it } from 'vitest';
import { LATEST_KEPT, LISTED_VERSIONS, listedVersions } from './version-list';

const now = Date.parse('2026-03-10T15:00:00Z');
const MINUTE = 60_000;

/** A version saved `ago` ms before now, named by its age for the assertions. */
const saved = (ago: number) => ({ savedAt: now - ago, ago });
/** One version a second over `minutes` minutes, newest first, from `from` ms ago. */
const typing = (minutes: number, from = 0) => Array.from({ length: minutes * 60 }, (_, i) => saved(from + i * 1000));

describe('listedVersions', () => {
	it('lists every version while there are few', () => {
		const few = [saved(0), saved(1000), saved(2 * 3600_000), saved(5 * 86_400_000)];
		expect(listedVersions(few, now)).toEqual(few);
		expect(listedVersions([], now)).toEqual([]);
	});

	it('lists the latest ten as they are, then one version per five minutes of the last hour, the newest of each', () => {
		const listed = listedVersions(typing(60), now);
		expect(listed.slice(0, LATEST_KEPT).map((v) => v.ago)).toEqual(Array.from({ length: LATEST_KEPT }, (_, i) => i * 1000));
		const older = listed.slice(LATEST_KEPT);
		// Each is the newest version of its five minutes: the one saved just after the span before it ended.
		for (const v of older) expect(Math.floor(v.savedAt / (5 * MINUTE))).not.toBe(Math.floor((v.savedAt + 1000) / (5 * MINUTE)));
		expect(new Set(older.map((v) => Math.floor(v.savedAt / (5 * MINUTE)))).size).toBe(older.length);
		expect(older.at(-1)!.ago).toBeGreaterThan(55 * MINUTE);
	});

	it('reaches back over a day of typing and a week before it, one per hour and then one per day', () => {
		const day = Array.from({ length: 23 }, (_, h) => typing(10, (h + 1) * 3600_000)).flat();
		const week = Array.from({ length: 7 }, (_, d) => typing(5, (d + 1) * 86_400_000 + 3600_000)).flat();
		const listed = listedVersions([...typing(30), ...day, ...week], now);
		expect(listed).toHaveLength(LISTED_VERSIONS);
		const ages = listed.map((v) => v.ago);
		expect(ages).toEqual([...ages].sort((a, b) => a - b));
		// Past the latest ten, no two listed versions share an hour within the day or a day before it.
		const hours = listed.filter((v) => v.ago >= 3600_000 && v.ago < 86_400_000).map((v) => Math.floor(v.savedAt / 3600_000));
		expect(new Set(hours).size).toBe(hours.length);
		expect(hours.length).toBeGreaterThan(10);
	});

	it('shows the days before in Stockholm’s days', () => {
		// 23:30 and 00:30 Stockholm time (UTC+1 in March) are two days, though the same day in UTC.
		const lateEvening = { savedAt: Date.parse('2026-03-07T22:30:00Z'), ago: 0 };
		const pastMidnight = { savedAt: Date.parse('2026-03-07T23:30:00Z'), ago: 0 };
		const filler = Array.from({ length: LATEST_KEPT }, (_, i) => saved(i * 1000));
		expect(listedVersions([...filler, pastMidnight, lateEvening], now)).toContain(lateEvening);
	});
});
