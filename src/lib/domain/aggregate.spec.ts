import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks, rankEntries, type AggregateInput, type RankedEntry } from './aggregate';

type Score = AggregateInput['scores'][number];

/** One examiner's scores on one entry: `{ a: 70, b: 60 }` → two score rows. */
function scored(entryId: string, examinerId: string, byCriterion: Record<string, number>): Score[] {
	return Object.entries(byCriterion).map(([criterion, score]) => ({ entryId, examinerId, criterion, score }));
}

function byId(ranked: RankedEntry[]): Record<string, RankedEntry> {
	return Object.fromEntries(ranked.map((r) => [r.id, r]));
}

// Weights 2 : 1, so a total is (2a + b) / 3.
const criteria = [
	{ key: 'a', weight: 2 },
	{ key: 'b', weight: 1 }
];

describe('rankEntries: per-criterion statistics (docs/aggregation.md)', () => {
	const input: AggregateInput = {
		criteria,
		entries: [{ id: 'e1', classId: 'k' }],
		scores: [
			...scored('e1', 'x1', { a: 60, b: 50 }),
			...scored('e1', 'x2', { a: 70, b: 80 }),
			...scored('e1', 'x3', { a: 95 })
		]
	};

	it('computes n, mean, median, min, max, sample SD and spread', () => {
		const [e1] = rankEntries(input);
		// a: 60, 70, 95 → mean 75; deviations −15, −5, 20 → (225 + 25 + 400) / (3 − 1) = 325.
		expect(e1.criteria.a).toEqual({
			n: 3,
			mean: 75,
			median: 70,
			min: 60,
			max: 95,
			sd: Math.sqrt(325),
			spread: 35,
			divergent: true,
			consensus: null,
			used: 75
		});
		// b: 50, 80 → median is the mean of the middle two; SD √((15² + 15²) / 1) = √450.
		expect(e1.criteria.b).toMatchObject({ n: 2, mean: 65, median: 65, sd: Math.sqrt(450), spread: 30 });
		// (2 · 75 + 65) / 3
		expect(e1.total).toBeCloseTo(215 / 3, 12);
	});

	it('marks divergence when the spread reaches the threshold (≥, default 30)', () => {
		const [e1] = rankEntries(input);
		expect(e1.criteria.b.divergent).toBe(true); // spread exactly 30
		const [strict] = rankEntries({ ...input, divergenceThreshold: 31 });
		expect(strict.criteria.a.divergent).toBe(true);
		expect(strict.criteria.b.divergent).toBe(false);
	});

	it('gives a single score an SD and spread of 0', () => {
		const [e1] = rankEntries({ ...input, scores: scored('e1', 'x1', { a: 40, b: 55 }) });
		expect(e1.criteria.a).toMatchObject({ n: 1, mean: 40, median: 40, sd: 0, spread: 0, divergent: false });
	});
});

