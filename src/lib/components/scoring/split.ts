/**
 * The share of the width the written account takes beside the form, in per cent: kept within bounds
 * so neither side disappears, moved in steps, and remembered per person in the browser.
 */
export const SPLIT = { min: 25, max: 75, start: 50, step: 5 } as const;

export function clampSplit(value: number): number {
	if (!Number.isFinite(value)) return SPLIT.start;
	return Math.min(SPLIT.max, Math.max(SPLIT.min, Math.round(value)));
}

/** The split after a key on the separator, or null for a key it does not use. */
export function splitAfterKey(value: number, key: string): number | null {
	switch (key) {
		case 'ArrowLeft':
		case 'ArrowDown':
			return clampSplit(value - SPLIT.step);
		case 'ArrowRight':
		case 'ArrowUp':
			return clampSplit(value + SPLIT.step);
		case 'Home':
			return SPLIT.min;
		case 'End':
			return SPLIT.max;
		default:
			return null;
	}
}

/** A stored split as read back from localStorage: anything unreadable is the start. */
export function storedSplit(raw: string | null): number {
	return raw === null ? SPLIT.start : clampSplit(Number(raw));
}

/**
 * PDF open parameters for the account's frame: fitted to the width (`view=FitH`) without the
 * thumbnails (`navpanes=0`, which Chromium's viewer reads; `pagemode=none` for Firefox's).
 */
export const ACCOUNT_VIEW = 'view=FitH&navpanes=0&pagemode=none';
