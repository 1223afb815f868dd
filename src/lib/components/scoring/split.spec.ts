import { describe, expect, it } from 'vitest';
import { clampSplit, SPLIT, splitAfterKey, storedSplit } from './split';

describe('the split between the account and the form', () => {
	it('moves in steps with the arrow keys and jumps to its bounds with Home and End', () => {
		expect(splitAfterKey(50, 'ArrowRight')).toBe(55);
		expect(splitAfterKey(50, 'ArrowUp')).toBe(55);
		expect(splitAfterKey(50, 'ArrowLeft')).toBe(45);
		expect(splitAfterKey(50, 'Home')).toBe(SPLIT.min);
		expect(splitAfterKey(50, 'End')).toBe(SPLIT.max);
		expect(splitAfterKey(50, 'Enter')).toBeNull();
	});

	it('never lets either side vanish', () => {
		expect(splitAfterKey(SPLIT.max, 'ArrowRight')).toBe(SPLIT.max);
		expect(splitAfterKey(SPLIT.min, 'ArrowLeft')).toBe(SPLIT.min);
		expect(clampSplit(3)).toBe(SPLIT.min);
		expect(clampSplit(99.6)).toBe(SPLIT.max);
	});

	it('reads back what was stored, and the start for anything else', () => {
		expect(storedSplit('65')).toBe(65);
		expect(storedSplit(null)).toBe(SPLIT.start);
		expect(storedSplit('bred')).toBe(SPLIT.start);
		expect(storedSplit('90')).toBe(SPLIT.max);
	});
});