describe('rankEntries: ranks and order', () => {
	// Totals (2a + b) / 3: e-top 90, e-b and e-a 80 (tied), e-low 70; e-none lacks b.
	const input: AggregateInput = {
		criteria,
		entries: [
			{ id: 'e-none', classId: 'k' },
			{ id: 'e-low', classId: 'k' },
			{ id: 'e-b', classId: 'k' },
			{ id: 'e-top', classId: 'k' },
			{ id: 'e-a', classId: 'k' }
		],
		scores: [
			...scored('e-none', 'x1', { a: 100 }),
			...scored('e-low', 'x1', { a: 70, b: 70 }),
			...scored('e-b', 'x1', { a: 75, b: 90 }),
			...scored('e-top', 'x1', { a: 90, b: 90 }),
			...scored('e-a', 'x1', { a: 80, b: 80 })
		]
	};

	it('shares ranks between equal totals (1, 2, 2, 4) and breaks the tie in the order by id', () => {
		const ranked = rankEntries(input);
		expect(ranked.map((r) => [r.id, r.rank])).toEqual([
			['e-top', 1],
			['e-a', 2],
			['e-b', 2],
			['e-low', 4],
			['e-none', null]
		]);
		expect(byId(ranked)['e-b'].total).toBe(80);
	});

	it('leaves an entry with an unscored criterion incomplete, without total or rank, last', () => {
		const none = byId(rankEntries(input))['e-none'];
		expect(none).toMatchObject({ incomplete: true, total: null, rank: null, adjustedTotal: null, adjustedRank: null });
		expect(none.criteria.b).toEqual({
			n: 0,
			mean: null,
			median: null,
			min: null,
			max: null,
			sd: null,
			spread: null,
			divergent: false,
			consensus: null,
			used: null
		});
	});

	it('ranks each class on its own and lists classes by id', () => {
		const ranked = rankEntries({
			criteria,
			entries: [
				{ id: 'z1', classId: 'skola' },
				{ id: 'z2', classId: 'förskola' },
				{ id: 'z3', classId: 'skola' }
			],
			scores: [
				...scored('z1', 'x', { a: 50, b: 50 }),
				...scored('z2', 'x', { a: 10, b: 10 }),
				...scored('z3', 'x', { a: 60, b: 60 })
			]
		});
		expect(ranked.map((r) => [r.classId, r.id, r.rank])).toEqual([
			['förskola', 'z2', 1],
			['skola', 'z3', 1],
			['skola', 'z1', 2]
		]);
	});

	it('ties totals that are equal in exact arithmetic even when floating point rounds them apart', () => {
		// With the default weights, swapping the scores of two weight-15 criteria keeps the total;
		// summed in floating point these give 53.33333333333334 and 53.33333333333333.
		const model = [
			{ key: 'dialog', weight: 15 },
			{ key: 'leadership', weight: 15 },
			{ key: 'staff', weight: 15 },
			{ key: 'followup', weight: 15 },
			{ key: 'learning', weight: 10 },
			{ key: 'results', weight: 25 },
			{ key: 'equality', weight: 5 }
		];
		const sets: Record<string, number[]> = {
			dialog: [30, 100, 50],
			equality: [25, 10, 95],
			followup: [5, 50, 40],
			leadership: [30, 90, 55],
			learning: [45, 95, 5],
			results: [75, 75, 85],
			staff: [15, 0, 70]
		};
		const swapped = { ...sets, dialog: sets.staff, staff: sets.dialog };
		const rows = (entryId: string, s: Record<string, number[]>) =>
			[0, 1, 2].flatMap((x) => model.map(({ key }) => ({ entryId, examinerId: `x${x}`, criterion: key, score: s[key][x] })));
		const [p, q] = rankEntries({
			criteria: model,
			entries: [
				{ id: 'p', classId: 'k' },
				{ id: 'q', classId: 'k' }
			],
			scores: [...rows('p', sets), ...rows('q', swapped)]
		});
		expect(p.total).toBeCloseTo(q.total!, 12);
		expect([p.rank, q.rank]).toEqual([1, 1]);
	});

	it('competitionRanks: 1, 2, 2, 4 and no rank for a missing total', () => {
		expect(competitionRanks([70, 90, null, 80, 80])).toEqual([4, 1, null, 2, 2]);
		expect(competitionRanks([])).toEqual([]);
	});
});

describe('rankEntries: consensus', () => {
	const input: AggregateInput = {
		criteria,
		entries: [
			{ id: 'e1', classId: 'k', consensus: { a: 90 } },
			{ id: 'e2', classId: 'k', consensus: { b: 40 } }
		],
		scores: [
			...scored('e1', 'x1', { a: 60, b: 70 }),
			...scored('e1', 'x2', { a: 80, b: 70 }),
			...scored('e2', 'x1', { a: 60 })
		]
	};

	it('uses the consensus score instead of the mean, keeping the statistics of the scores', () => {
		const { e1 } = byId(rankEntries(input));
		expect(e1.criteria.a).toMatchObject({ mean: 70, consensus: 90, used: 90 });
		expect(e1.criteria.b).toMatchObject({ mean: 70, consensus: null, used: 70 });
		expect(e1.total).toBeCloseTo((2 * 90 + 70) / 3, 12);
	});

	it('completes an entry whose unscored criterion has a consensus score', () => {
		const { e2 } = byId(rankEntries(input));
		expect(e2.criteria.b).toMatchObject({ n: 0, mean: null, consensus: 40, used: 40 });
		expect(e2).toMatchObject({ incomplete: false, total: (2 * 60 + 40) / 3, rank: 2 });
	});

	it('leaves consensus out of the severity-adjusted total', () => {
		const { e1, e2 } = byId(rankEntries(input));
		// No examiner has 3 entries, so adjusted scores equal the scores: (2 · 70 + 70) / 3.
		expect(e1.adjustedTotal).toBeCloseTo(70, 12);
		expect(e2.adjustedTotal).toBeNull(); // b has no score
		expect(e2.adjustedRank).toBeNull();
	});
});

