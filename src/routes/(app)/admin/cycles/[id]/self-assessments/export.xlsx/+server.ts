import type { RequestHandler } from './$types';
import { requireSpread } from '$lib/server/feedback/access';
import { cycleSpread, spreadTable } from '$lib/server/feedback/spread';
import { localeOf, messagesOf } from '$lib/server/http/locale';
import { writeXlsx } from '$lib/server/imports/write-table';

/** Every entry's own view beside its team's, per criterion, as an Excel workbook. */
export const GET: RequestHandler = async (event) => {
	const cycle = requireSpread(event, event.params.id);
	const m = messagesOf(event.cookies);
	const body = await writeXlsx([spreadTable(cycleSpread(cycle.id), m, localeOf(event.cookies))]);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${m.selfComparison.spread.fileName(cycle.year)}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
