import { describe, expect, it } from 'vitest';
import { rankEntries, type AggregateInput } from './aggregate';
import { rankRobustness, topK, trimmedMean } from './robustness';

/** One criterion; each entry scored by its own team, so no examiner reaches the 3 entries that
 * trigger the severity adjustment and the adjusted scores are the scores themselves. */
function cycle(entries: { id: string; classId: string; scores: number[]; consensus?: number }[]): AggregateInput {
	return {
		criteria: [{ key: 'a', weight: 10 }],
		entries: entries.map(({ id, classId, consensus }) => ({ id, classId, ...(consensus === undefined ? {} : { consensus: { a: consensus } }) })),
		scores: entries.flatMap(({ id, scores }) =>
			scores.map((score, i) => ({ entryId: id, examinerId: `${id}-x${i}`, criterion: 'a', score }))
		)
	};
}

describe('topK', () => {
	it('is smaller than the class, at most three, and no claim at all for a class of one or two', () => {
		expect([0, 1, 2, 3, 4, 5, 40].map(topK)).toEqual([0, 0, 0, 2, 3, 3, 3]);
	});

	it('flags a change of the top two in a class of three, where a top three could not change', () => {
		const [k] = rankRobustness(
			cycle([
				{ id: 'a', classId: 'k', scores: [90, 90, 0] },
				{ id: 'b', classId: 'k', scores: [70, 70, 70] },
				{ id: 'c', classId: 'k', scores: [65, 65, 65] }
			])
		);
		// a: mean 60 (third), median 90 (first).
		expect(k.top).toBe(2);
		expect(k.rows.filter((r) => r.topChanges).map((r) => r.id)).toEqual(['c', 'a']);
	});
});

describe('rankRobustness', () => {
	const input = cycle([
		// mean 60, median 90: one examiner's 0 pulls the mean down.
		{ id: 'e1', classId: 'k1', scores: [90, 90, 0] },
		{ id: 'e2', classId: 'k1', scores: [70, 70, 70] },
		{ id: 'e3', classId: 'k1', scores: [65, 65, 65] },
		// the team agreed on 75 although their scores average 62: first in the official ranking.
		{ id: 'e4', classId: 'k1', scores: [62, 62, 62], consensus: 75 },
		// five scores: mean 57, median 45, trimmed (40 + 45 + 100) / 3 ≈ 61.67.
		{ id: 'e5', classId: 'k1', scores: [0, 40, 45, 100, 100] },
		{ id: 'f1', classId: 'k2', scores: [50] },
		{ id: 'f2', classId: 'k2', scores: [] }
	]);
	const [k1, k2] = rankRobustness(input);

	it('ranks each class under the official total, the median, the trimmed mean and the adjusted scores', () => {
		expect(k1.classId).toBe('k1');
		expect(k1.rows.map((r) => [r.id, r.ranks.mean, r.ranks.median, r.ranks.trimmed, r.ranks.adjusted])).toEqual([
			['e4', 1, 4, 4, 3],
			['e2', 2, 2, 2, 1],
			['e3', 3, 3, 3, 2],
			['e1', 4, 1, 1, 4],
			['e5', 5, 5, 5, 5]
		]);
	});

	it('gives the totals each rank is based on', () => {
		const e5 = k1.rows.find((r) => r.id === 'e5')!;
		expect(e5.totals.mean).toBeCloseTo(57, 12);
		expect(e5.totals.median).toBe(45);
		expect(e5.totals.trimmed).toBeCloseTo(185 / 3, 12);
		expect(e5.totals.adjusted).toBeCloseTo(57, 12);
		expect(k1.rows[0].totals).toMatchObject({ mean: 75, median: 62, trimmed: 62 });
	});

	it('speaks of the top three in a class of five, and of no top in a class of two', () => {
		expect(k1.top).toBe(3);
		expect(k2.top).toBe(0);
	});

	it('flags the entries that move into or out of the top three', () => {
		expect(k1.rows.filter((r) => r.topChanges).map((r) => r.id)).toEqual(['e4', 'e1']);
	});

	it('leaves an entry without a total unranked under every method, and unflagged', () => {
		expect(k2.rows).toEqual([
			{
				id: 'f1',
				ranks: { mean: 1, median: 1, trimmed: 1, adjusted: 1 },
				totals: { mean: 50, median: 50, trimmed: 50, adjusted: 50 },
				topChanges: false
			},
			{
				id: 'f2',
				ranks: { mean: null, median: null, trimmed: null, adjusted: null },
				totals: { mean: null, median: null, trimmed: null, adjusted: null },
				topChanges: false
			}
		]);
	});

	it('takes the mean and adjusted ranks from rankEntries unchanged', () => {
		const ranked = rankEntries(input);
		const rows = [k1, k2].flatMap((c) => c.rows);
		expect(rows.map((r) => [r.id, r.ranks.mean, r.ranks.adjusted])).toEqual(ranked.map((r) => [r.id, r.rank, r.adjustedRank]));
	});
});

describe('trimmedMean', () => {
	it('drops one highest and one lowest score from 3 or more', () => {
		// 0, 40, 45, 100, 100 → 40, 45, 100
		expect(trimmedMean({ n: 5, mean: 57, min: 0, max: 100 })).toBeCloseTo(185 / 3, 12);
		// 60, 70, 95 → 70, the median
		expect(trimmedMean({ n: 3, mean: 75, min: 60, max: 95 })).toBe(70);
	});

	it('is the plain mean below 3 scores, and null without any', () => {
		expect(trimmedMean({ n: 2, mean: 65, min: 50, max: 80 })).toBe(65);
		expect(trimmedMean({ n: 0, mean: null, min: null, max: null })).toBeNull();
	});
});