describe('rankEntries: severity adjustment', () => {
	const one = [{ key: 'a', weight: 1 }];
	const entries = ['e1', 'e2', 'e3'].map((id) => ({ id, classId: 'k' }));
	const row = (entryId: string, examinerId: string, score: number): Score => ({ entryId, examinerId, criterion: 'a', score });

	it('leaves the scores of examiners with fewer than 3 entries as they are', () => {
		const ranked = rankEntries({
			criteria,
			entries,
			scores: [
				...scored('e1', 'x1', { a: 20, b: 90 }),
				...scored('e2', 'x1', { a: 95, b: 10 }),
				...scored('e2', 'x2', { a: 55, b: 60 }),
				...scored('e3', 'x2', { a: 35, b: 40 })
			]
		});
		for (const r of ranked) {
			expect(r.adjustedTotal).toBe(r.total);
			expect(r.adjustedRank).toBe(r.rank);
		}
	});

	it('maps an examiner with ≥ 3 entries onto the pooled mean and SD', () => {
		// h: 40, 50, 60 on three entries (μᵢ 50, σᵢ² 200/3); l: 80, 90 on two (unchanged).
		// Pooled 40, 50, 60, 80, 90: μ 64, σ² 1720/5 = 344; σ/σᵢ = √(344 · 3 / 200) = √5.16 ≈ 2.27156.
		// h becomes 64 − 22.7156 = 41.2844, 64, 64 + 22.7156 = 86.7156.
		const ranked = byId(
			rankEntries({
				criteria: one,
				entries,
				scores: [row('e1', 'h', 40), row('e2', 'h', 50), row('e3', 'h', 60), row('e1', 'l', 80), row('e2', 'l', 90)]
			})
		);
		const k = Math.sqrt(5.16);
		expect(ranked.e1.adjustedTotal).toBeCloseTo((64 - 10 * k + 80) / 2, 10); // 60.6422
		expect(ranked.e2.adjustedTotal).toBeCloseTo((64 + 90) / 2, 10); // 77
		expect(ranked.e3.adjustedTotal).toBeCloseTo(64 + 10 * k, 10); // 86.7156
		// Raw totals 60, 70, 60 rank e2 first with e1 and e3 tied; adjusted, the harsh examiner's
		// best entry comes first.
		expect([ranked.e1.rank, ranked.e2.rank, ranked.e3.rank]).toEqual([2, 1, 2]);
		expect([ranked.e1.adjustedRank, ranked.e2.adjustedRank, ranked.e3.adjustedRank]).toEqual([3, 2, 1]);
	});

	it('maps every score of an examiner with zero SD to the pooled mean', () => {
		// z: 70 on three entries (σᵢ = 0); w: 40, 60. Pooled mean (3 · 70 + 40 + 60) / 5 = 62.
		const ranked = byId(
			rankEntries({
				criteria: one,
				entries,
				scores: [row('e1', 'z', 70), row('e2', 'z', 70), row('e3', 'z', 70), row('e1', 'w', 40), row('e2', 'w', 60)]
			})
		);
		expect(ranked.e1.adjustedTotal).toBeCloseTo((62 + 40) / 2, 12);
		expect(ranked.e2.adjustedTotal).toBeCloseTo((62 + 60) / 2, 12);
		expect(ranked.e3.adjustedTotal).toBeCloseTo(62, 12);
	});

	it('counts distinct entries, not scores, towards the 3', () => {
		// Two entries × 2 criteria = 4 scores, still fewer than 3 entries.
		const [e1, e2] = rankEntries({
			criteria,
			entries: entries.slice(0, 2),
			scores: [...scored('e1', 'x', { a: 10, b: 100 }), ...scored('e2', 'x', { a: 50, b: 0 })]
		});
		expect([e1.adjustedTotal, e2.adjustedTotal]).toEqual([e1.total, e2.total]);
	});

	it('clamps adjusted scores to 0–100', () => {
		// t: 90, 95, 100 (μᵢ 95, σᵢ² 50/3); u: 0, 10. Pooled μ 59, σ² 9820/5 = 1964.
		// t's 100 becomes 59 + √1964 · 5 / √(50/3) ≈ 113.28 → 100; its 90 becomes ≈ 4.72.
		const high = byId(
			rankEntries({
				criteria: one,
				entries,
				scores: [row('e1', 't', 90), row('e2', 't', 95), row('e3', 't', 100), row('e1', 'u', 0), row('e2', 'u', 10)]
			})
		);
		expect(high.e3.adjustedTotal).toBe(100);
		expect(high.e1.adjustedTotal).toBeCloseTo((59 - (Math.sqrt(1964) * 5) / Math.sqrt(50 / 3) + 0) / 2, 10);
		// Mirrored: t: 0, 5, 10; u: 90, 100. t's 0 becomes 41 − 54.28 < 0 → 0.
		const low = byId(
			rankEntries({
				criteria: one,
				entries,
				scores: [row('e1', 't', 0), row('e2', 't', 5), row('e3', 't', 10), row('e1', 'u', 90), row('e2', 'u', 100)]
			})
		);
		expect(low.e1.adjustedTotal).toBe((0 + 90) / 2);
	});
});

