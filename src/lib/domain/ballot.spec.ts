import { describe, expect, it } from 'vitest';
import { schulze, tallyVisible, tierPlaces, validateBallot, type Ballot } from './ballot';

/** Repeats one ranking for `count` voters; `order` is a string like 'ACBED' (no ties). */
function voters(count: number, order: string, prefix = order): Ballot[] {
	return Array.from({ length: count }, (_, i) => ({
		voterId: `${prefix}-${i}`,
		ranking: [...order].map((c) => [c])
	}));
}

function matrix(ids: string, rows: number[][]): Record<string, Record<string, number>> {
	return Object.fromEntries([...ids].map((a, i) => [a, Object.fromEntries([...ids].map((b, j) => [b, rows[i][j]]))]));
}

describe('schulze: the 45-voter example (Schulze 2011; Wikipedia "Schulze method")', () => {
	const ballots = [
		...voters(5, 'ACBED'),
		...voters(5, 'ADECB'),
		...voters(8, 'BEDAC'),
		...voters(3, 'CABED'),
		...voters(7, 'CAEBD'),
		...voters(2, 'CBADE'),
		...voters(7, 'DCEBA'),
		...voters(8, 'EBADC')
	];
	const result = schulze(['A', 'B', 'C', 'D', 'E'], ballots);

	it('counts the published pairwise preferences', () => {
		expect(result.pairwise.A.B).toBe(20);
		expect(result.pairwise.B.A).toBe(25);
		expect(result.pairwise).toEqual(
			matrix('ABCDE', [
				[0, 20, 26, 30, 22],
				[25, 0, 16, 33, 18],
				[19, 29, 0, 17, 24],
				[15, 12, 28, 0, 14],
				[23, 27, 21, 31, 0]
			])
		);
	});

	it('finds the published strongest paths', () => {
		expect(result.strongest).toEqual(
			matrix('ABCDE', [
				[0, 28, 28, 30, 24],
				[25, 0, 28, 33, 24],
				[25, 29, 0, 29, 24],
				[25, 28, 28, 0, 24],
				[25, 28, 28, 31, 0]
			])
		);
	});

	it('orders E > A > C > B > D', () => {
		expect(result.order).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
	});

	it('gives the same order whatever the order of the candidate list', () => {
		expect(schulze(['D', 'C', 'B', 'A', 'E'], ballots).order).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
	});

	it('every pair of the matrices has every candidate, diagonal 0', () => {
		for (const a of 'ABCDE') {
			expect(Object.keys(result.pairwise[a]).sort()).toEqual([...'ABCDE']);
			expect(result.pairwise[a][a]).toBe(0);
			expect(result.strongest[a][a]).toBe(0);
		}
	});
});

describe('schulze: ties', () => {
	it('puts two candidates tied on every ballot in one tier, in input order', () => {
		const ballots: Ballot[] = [
			{ voterId: 'v1', ranking: [['A', 'B'], ['C']] },
			{ voterId: 'v2', ranking: [['B', 'A'], ['C']] }
		];
		expect(schulze(['A', 'B', 'C'], ballots).order).toEqual([['A', 'B'], ['C']]);
		expect(schulze(['B', 'C', 'A'], ballots).order).toEqual([['B', 'A'], ['C']]);
	});

	it('ties two candidates whose voters are split evenly', () => {
		const result = schulze(['A', 'B', 'C'], [...voters(2, 'ABC'), ...voters(2, 'BAC')]);
		expect(result.pairwise.A.B).toBe(2);
		expect(result.pairwise.B.A).toBe(2);
		expect(result.order).toEqual([['A', 'B'], ['C']]);
	});

	it('counts no preference between candidates in one tier', () => {
		const result = schulze(['A', 'B'], [{ voterId: 'v', ranking: [['A', 'B']] }]);
		expect(result.pairwise).toEqual(matrix('AB', [[0, 0], [0, 0]]));
	});

	it('ties every candidate when there are no ballots', () => {
		const result = schulze(['A', 'B', 'C'], []);
		expect(result.order).toEqual([['A', 'B', 'C']]);
		expect(result.pairwise).toEqual(matrix('ABC', [[0, 0, 0], [0, 0, 0], [0, 0, 0]]));
		expect(result.strongest).toEqual(matrix('ABC', [[0, 0, 0], [0, 0, 0], [0, 0, 0]]));
	});

	it('ties every candidate on mirrored ballots', () => {
		expect(schulze(['A', 'B', 'C'], [...voters(3, 'ABC'), ...voters(3, 'CBA')]).order).toEqual([['A', 'B', 'C']]);
	});

	it('ties every candidate in a perfectly balanced cycle', () => {
		const result = schulze(['A', 'B', 'C'], [...voters(1, 'ABC'), ...voters(1, 'BCA'), ...voters(1, 'CAB')]);
		expect(result.strongest).toEqual(matrix('ABC', [[0, 2, 2], [2, 0, 2], [2, 2, 0]]));
		expect(result.order).toEqual([['A', 'B', 'C']]);
	});

	it('ties every candidate when nobody ranked anything', () => {
		const result = schulze(['A', 'B'], [{ voterId: 'v', ranking: [] }]);
		expect(result.order).toEqual([['A', 'B']]);
	});

	it('returns nothing for no candidates', () => {
		expect(schulze([], voters(2, 'AB'))).toEqual({ order: [], pairwise: {}, strongest: {}, voters: [] });
	});

	it('names as voters those whose ballot ranks a candidate they may rank, and no one else', () => {
		const result = schulze(['A', 'B'], [
			{ voterId: 'ranks-a', ranking: [['X'], ['A']] },
			{ voterId: 'only-others', ranking: [['X'], ['Y']] },
			{ voterId: 'only-excluded', ranking: [['B']], excluded: ['B'] },
			{ voterId: 'nothing', ranking: [] }
		]);
		expect(result.voters).toEqual(['ranks-a']);
		expect(result.pairwise).toEqual(matrix('AB', [[0, 1], [0, 0]]));
	});

	it('places a candidate nobody beats in the top tier even when it beats nobody', () => {
		// A beats C; B has no counted pairs at all, so nothing beats it either.
		const result = schulze(['A', 'B', 'C'], [{ voterId: 'v', ranking: [['A'], ['C']], excluded: ['B'] }]);
		expect(result.order).toEqual([['A', 'B'], ['C']]);
	});
});

