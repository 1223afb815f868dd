import { describe, expect, it } from 'vitest';
import { BANDS, DEFAULT_BAND_TEXTS, bandName, bandOf, bandTextsOf } from './default-model';

describe('bandTextsOf', () => {
	const own = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'];

	it("keeps a criterion's own six texts", () => {
		expect(bandTextsOf({ kind: 'approach', bandTexts: own })).toEqual(own);
	});

	it('falls back to the defaults of its kind when it has none', () => {
		expect(bandTextsOf({ kind: 'approach', bandTexts: [] })).toEqual(DEFAULT_BAND_TEXTS.approach);
		expect(bandTextsOf({ kind: 'results', bandTexts: [] })).toEqual(DEFAULT_BAND_TEXTS.results);
	});

	it('falls back as well when some bands lack a text', () => {
		expect(bandTextsOf({ kind: 'results', bandTexts: own.slice(0, 5) })).toEqual(DEFAULT_BAND_TEXTS.results);
	});

	it('has a default text for every band', () => {
		expect(DEFAULT_BAND_TEXTS.approach).toHaveLength(BANDS.length);
		expect(DEFAULT_BAND_TEXTS.results).toHaveLength(BANDS.length);
	});
});

describe('bandOf', () => {
	it.each([
		[0, 0],
		[5, 0],
		[10, 1],
		[45, 2],
		[50, 3],
		[85, 4],
		[90, 5],
		[100, 5]
	])('%i falls in band %i', (score, band) => {
		expect(bandOf(score)).toBe(band);
	});
});

describe('bandName', () => {
	it('names a band by its level of six and its range, the same for every page and the report', () => {
		expect(bandName(0)).toEqual({ level: 1, of: 6, min: 0, max: 5 });
		expect(bandName(4)).toEqual({ level: 5, of: 6, min: 70, max: 85 });
		expect(bandName(bandOf(72))).toEqual({ level: 5, of: 6, min: 70, max: 85 });
		expect(BANDS.map((_, i) => bandName(i).level)).toEqual([1, 2, 3, 4, 5, 6]);
	});
});
