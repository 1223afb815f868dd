import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { localeOf, messagesOf } from '$lib/server/http/locale';
import { entryExportTable } from '$lib/server/registry/entry-export';
import { writeCsv } from '$lib/server/imports/write-table';

/** The current cycle's entry list with eligibility, as CSV for Excel (semicolons, UTF-8 with BOM). */
export const GET: RequestHandler = (event) => {
	const { cycle } = requireArea(event, 'admin');
	if (!cycle) error(404, { message: 'not-found' });
	const m = messagesOf(event.cookies);
	const csv = writeCsv(entryExportTable(cycle, m, localeOf(event.cookies)));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${m.dataImport.export.fileName(cycle.year)}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
