import type { PageServerLoad } from './$types';
import { requireJury } from '$lib/server/jury/jury';
import { meetingScreen } from '$lib/server/jury/meeting-screen';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	return { ...meetingScreen(access.cycle, { userId: access.user.id, barred: access.barred }, event.url), bare: true };
};
