import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ALPHA_THRESHOLD,
	agreementByClass,
	agreementVerdict,
	alphaFromMatrix,
	coincidenceMatrix,
	krippendorffAlpha,
	type AlphaMetric
} from './krippendorff';

const _ = null;

/**
 * The worked example with missing data in K. Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability", Departmental Papers (ASC) 43, University of Pennsylvania,
 * https://repository.upenn.edu/asc_papers/43: 4 observers (A–D, rows) × 12 units (columns), values
 * 1–5. Published: nominal α = 0.743, interval α = 0.849. Unit 12 has a single value, so it is not
 * pairable and n = 40 pairable values remain.
 */
const KRIPPENDORFF_2011 = [
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
];

function unitsOf(matrix: (number | null)[][]): number[][] {
	return matrix[0].map((_, u) => matrix.flatMap((row) => (row[u] === null ? [] : [row[u]])));
}

describe('krippendorffAlpha: the worked example of Krippendorff (2011)', () => {
	it('matches the published interval alpha, 0.849', () => {
		expect(alphaFromMatrix(KRIPPENDORFF_2011, 'interval')).toBeCloseTo(0.849, 3);
	});

	it('matches the published nominal alpha, 0.743', () => {
		expect(alphaFromMatrix(KRIPPENDORFF_2011, 'nominal')).toBeCloseTo(0.743, 3);
	});

	it('builds the published coincidence matrix, n_c = 9, 13, 10, 5, 3 and n = 40', () => {
		const { values, o } = coincidenceMatrix(unitsOf(KRIPPENDORFF_2011));
		expect(values).toEqual([1, 2, 3, 4, 5]);
		const third = 1 / 3;
		const expected = [
			[7, 4 * third, third, third, 0],
			[4 * third, 10, 4 * third, third, 0],
			[third, 4 * third, 8, third, 0],
			[third, third, third, 4, 0],
			[0, 0, 0, 0, 3]
		];
		o.forEach((row, c) => row.forEach((cell, k) => expect(cell).toBeCloseTo(expected[c][k], 12)));
		const margins = o.map((row) => row.reduce((a, b) => a + b, 0));
		margins.forEach((m, c) => expect(m).toBeCloseTo([9, 13, 10, 5, 3][c], 12));
	});
});

