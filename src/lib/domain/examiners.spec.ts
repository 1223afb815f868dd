import { describe, expect, it } from 'vitest';
import { examinerSeverity, examinerTotals } from './examiners';

const criteria = [
	{ key: 'a', weight: 3 },
	{ key: 'b', weight: 1 }
];

describe('examinerTotals', () => {
	it('weights each examiner’s own scores like the total, and leaves an unscored criterion without total', () => {
		const totals = examinerTotals(criteria, [
			{ entryId: 'e1', examinerId: 'x2', criterion: 'a', score: 60 },
			{ entryId: 'e1', examinerId: 'x2', criterion: 'b', score: 100 },
			{ entryId: 'e1', examinerId: 'x1', criterion: 'a', score: 80 },
			{ entryId: 'e1', examinerId: 'x1', criterion: 'b', score: 40 },
			{ entryId: 'e2', examinerId: 'x1', criterion: 'a', score: 50 },
			{ entryId: 'e2', examinerId: 'x1', criterion: 'unknown', score: 90 }
		]);
		// (3·80 + 40) / 4 = 70; (3·60 + 100) / 4 = 70; e2 lacks b.
		expect(totals.get('e1')).toEqual([
			{ examinerId: 'x1', total: 70 },
			{ examinerId: 'x2', total: 70 }
		]);
		expect(totals.get('e2')).toEqual([{ examinerId: 'x1', total: null }]);
	});
});

describe('examinerSeverity', () => {
	it('gives each examiner’s mean and population SD against the pooled mean, strictest first', () => {
		const scores = [
			// x1 on three entries: 40, 50, 60 → mean 50, population SD √(200/3).
			{ entryId: 'e1', examinerId: 'x1', score: 40 },
			{ entryId: 'e2', examinerId: 'x1', score: 50 },
			{ entryId: 'e3', examinerId: 'x1', score: 60 },
			// x2 on one entry: 70, 90 → mean 80, SD 10.
			{ entryId: 'e1', examinerId: 'x2', score: 70 },
			{ entryId: 'e1', examinerId: 'x2', score: 90 }
		];
		const report = examinerSeverity(scores);
		// All five: 310 / 5 = 62; Σs² = 1600 + 2500 + 3600 + 4900 + 8100 = 20700 → 4140 − 3844 = 296.
		expect(report.overall.n).toBe(5);
		expect(report.overall.mean).toBe(62);
		expect(report.overall.sd).toBeCloseTo(Math.sqrt(296), 10);
		expect(report.examiners.map((x) => x.examinerId)).toEqual(['x1', 'x2']);
		expect(report.examiners[0]).toMatchObject({ n: 3, entries: 3, mean: 50, difference: -12, adjusted: true });
		expect(report.examiners[0].sd).toBeCloseTo(Math.sqrt(200 / 3), 10);
		expect(report.examiners[1]).toMatchObject({ n: 2, entries: 1, mean: 80, sd: 10, difference: 18, adjusted: false });
	});

	it('has no overall mean without scores', () => {
		expect(examinerSeverity([])).toEqual({ overall: { n: 0, mean: null, sd: null }, examiners: [] });
	});
});
