import { describe, expect, it } from 'vitest';
import { fromTriState, parseSwedishDecimal, parseSwedishInteger, parseYearList, toTriState } from './form-values';

describe('Swedish numbers', () => {
	it.each([
		['', null],
		['  ', null],
		['0', 0],
		['1 250 000', 1_250_000],
		['1\u00a0250\u00a0000', 1_250_000],
		['1\u202f250', 1250],
		['-400 000', -400_000],
		['\u2212400 000', -400_000],
		['+12', 12]
	])('integer %j → %j', (text, value) => {
		expect(parseSwedishInteger(text)).toBe(value);
	});

	it.each(['12,5', '1e3', 'tolv', '--3', '4-', '12.0'])('integer %j is not one', (text) => {
		expect(parseSwedishInteger(text)).toBeNaN();
	});

	it.each([
		['', null],
		['48,5', 48.5],
		['48.5', 48.5],
		['51', 51],
		['1 000,25', 1000.25],
		['-0,5', -0.5]
	])('decimal %j → %j', (text, value) => {
		expect(parseSwedishDecimal(text)).toBe(value);
	});

	it.each(['48,', ',5', '4,8,5', 'femtio', '50%'])('decimal %j is not one', (text) => {
		expect(parseSwedishDecimal(text)).toBeNaN();
	});
});

describe('year lists', () => {
	it('reads years separated by commas, semicolons or spaces, sorted without repeats', () => {
		expect(parseYearList('2023, 2019;2021 2019')).toEqual({ years: [2019, 2021, 2023] });
		expect(parseYearList('  ')).toEqual({ years: [] });
	});

	it('names the first piece that is not a year', () => {
		expect(parseYearList('2019, 21')).toEqual({ invalid: '21' });
		expect(parseYearList('2019 och 2021')).toEqual({ invalid: 'och' });
	});
});

describe('yes / no / unknown', () => {
	it('round-trips', () => {
		for (const v of [true, false, null]) expect(fromTriState(toTriState(v))).toBe(v);
		expect(toTriState(undefined)).toBe('unknown');
	});
});
