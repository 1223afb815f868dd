import { describe, expect, it } from 'vitest';
import { BANDS, DEFAULT_BAND_TEXTS, bandOf, bandTextsOf } from './default-model';

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