describe('rankEntries: input it does not trust', () => {
	it('ignores scores for unknown entries and criteria', () => {
		const [e1] = rankEntries({
			criteria,
			entries: [{ id: 'e1', classId: 'k' }],
			scores: [
				...scored('e1', 'x', { a: 50, b: 50, unknown: 0 }),
				...scored('gone', 'x', { a: 0, b: 0 }),
				{ entryId: 'e1', examinerId: 'y', criterion: 'a', score: Number.NaN }
			]
		});
		expect(e1.total).toBe(50);
		expect(e1.criteria.a.n).toBe(1);
		expect(Object.keys(e1.criteria)).toEqual(['a', 'b']);
	});

	it('refuses duplicate criteria or entries and weights that are not positive', () => {
		const entries = [{ id: 'e1', classId: 'k' }];
		expect(() => rankEntries({ criteria: [...criteria, criteria[0]], entries, scores: [] })).toThrow(RangeError);
		expect(() => rankEntries({ criteria, entries: [...entries, ...entries], scores: [] })).toThrow(RangeError);
		expect(() => rankEntries({ criteria: [{ key: 'a', weight: 0 }], entries, scores: [] })).toThrow(RangeError);
	});

	it('returns every entry, even with no scores at all', () => {
		const ranked = rankEntries({ criteria, entries: [{ id: 'e1', classId: 'k' }], scores: [] });
		expect(ranked).toHaveLength(1);
		expect(ranked[0]).toMatchObject({ incomplete: true, rank: null });
		expect(rankEntries({ criteria, entries: [], scores: [] })).toEqual([]);
	});
});

