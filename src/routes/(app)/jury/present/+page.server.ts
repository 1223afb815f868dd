import type { PageServerLoad } from './$types';
import { requireJury } from '$lib/server/jury/jury';
import { meetingSlides } from '$lib/server/jury/minutes';
import { classStanding } from '$lib/server/jury/standing';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const slides = meetingSlides(access.cycle.id, access.barred);
	const asked = Number(event.url.searchParams.get('c') ?? '1');
	const index = Number.isInteger(asked) && asked >= 1 && asked <= slides.length ? asked - 1 : 0;
	const closed = access.cycle.decisionsClosedAt !== null;
	const slide = slides[index];
	// Before closing, the class's candidates as the signed-in member sees them; the ballot stays off the screen.
	const candidates =
		slide && !closed
			? classStanding(access.cycle.id, slide.id, { userId: access.user.id, barred: access.barred }).rows.map(
					({ entryId, unitName, organisation, rank, total, finalist }) => ({ entryId, unitName, organisation, rank, total, finalist })
				)
			: [];
	return { slides, index, closed, candidates, bare: true };
};
