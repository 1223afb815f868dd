import { describe, expect, it } from 'vitest';
import { isConflicted, isFinalist, NONE_BARRED, withoutBarred } from './entry-state';

describe('isFinalist', () => {
	const done = { status: 'done', recommendFinalist: true };
	it('is a registered entry with a done consensus that recommends it', () => {
		expect(isFinalist({ entryStatus: 'registered', consensus: done })).toBe(true);
	});
	it('is not a withdrawn entry, a draft consensus, a consensus against or undecided, or none', () => {
		expect(isFinalist({ entryStatus: 'withdrawn', consensus: done })).toBe(false);
		expect(isFinalist({ entryStatus: 'registered', consensus: { ...done, status: 'draft' } })).toBe(false);
		expect(isFinalist({ entryStatus: 'registered', consensus: { ...done, recommendFinalist: false } })).toBe(false);
		expect(isFinalist({ entryStatus: 'registered', consensus: { ...done, recommendFinalist: null } })).toBe(false);
		expect(isFinalist({ entryStatus: 'registered', consensus: null })).toBe(false);
	});
});

describe('isConflicted', () => {
	it('holds for a declared conflict, the own organisation or the organisation one coordinates, and only then', () => {
		expect(isConflicted(true, false, false)).toBe(true);
		expect(isConflicted(false, true, false)).toBe(true);
		expect(isConflicted(false, false, true)).toBe(true);
		expect(isConflicted(false, false, false)).toBe(false);
	});
});

describe('withoutBarred', () => {
	const rows = [{ entryId: 1 }, { entryId: 2 }, { entryId: null }, { entryId: 3 }];
	it('drops the rows of barred entries and keeps the rest in their order', () => {
		expect(withoutBarred(rows, new Set([2, 3]))).toEqual([{ entryId: 1 }, { entryId: null }]);
	});
	it('keeps every row for a person barred from nothing', () => {
		expect(withoutBarred(rows, NONE_BARRED)).toEqual(rows);
	});
});
