import { describe, expect, it } from 'vitest';
import { classMedians, nextSort, parseSort, sortRows, type SortableRow } from './ranking-table';

const row = (unitName: string, rank: number | null, total: number | null, a: number | null, adjustedTotal = total): SortableRow => ({
	unitName,
	rank,
	total,
	adjustedTotal,
	criteria: { a: { used: a } }
});

// In ranked order, as the server hands them over: two share place 2, one is incomplete.
const rows = [row('Öster', 1, 80, 70, 75), row('Ängen', 2, 70, 90, 78), row('Björken', 2, 70, null, 60), row('Alen', null, null, 50, null)];

describe('parseSort', () => {
	it('reads a known column and direction, and falls back to the rank', () => {
		expect(parseSort(new URLSearchParams('sort=total&dir=asc'), ['a'])).toEqual({ key: 'total', dir: 'asc' });
		expect(parseSort(new URLSearchParams('sort=criterion:a'), ['a'])).toEqual({ key: 'criterion:a', dir: 'desc' });
		expect(parseSort(new URLSearchParams('sort=name&dir=sideways'), ['a'])).toEqual({ key: 'name', dir: 'asc' });
		expect(parseSort(new URLSearchParams('sort=criterion:zz'), ['a'])).toEqual({ key: 'rank', dir: 'asc' });
		expect(parseSort(new URLSearchParams(''), ['a'])).toEqual({ key: 'rank', dir: 'asc' });
	});

	it('turns the sorted column around and starts another at its natural direction', () => {
		expect(nextSort({ key: 'total', dir: 'desc' }, 'total')).toEqual({ key: 'total', dir: 'asc' });
		expect(nextSort({ key: 'total', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
		expect(nextSort({ key: 'rank', dir: 'asc' }, 'adjusted')).toEqual({ key: 'adjusted', dir: 'desc' });
	});
});

describe('sortRows', () => {
	const names = (sorted: SortableRow[]) => sorted.map((r) => r.unitName);

	it('keeps missing values last in both directions and ties in ranked order', () => {
		expect(names(sortRows(rows, { key: 'total', dir: 'desc' }))).toEqual(['Öster', 'Ängen', 'Björken', 'Alen']);
		expect(names(sortRows(rows, { key: 'total', dir: 'asc' }))).toEqual(['Ängen', 'Björken', 'Öster', 'Alen']);
		expect(names(sortRows(rows, { key: 'rank', dir: 'desc' }))).toEqual(['Ängen', 'Björken', 'Öster', 'Alen']);
		expect(names(sortRows(rows, { key: 'criterion:a', dir: 'desc' }))).toEqual(['Ängen', 'Öster', 'Alen', 'Björken']);
		expect(names(sortRows(rows, { key: 'adjusted', dir: 'desc' }))).toEqual(['Ängen', 'Öster', 'Björken', 'Alen']);
	});

	it('sorts names in Swedish alphabetical order (Å, Ä, Ö after Z)', () => {
		expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['Alen', 'Björken', 'Ängen', 'Öster']);
		expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))).toEqual(['Öster', 'Ängen', 'Björken', 'Alen']);
	});

	it('does not change the rows it is given', () => {
		const before = names(rows);
		sortRows(rows, { key: 'name', dir: 'desc' });
		expect(names(rows)).toEqual(before);
	});
});

describe('classMedians', () => {
	it('takes the median of the used scores that exist', () => {
		// a: 70, 90, 50 (one missing) → 70.
		expect(classMedians(rows, ['a', 'b'])).toEqual({ a: 70, b: null });
		expect(classMedians(rows.slice(0, 2), ['a'])).toEqual({ a: 80 });
	});
});