describe('krippendorffAlpha', () => {
	it('works a small interval example by hand', () => {
		// Units {1, 2} and {3, 3}: Σ o·δ² = 1·1 + 1·1 = 2; n = 4, values 1, 2, 3, 3 with mean 2.25,
		// Σ n_c n_k δ² = 2n · Σ (v − 2.25)² = 8 · 2.75 = 22, so α = 1 − (4 − 1) · 2 / 22 = 8/11.
		expect(krippendorffAlpha([[1, 2], [3, 3]])).toBeCloseTo(8 / 11, 12);
	});

	it('is 1 for perfect agreement and negative for disagreement worse than chance', () => {
		expect(krippendorffAlpha([[10, 10], [50, 50, 50], [90, 90]])).toBe(1);
		// {0, 100} twice: Σ o·δ² = 4 · 100², Σ n_c n_k δ² = 8 · 4 · 50², α = 1 − 3 · 40000 / 80000.
		expect(krippendorffAlpha([[0, 100], [100, 0]])).toBeCloseTo(-0.5, 12);
	});

	it('ignores units with fewer than two values', () => {
		const units = unitsOf(KRIPPENDORFF_2011);
		expect(krippendorffAlpha([...units, [], [100]])).toBe(krippendorffAlpha(units));
	});

	it('is null when nothing is pairable or every value is the same', () => {
		expect(krippendorffAlpha([])).toBeNull();
		expect(krippendorffAlpha([[5], [7], []])).toBeNull();
		expect(krippendorffAlpha([[70, 70], [70, 70, 70]])).toBeNull();
	});

	it('reads ragged matrices with undefined and non-finite cells as missing', () => {
		expect(alphaFromMatrix([[1, 3, undefined], [1, Number.NaN], [2, 3, 4]])).toBe(
			krippendorffAlpha([[1, 1, 2], [3, 3], [4]])
		);
	});

	it('equals 1 − (n − 1) Σ o δ² / Σ n_c n_k δ² over the full coincidence matrix', () => {
		// The closed forms in krippendorffAlpha against the textbook double sum.
		const units = fc.array(fc.array(fc.integer({ min: 0, max: 20 }).map((v) => v * 5), { maxLength: 5 }), { maxLength: 30 });
		fc.assert(
			fc.property(units, fc.constantFrom<AlphaMetric>('interval', 'nominal'), (data, metric) => {
				const delta = (c: number, k: number) => (metric === 'interval' ? (c - k) ** 2 : c === k ? 0 : 1);
				const { values, o } = coincidenceMatrix(data);
				const margins = o.map((row) => row.reduce((a, b) => a + b, 0));
				const n = margins.reduce((a, b) => a + b, 0);
				let observed = 0;
				let expected = 0;
				values.forEach((c, i) =>
					values.forEach((k, j) => {
						observed += o[i][j] * delta(c, k);
						expected += margins[i] * margins[j] * delta(c, k);
					})
				);
				const alpha = krippendorffAlpha(data, metric);
				if (n === 0 || expected < 1e-9) expect(alpha).toBeNull();
				else expect(alpha).toBeCloseTo(1 - ((n - 1) * observed) / expected, 9);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('agreementByClass', () => {
	const row = (entryId: string, examinerId: string, criterion: string, score: number) => ({ entryId, examinerId, criterion, score });
	const rows = agreementByClass({
		criteria: [
			{ key: 'b', weight: 1 },
			{ key: 'a', weight: 1 }
		],
		entries: [
			{ id: 'e3', classId: 'k2' },
			{ id: 'e1', classId: 'k1' },
			{ id: 'e2', classId: 'k1' }
		],
		scores: [
			// a: the examiners agree on each entry.
			row('e1', 'x', 'a', 60),
			row('e1', 'y', 'a', 60),
			row('e2', 'x', 'a', 80),
			row('e2', 'y', 'a', 80),
			// b: they swap 40 and 90, worse than chance: α = −0.5 as in {0, 100}, {100, 0}.
			row('e1', 'x', 'b', 40),
			row('e1', 'y', 'b', 90),
			row('e2', 'x', 'b', 90),
			row('e2', 'y', 'b', 40),
			row('e3', 'x', 'a', 70),
			// ignored: unknown criterion, unknown entry
			row('e1', 'z', 'c', 0),
			row('gone', 'z', 'a', 0)
		]
	});

	it('computes interval alpha per class (by id) and criterion (in model order)', () => {
		expect(rows).toEqual([
			{ classId: 'k1', criterion: 'b', alpha: expect.closeTo(-0.5, 12), pairableEntries: 2, pairableValues: 4, verdict: 'too-few' },
			{ classId: 'k1', criterion: 'a', alpha: 1, pairableEntries: 2, pairableValues: 4, verdict: 'too-few' },
			{ classId: 'k2', criterion: 'b', alpha: null, pairableEntries: 0, pairableValues: 0, verdict: 'too-few' },
			{ classId: 'k2', criterion: 'a', alpha: null, pairableEntries: 0, pairableValues: 0, verdict: 'too-few' }
		]);
	});

	it('flags below 0.667, the lowest level Krippendorff accepts even for tentative conclusions', () => {
		expect(ALPHA_THRESHOLD).toBe(0.667);
	});
});

describe('agreementVerdict', () => {
	it('gives no verdict below five entries or ten scores, whatever alpha is', () => {
		expect(agreementVerdict(0.1, 4, 12)).toBe('too-few');
		expect(agreementVerdict(0.95, 4, 12)).toBe('too-few');
		expect(agreementVerdict(0.1, 5, 9)).toBe('too-few');
		expect(agreementVerdict(null, 2, 6)).toBe('too-few');
	});

	it('judges alpha against 0.667 from five entries and ten scores on', () => {
		expect(agreementVerdict(0.66, 5, 10)).toBe('low');
		expect(agreementVerdict(0.667, 5, 10)).toBe('ok');
		expect(agreementVerdict(null, 5, 15)).toBe('none');
	});

	it('is right to withhold one for two entries: examiners five points apart read as worse than chance', () => {
		const alpha = krippendorffAlpha([[60, 65, 60], [65, 60, 65]])!;
		expect(alpha).toBeLessThan(0);
		expect(agreementVerdict(alpha, 2, 6)).toBe('too-few');
	});

	it('gives a verdict on a class of five entries whose examiners agree closely', () => {
		const units = [[20, 25, 20], [40, 40, 45], [60, 55, 60], [75, 80, 75], [90, 90, 95]];
		const alpha = krippendorffAlpha(units)!;
		expect(alpha).toBeGreaterThan(0.9);
		expect(agreementVerdict(alpha, 5, 15)).toBe('ok');
	});
});