describe('rankEntries: properties', () => {
	// Small cycles with few distinct scores, so ties, incomplete entries, consensus and examiners on
	// ≥ 3 entries all turn up often.
	const score = fc.oneof(fc.constantFrom(60, 70, 80), fc.integer({ min: 0, max: 20 }).map((v) => v * 5));
	// A consensus score on about one criterion in five.
	const consensus = fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: score, weight: 1 });
	const cycle = fc
		.record({
			weights: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
			entries: fc.array(
				fc.record({
					classId: fc.constantFrom('k1', 'k2', 'k3'),
					consensus: fc.array(consensus, { minLength: 4, maxLength: 4 })
				}),
				{ minLength: 1, maxLength: 12 }
			),
			scores: fc.array(
				fc.record({ entry: fc.nat(11), examiner: fc.nat(4), criterion: fc.nat(3), score }),
				{ maxLength: 100 }
			)
		})
		.map(({ weights, entries, scores }): AggregateInput => {
			const criteria = weights.map((weight, j) => ({ key: `c${j}`, weight }));
			const seen = new Set<string>();
			return {
				criteria,
				entries: entries.map((e, i) => ({
					id: `e${i}`,
					classId: e.classId,
					consensus: Object.fromEntries(
						criteria.flatMap(({ key }, j) => (e.consensus[j] === null ? [] : [[key, e.consensus[j]]]))
					)
				})),
				// One score per examiner, entry and criterion, as the database guarantees.
				scores: scores.flatMap((s) => {
					const row = {
						entryId: `e${s.entry % entries.length}`,
						examinerId: `x${s.examiner}`,
						criterion: `c${s.criterion % weights.length}`,
						score: s.score
					};
					const key = `${row.entryId}/${row.examinerId}/${row.criterion}`;
					if (seen.has(key)) return [];
					seen.add(key);
					return [row];
				})
			};
		});

	const permuted = cycle.chain((input) =>
		fc.record({
			input: fc.constant(input),
			shuffled: fc.record({
				criteria: fc.shuffledSubarray(input.criteria, { minLength: input.criteria.length }),
				entries: fc.shuffledSubarray(input.entries, { minLength: input.entries.length }),
				scores: fc.shuffledSubarray(input.scores, { minLength: input.scores.length })
			})
		})
	);

	it('gives the same result for any order of criteria, entries and scores', () => {
		fc.assert(
			fc.property(permuted, ({ input, shuffled }) => {
				expect(rankEntries(shuffled)).toEqual(rankEntries(input));
			}),
			{ numRuns: 300 }
		);
	});

	it('gives the same totals and ranks when every weight is scaled by one factor', () => {
		const factor = fc.oneof(fc.constantFrom(0.1, 3, 7.5, 1000), fc.double({ min: 0.01, max: 100, noNaN: true }));
		fc.assert(
			fc.property(cycle, factor, (input, k) => {
				const scaled = rankEntries({ ...input, criteria: input.criteria.map((c) => ({ ...c, weight: c.weight * k })) });
				const plain = rankEntries(input);
				const shape = (r: RankedEntry) => [r.id, r.incomplete, r.rank, r.adjustedRank];
				expect(scaled.map(shape)).toEqual(plain.map(shape));
				scaled.forEach((r, i) => {
					expect(r.total === null).toBe(plain[i].total === null);
					if (r.total !== null) expect(r.total).toBeCloseTo(plain[i].total!, 9);
					if (r.adjustedTotal !== null) expect(r.adjustedTotal).toBeCloseTo(plain[i].adjustedTotal!, 9);
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('ranks 1 + the number of better totals in the class, so equal totals share a rank', () => {
		fc.assert(
			fc.property(cycle, (input) => {
				const ranked = rankEntries(input);
				for (const r of ranked) {
					const peers = ranked.filter((o) => o.classId === r.classId && o.total !== null);
					if (r.total === null) {
						expect(r.rank).toBeNull();
						continue;
					}
					expect(r.rank).toBe(1 + peers.filter((o) => o.total! > r.total! + 1e-9).length);
					for (const o of peers) if (o.total === r.total) expect(o.rank).toBe(r.rank);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('gives an entry and its twin with the same scores the same total and rank', () => {
		fc.assert(
			fc.property(cycle, (input) => {
				const original = input.entries[0];
				const twin = { ...original, id: 'twin' };
				const twinScores = input.scores.filter((s) => s.entryId === original.id).map((s) => ({ ...s, entryId: twin.id }));
				const ranked = byId(rankEntries({ ...input, entries: [...input.entries, twin], scores: [...input.scores, ...twinScores] }));
				expect(ranked.twin.total).toBe(ranked[original.id].total);
				expect(ranked.twin.rank).toBe(ranked[original.id].rank);
				expect(ranked.twin.adjustedRank).toBe(ranked[original.id].adjustedRank);
			}),
			{ numRuns: 300 }
		);
	});
});
