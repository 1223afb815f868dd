import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireJury } from '$lib/server/jury/jury';
import { minutesOf, minutesPdf } from '$lib/server/jury/minutes';
import { localeOf } from '$lib/server/http/locale';

export const GET: RequestHandler = async (event) => {
	const access = requireJury(event);
	const minutes = minutesOf(access.cycle.id, access.barred);
	if (!minutes) error(404, { message: 'not-found' });
	const pdf = await minutesPdf(minutes, localeOf(event.cookies));
	const name = `protokoll-jury-${access.cycle.year}${minutes.closedAt ? '' : '-utkast'}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