describe('schulze: a conflicted voter', () => {
	it('does not count pairs involving the excluded candidate', () => {
		const result = schulze(['A', 'B', 'C'], [{ voterId: 'v', ranking: [['A'], ['B'], ['C']], excluded: ['A'] }]);
		expect(result.pairwise).toEqual(matrix('ABC', [[0, 0, 0], [0, 0, 1], [0, 0, 0]]));
	});

	it('does not rank the excluded candidate below when it is left out', () => {
		const result = schulze(['A', 'B', 'C'], [{ voterId: 'v', ranking: [['B']], excluded: ['A'] }]);
		expect(result.pairwise.B.A).toBe(0);
		expect(result.pairwise.B.C).toBe(1);
	});

	it('changes the outcome only through the pairs that remain', () => {
		const ballots: Ballot[] = [
			{ voterId: 'v1', ranking: [['B'], ['A']] },
			{ voterId: 'v2', ranking: [['A'], ['B']], excluded: ['A'] }
		];
		expect(schulze(['A', 'B'], ballots).order).toEqual([['B'], ['A']]);
		expect(schulze(['A', 'B'], ballots.map((b) => ({ ...b, excluded: undefined }))).order).toEqual([['A', 'B']]);
	});

	it('still counts the other voters on the excluded candidate', () => {
		const ballots: Ballot[] = [
			...voters(2, 'ABC'),
			{ voterId: 'conflicted', ranking: [['C'], ['B'], ['A']], excluded: ['A'] }
		];
		const result = schulze(['A', 'B', 'C'], ballots);
		expect(result.pairwise.A.B).toBe(2);
		expect(result.pairwise.B.A).toBe(0);
		expect(result.pairwise.C.B).toBe(1);
		expect(result.pairwise.B.C).toBe(2);
	});
});

describe('schulze: partial ballots and stray names', () => {
	it('ranks left-out candidates below all ranked ones, tied with each other', () => {
		const result = schulze(['A', 'B', 'C'], [{ voterId: 'v', ranking: [['B']] }]);
		expect(result.pairwise).toEqual(matrix('ABC', [[0, 0, 0], [1, 0, 1], [0, 0, 0]]));
		expect(result.order).toEqual([['B'], ['A', 'C']]);
	});

	it('lets a ranked candidate beat the left-out ones across ballots', () => {
		const ballots: Ballot[] = [
			{ voterId: 'v1', ranking: [['C']] },
			{ voterId: 'v2', ranking: [['C'], ['A']] },
			{ voterId: 'v3', ranking: [['A'], ['C'], ['B']] }
		];
		const result = schulze(['A', 'B', 'C'], ballots);
		expect(result.pairwise.C.A).toBe(2);
		expect(result.pairwise.A.B).toBe(2);
		expect(result.order).toEqual([['C'], ['A'], ['B']]);
	});

	it('ignores names that are not candidates', () => {
		const result = schulze(['A', 'B'], [{ voterId: 'v', ranking: [['X'], ['A'], ['B', 'Y']] }]);
		expect(result.pairwise).toEqual(matrix('AB', [[0, 1], [0, 0]]));
	});

	it('counts a candidate listed twice at its best tier', () => {
		const result = schulze(['A', 'B'], [{ voterId: 'v', ranking: [['B'], ['A'], ['B']] }]);
		expect(result.pairwise.B.A).toBe(1);
		expect(result.pairwise.A.B).toBe(0);
	});

	it('treats empty tiers as absent', () => {
		const result = schulze(['A', 'B'], [{ voterId: 'v', ranking: [[], ['A'], [], ['B']] }]);
		expect(result.pairwise).toEqual(matrix('AB', [[0, 1], [0, 0]]));
	});

	it('collapses duplicate candidate ids', () => {
		const result = schulze(['A', 'B', 'A'], voters(1, 'AB'));
		expect(result.order).toEqual([['A'], ['B']]);
		expect(Object.keys(result.pairwise)).toEqual(['A', 'B']);
	});
});

