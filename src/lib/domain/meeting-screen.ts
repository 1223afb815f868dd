/**
 * The meeting screen shows one class at a time, and a large class a screenful of candidates at a
 * time (docs/jury.md): the same keys step through a class's screens and then on to the next class,
 * so the chair never has to scroll a projected page.
 */

/** Candidates on one screen: eight rows of the screen's large type fit a 1920×1080 projector. */
export const CANDIDATES_PER_SCREEN = 8;

/** Where the screen stands: a class and a screen within it, both counted from 0. */
export interface ScreenPosition {
	classIndex: number;
	screen: number;
}

/** How many screens a class with `candidates` candidates needs; an empty class still has one. */
export function screensOf(candidates: number, perScreen = CANDIDATES_PER_SCREEN): number {
	return Math.max(1, Math.ceil(candidates / perScreen));
}

/** The candidates a screen shows, counted from 1, for "1–8 av 15"; null when the class has none. */
export function screenRange(candidates: number, screen: number, perScreen = CANDIDATES_PER_SCREEN): { first: number; last: number } | null {
	if (candidates === 0) return null;
	return { first: screen * perScreen + 1, last: Math.min(candidates, (screen + 1) * perScreen) };
}

/** An index asked for in the address, counted from 1 there, or 0 for anything that is not one of `count`. */
export function askedIndex(param: string | null, count: number): number {
	const asked = param !== null && /^\d+$/.test(param) ? Number(param) : 0;
	return asked >= 1 && asked <= count ? asked - 1 : 0;
}

/**
 * The screen one step forward or back: within the class first, then the neighbouring class's first
 * screen. Null at either end.
 */
export function stepScreen(at: ScreenPosition, step: 1 | -1, classes: number, screensHere: number): ScreenPosition | null {
	const screen = at.screen + step;
	if (screen >= 0 && screen < screensHere) return { classIndex: at.classIndex, screen };
	const classIndex = at.classIndex + step;
	if (classIndex < 0 || classIndex >= classes) return null;
	return { classIndex, screen: 0 };
}

/** The address of a position: `c` the class and `s` the screen, counted from 1. */
export function screenQuery(at: ScreenPosition): string {
	return at.screen === 0 ? `?c=${at.classIndex + 1}` : `?c=${at.classIndex + 1}&s=${at.screen + 1}`;
}
