import type { RequestHandler } from './$types';
import { requireSpread } from '$lib/server/feedback/access';
import { cycleSpread, spreadTable } from '$lib/server/feedback/spread';
import { localeOf, messagesOf } from '$lib/server/http/locale';
import { writeCsv } from '$lib/server/imports/write-table';

/** Every entry's own view beside its team's, per criterion, as CSV for Excel (semicolons, UTF-8 with BOM). */
export const GET: RequestHandler = (event) => {
	const cycle = requireSpread(event, event.params.id);
	const m = messagesOf(event.cookies);
	const csv = writeCsv(spreadTable(cycleSpread(cycle.id), m, localeOf(event.cookies)));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${m.selfComparison.spread.fileName(cycle.year)}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
