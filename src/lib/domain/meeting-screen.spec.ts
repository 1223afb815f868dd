import { describe, expect, it } from 'vitest';
import { askedIndex, CANDIDATES_PER_SCREEN, screenQuery, screenRange, screensOf, stepScreen } from './meeting-screen';

describe('the meeting screen', () => {
	it('gives a class as many screens as its candidates need, and an empty class one', () => {
		expect(CANDIDATES_PER_SCREEN).toBe(8);
		expect(screensOf(0)).toBe(1);
		expect(screensOf(8)).toBe(1);
		expect(screensOf(9)).toBe(2);
		expect(screensOf(20)).toBe(3);
	});

	it('names the candidates each screen shows', () => {
		expect(screenRange(15, 0)).toEqual({ first: 1, last: 8 });
		expect(screenRange(15, 1)).toEqual({ first: 9, last: 15 });
		expect(screenRange(0, 0)).toBeNull();
	});

	it('steps through a class’s screens before moving to the next class, and stops at either end', () => {
		expect(stepScreen({ classIndex: 0, screen: 0 }, 1, 5, 2)).toEqual({ classIndex: 0, screen: 1 });
		expect(stepScreen({ classIndex: 0, screen: 1 }, 1, 5, 2)).toEqual({ classIndex: 1, screen: 0 });
		expect(stepScreen({ classIndex: 1, screen: 0 }, -1, 5, 1)).toEqual({ classIndex: 0, screen: 0 });
		expect(stepScreen({ classIndex: 2, screen: 1 }, -1, 5, 3)).toEqual({ classIndex: 2, screen: 0 });
		expect(stepScreen({ classIndex: 0, screen: 0 }, -1, 5, 2)).toBeNull();
		expect(stepScreen({ classIndex: 4, screen: 2 }, 1, 5, 3)).toBeNull();
	});

	it('reads a class or screen from the address, and falls back to the first for one that does not exist', () => {
		expect(askedIndex('3', 3)).toBe(2);
		expect(askedIndex('4', 3)).toBe(0);
		expect(askedIndex('0', 3)).toBe(0);
		expect(askedIndex('1.5', 3)).toBe(0);
		expect(askedIndex('-1', 3)).toBe(0);
		expect(askedIndex(null, 3)).toBe(0);
		expect(askedIndex('1', 0)).toBe(0);
	});

	it('writes the address the position is read from', () => {
		expect(screenQuery({ classIndex: 1, screen: 0 })).toBe('?c=2');
		expect(screenQuery({ classIndex: 1, screen: 2 })).toBe('?c=2&s=3');
		const params = new URLSearchParams(screenQuery({ classIndex: 3, screen: 1 }));
		expect([askedIndex(params.get('c'), 5), askedIndex(params.get('s'), 2)]).toEqual([3, 1]);
	});
});
