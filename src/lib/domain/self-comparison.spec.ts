import { describe, expect, it } from 'vitest';
import { changeSince, compareSelf, gapDirection, selfAssessmentOf, selfSpread } from './self-comparison';
import { messages } from '../i18n';

const sv = messages('sv').selfComparison;
const en = messages('en').selfComparison;
const self = (band: number) => ({ band, reason: 'Vi har börjat mäta.' });

describe('the unit’s view beside the team’s', () => {
	it('is absent when the unit placed itself in no band, so the report reads as without it', () => {
		expect(compareSelf([{ key: 'a', band: 3 }, { key: 'b', band: 2, self: null }])).toBeNull();
	});

	it('gives the signed gap per criterion and leaves it open where either view is missing', () => {
		const c = compareSelf([
			{ key: 'a', band: 3, self: self(4) },
			{ key: 'b', band: 2, self: self(2) },
			{ key: 'c', band: 4, self: self(2) },
			{ key: 'd', band: 3, self: null },
			{ key: 'e', band: null, self: self(5) }
		])!;
		expect(c.rows.map((r) => r.gap)).toEqual([1, 0, -2, null, null]);
		expect(c.rows[3]).toEqual({ key: 'd', self: null, team: 3, gap: null });
		expect(c.counts).toEqual({ higher: 1, same: 1, lower: 1 });
	});

	it('names the criteria with the largest gap, either way, and none when every view agrees', () => {
		const c = compareSelf([
			{ key: 'a', band: 1, self: self(4) },
			{ key: 'b', band: 5, self: self(2) },
			{ key: 'c', band: 2, self: self(3) }
		])!;
		expect(c.largest.map((r) => [r.key, r.gap])).toEqual([['a', 3], ['b', -3]]);
		expect(compareSelf([{ key: 'a', band: 2, self: self(2) }])!.largest).toEqual([]);
	});

	it('says the direction of a gap', () => {
		expect([2, 0, -1].map(gapDirection)).toEqual(['higher', 'same', 'lower']);
	});

	it('words the gap in plain Swedish for the unit', () => {
		expect(sv.gap(1)).toBe('Ni bedömde er en nivå högre än examinatorerna.');
		expect(sv.gap(0)).toBe('Ni bedömde er på samma nivå som examinatorerna.');
		expect(sv.gap(-2)).toBe('Ni bedömde er två nivåer lägre än examinatorerna.');
		expect(sv.gap(5)).toBe('Ni bedömde er fem nivåer högre än examinatorerna.');
		expect(en.gap(-1)).toBe('You placed yourselves one level lower than the examiners.');
		expect(sv.largest([sv.largestPart('Ledarskap', 3), sv.largestPart('Jämställdhet', -3)])).toBe(
			'Störst var skillnaden i Ledarskap (tre nivåer högre) och Jämställdhet (tre nivåer lägre).'
		);
		expect(sv.summary({ higher: 3, same: 3, lower: 1 })).toBe('Av de 7 områden ni bedömde låg er bedömning på samma nivå som examinatorernas i 3, högre i 3 och lägre i 1.');
		expect(sv.summary({ higher: 7, same: 0, lower: 0 })).toBe('Av de 7 områden ni bedömde låg er bedömning högre än examinatorernas i 7.');
		expect(sv.summary({ higher: 0, same: 2, lower: 5 })).toBe('Av de 7 områden ni bedömde låg er bedömning på samma nivå som examinatorernas i 2 och lägre i 5.');
	});

	it('reads a stored self-assessment only when its band is one of the scale', () => {
		expect(selfAssessmentOf({ band: 3, reason: 'Skäl' })).toEqual({ band: 3, reason: 'Skäl' });
		expect(selfAssessmentOf({ band: 2 })).toEqual({ band: 2, reason: '' });
		for (const bad of [null, undefined, 'x', { band: 6, reason: '' }, { band: -1 }, { band: 2.5 }, { band: '3' }]) {
			expect(selfAssessmentOf(bad)).toBeNull();
		}
	});
});

describe('the change since the last entry', () => {
	it('is absent without an earlier entry', () => {
		expect(changeSince([{ key: 'a', band: 3, previousBand: 2 }], null)).toBeNull();
		expect(changeSince([{ key: 'a', band: 3 }], undefined)).toBeNull();
	});

	it('gives the band then and now and the levels gained or lost', () => {
		const rows = changeSince(
			[
				{ key: 'a', band: 3, previousBand: 2 },
				{ key: 'b', band: 2, previousBand: 2 },
				{ key: 'c', band: 1, previousBand: 3 },
				{ key: 'd', band: 4 }
			],
			2025
		)!;
		expect(rows.map((r) => [r.then, r.now, r.change])).toEqual([[2, 3, 1], [2, 2, 0], [3, 1, -2], [null, 4, null]]);
	});

	it('words the change with the year', () => {
		expect(sv.change.words(1, 2025)).toBe('En nivå högre än 2025.');
		expect(sv.change.words(0, 2025)).toBe('Samma nivå som 2025.');
		expect(sv.change.words(-2, 2025)).toBe('Två nivåer lägre än 2025.');
		expect(en.change.words(2, 2025)).toBe('Two levels higher than in 2025.');
	});
});

describe('the spread over a cycle', () => {
	it('counts, per criterion, who placed themselves higher, the same or lower, by how much, and the mean signed gap', () => {
		const spread = selfSpread(
			['a', 'b'],
			[
				[{ key: 'a', self: 4, team: 2 }, { key: 'b', self: 1, team: 1 }],
				[{ key: 'a', self: 3, team: 3 }, { key: 'b', self: null, team: 2 }],
				[{ key: 'a', self: 1, team: 2 }, { key: 'b', self: 3, team: null }]
			]
		);
		expect(spread[0]).toEqual({ key: 'a', n: 3, counts: { higher: 1, same: 1, lower: 1 }, meanGap: 1 / 3, meanSize: 1, bySize: [1, 1, 0, 0, 0] });
		// Only entries with both views count.
		expect(spread[1]).toMatchObject({ n: 1, counts: { higher: 0, same: 1, lower: 0 }, meanGap: 0, meanSize: 0 });
	});

	it('has no means for a criterion nobody assessed themselves on', () => {
		expect(selfSpread(['a'], [[{ key: 'a', self: null, team: 3 }]])[0]).toMatchObject({ n: 0, meanGap: null, meanSize: null });
	});
});
