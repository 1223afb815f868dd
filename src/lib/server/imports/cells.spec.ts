import { describe, expect, it } from 'vitest';
import { boolean, date, email, excelSerialToIsoDay, integer, money, parseSwedishNumber, percent, text, years } from './cells';

const value = <T>(r: { ok: true; value: T | null } | { ok: false }) => (r.ok ? r.value : 'ERR');
const code = (r: { ok: boolean; issue?: { code: string } }) => (r.ok ? 'ok' : r.issue!.code);

describe('Swedish numbers', () => {
	it.each([
		['1 250 000', 1250000],
		['-1 250 000,50', -1250000.5],
		['51,5', 51.5],
		['51.5', 51.5],
		['1\u00a0250', 1250],
		['1\u202f250', 1250],
		['\u22125', -5],
		['+7', 7],
		['0', 0]
	])('%s → %d', (raw, expected) => expect(parseSwedishNumber(raw)).toBe(expected));

	it.each(['tolv', '1.250.000', '1,250,000', '12a', '', ',5', '5,'])('%s is not a number', (raw) =>
		expect(parseSwedishNumber(raw)).toBeNull()
	);

	it('integer: whole numbers from the minimum; decimals and negatives refused', () => {
		const cell = integer(0);
		expect(value(cell.parse(' 18 '))).toBe(18);
		expect(value(cell.parse(''))).toBeNull();
		expect(code(cell.parse('4,5'))).toBe('notInteger');
		expect(code(cell.parse('-3'))).toBe('belowMin');
		expect(code(cell.parse('tolv'))).toBe('notNumber');
		expect(code(cell.parse('2000000'))).toBe('outOfRange');
	});

	it('percent: 0–100 inclusive, with a % sign or a decimal comma', () => {
		const cell = percent();
		expect(value(cell.parse('51 %'))).toBe(51);
		expect(value(cell.parse('50,5'))).toBe(50.5);
		expect(value(cell.parse('100'))).toBe(100);
		expect(value(cell.parse('0'))).toBe(0);
		expect(code(cell.parse('100,1'))).toBe('outOfRange');
		expect(code(cell.parse('-1'))).toBe('outOfRange');
	});

	it('money: whole kronor, and a deficit never rounds to zero', () => {
		const cell = money();
		expect(value(cell.parse('-1 250 000,50'))).toBe(-1250001);
		expect(value(cell.parse('1 250 000,49'))).toBe(1250000);
		expect(value(cell.parse('-0,40'))).toBe(-1);
		expect(value(cell.parse('0'))).toBe(0);
		expect(value(cell.parse('250 000 kr'))).toBe(250000);
	});
});

describe('other cells', () => {
	it('booleans in Swedish and as marks', () => {
		const cell = boolean();
		for (const yes of ['ja', 'JA', 'j', 'x', 'X', '1', 'sant']) expect(value(cell.parse(yes))).toBe(true);
		for (const no of ['nej', 'Nej', 'n', '0', 'falskt']) expect(value(cell.parse(no))).toBe(false);
		expect(value(cell.parse(' '))).toBeNull();
		expect(code(cell.parse('kanske'))).toBe('notBoolean');
	});

	it('dates: ISO days, compact days and Excel serial days; impossible days refused', () => {
		const cell = date();
		expect(value(cell.parse('2026-05-18'))).toBe('2026-05-18');
		expect(value(cell.parse('2026-05-18 14:30'))).toBe('2026-05-18');
		expect(value(cell.parse('20260518'))).toBe('2026-05-18');
		expect(value(cell.parse('46160'))).toBe('2026-05-18');
		expect(excelSerialToIsoDay(45351)).toBe('2024-02-29');
		for (const bad of ['2026-02-30', '18/5/2026', '18 maj', '2026', '2026-5-18']) expect(code(cell.parse(bad))).toBe('badDate');
	});

	it('text: trimmed, line breaks folded, length counted in characters', () => {
		const cell = text(5);
		expect(value(cell.parse('  åäö  '))).toBe('åäö');
		expect(value(cell.parse('a\r\nb'))).toBe('a b');
		expect(value(cell.parse('åäöåä'))).toBe('åäöåä');
		expect(code(cell.parse('åäöåäö'))).toBe('tooLong');
	});

	it('years and e-mail', () => {
		expect(value(years().parse('2023, 2019;2023'))).toEqual([2019, 2023]);
		expect(code(years().parse('2019, 23'))).toBe('badYear');
		expect(value(email().parse(' Sofia.Berg@Stockholm.se '))).toBe('sofia.berg@stockholm.se');
		expect(code(email().parse('sofia.berg@'))).toBe('badEmail');
	});
});
