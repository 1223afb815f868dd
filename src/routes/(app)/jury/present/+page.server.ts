import type { PageServerLoad } from './$types';
import { requireJury } from '$lib/server/jury/jury';
import { meetingSlides } from '$lib/server/jury/minutes';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const slides = meetingSlides(access.cycle.id, access.barred);
	const asked = Number(event.url.searchParams.get('c') ?? '1');
	const index = Number.isInteger(asked) && asked >= 1 && asked <= slides.length ? asked - 1 : 0;
	return { slides, index, closed: access.cycle.decisionsClosedAt !== null };
};