describe('schulze: properties on random ballots', () => {
	// A small deterministic generator keeps failures reproducible.
	function random(seed: number) {
		return () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
	}

	function randomBallots(next: () => number, ids: string[], count: number): Ballot[] {
		return Array.from({ length: count }, (_, v) => {
			const ranked = ids.filter(() => next() < 0.8).sort(() => next() - 0.5);
			const ranking: string[][] = [];
			for (const id of ranked) {
				if (ranking.length > 0 && next() < 0.3) ranking[ranking.length - 1].push(id);
				else ranking.push([id]);
			}
			const excluded = next() < 0.2 ? [ids[Math.floor(next() * ids.length)]] : undefined;
			return { voterId: `v${v}`, ranking, excluded };
		});
	}

	it('orders tiers consistently with the Schulze relation', () => {
		const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
		const next = random(7);
		for (let round = 0; round < 200; round++) {
			const { order, strongest: p } = schulze(ids, randomBallots(next, ids, 1 + Math.floor(next() * 9)));
			const beats = (a: string, b: string) => p[a][b] > p[b][a];
			expect(order.flat().sort()).toEqual(ids);
			order.forEach((tier, i) => {
				for (const a of tier) {
					// No one in the same tier or a later one beats a candidate.
					for (const b of order.slice(i).flat()) expect(beats(b, a)).toBe(false);
				}
			});
			for (const a of ids) for (const b of ids) for (const c of ids) {
				if (beats(a, b) && beats(b, c)) expect(beats(a, c)).toBe(true);
			}
		}
	});
});

describe('tierPlaces', () => {
	it('gives tied candidates the same place and skips the places they fill', () => {
		expect([...tierPlaces([['a'], ['b', 'c'], ['d']])]).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4]]);
		expect(tierPlaces([]).size).toBe(0);
	});
});

describe('tallyVisible', () => {
	it('hides the tally from a member who has not voted while it is not opened and decisions are open', () => {
		expect(tallyVisible({ ownBallot: false, opened: false, closed: false })).toBe(false);
	});

	it('shows it after the member’s own ballot, once the chair opens it, or once the decisions are closed', () => {
		expect(tallyVisible({ ownBallot: true, opened: false, closed: false })).toBe(true);
		expect(tallyVisible({ ownBallot: false, opened: true, closed: false })).toBe(true);
		expect(tallyVisible({ ownBallot: false, opened: false, closed: true })).toBe(true);
	});
});

describe('validateBallot', () => {
	const finalists = ['A', 'B', 'C'];

	it('accepts a ranking of finalists with ties and drops empty tiers', () => {
		expect(validateBallot([['A', 'C'], [], ['B']], finalists)).toEqual({ ok: true, ranking: [['A', 'C'], ['B']] });
	});

	it('accepts a subset of the finalists', () => {
		expect(validateBallot([['B']], finalists)).toEqual({ ok: true, ranking: [['B']] });
	});

	it('refuses a candidate outside the finalists', () => {
		expect(validateBallot([['A'], ['X']], finalists)).toEqual({
			ok: false,
			errors: [{ code: 'unknown-candidate', candidate: 'X' }]
		});
	});

	it('refuses a duplicate candidate, within a tier or across tiers, reported once', () => {
		expect(validateBallot([['A', 'A']], finalists)).toEqual({
			ok: false,
			errors: [{ code: 'duplicate-candidate', candidate: 'A' }]
		});
		expect(validateBallot([['B'], ['A'], ['B'], ['B']], finalists)).toEqual({
			ok: false,
			errors: [{ code: 'duplicate-candidate', candidate: 'B' }]
		});
	});

	it('refuses an empty ballot', () => {
		expect(validateBallot([], finalists)).toEqual({ ok: false, errors: [{ code: 'empty' }] });
		expect(validateBallot([[], []], finalists)).toEqual({ ok: false, errors: [{ code: 'empty' }] });
	});

	it('refuses anything that is not a list of tiers of ids', () => {
		for (const bad of [null, undefined, 'A', ['A'], [['A', 1]], [['']], { 0: ['A'] }]) {
			expect(validateBallot(bad, finalists)).toEqual({ ok: false, errors: [{ code: 'malformed' }] });
		}
	});

	it('reports every problem at once', () => {
		expect(validateBallot([['X', 'A'], ['A', 'X', 'C']], finalists)).toEqual({
			ok: false,
			errors: [
				{ code: 'unknown-candidate', candidate: 'X' },
				{ code: 'duplicate-candidate', candidate: 'A' },
				{ code: 'duplicate-candidate', candidate: 'X' }
			]
		});
	});
});
