/**
 * What the meeting screen shows (docs/jury.md): one class, and of a large class one screenful of
 * its candidates, as the signed-in member sees them. Before closing the candidates stand in ranked
 * order without the ballot; after closing, the decisions.
 */
import { meetingSlides } from './minutes';
import { classStanding } from './standing';
import { askedIndex, CANDIDATES_PER_SCREEN, screenQuery, screenRange, screensOf, stepScreen, type ScreenPosition } from '$lib/domain/meeting-screen';
import type { Barred } from '$lib/domain/entry-state';

export function meetingScreen(cycle: { id: number; decisionsClosedAt: Date | null }, reader: { userId: number; barred: Barred }, url: URL) {
	const slides = meetingSlides(cycle.id, reader.barred);
	const closed = cycle.decisionsClosedAt !== null;
	const classIndex = askedIndex(url.searchParams.get('c'), slides.length);
	const slide = slides[classIndex];
	const all =
		slide && !closed
			? classStanding(cycle.id, slide.id, reader).rows.map(({ entryId, unitName, organisation, rank, total, finalist }) => ({
					entryId,
					unitName,
					organisation,
					rank,
					total,
					finalist
				}))
			: [];
	const screens = screensOf(all.length);
	const at: ScreenPosition = { classIndex, screen: askedIndex(url.searchParams.get('s'), screens) };
	const step = (direction: 1 | -1) => {
		const to = stepScreen(at, direction, slides.length, screens);
		return to && { href: screenQuery(to), sameClass: to.classIndex === classIndex };
	};
	return {
		slides,
		index: classIndex,
		closed,
		candidates: all.slice(at.screen * CANDIDATES_PER_SCREEN, (at.screen + 1) * CANDIDATES_PER_SCREEN),
		/** Which candidates the screen shows, when the class needs more than one screen. */
		range: screens > 1 ? { ...screenRange(all.length, at.screen)!, count: all.length } : null,
		previous: step(-1),
		next: step(1)
	};
}
