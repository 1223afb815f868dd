import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { localeOf, messagesOf } from '$lib/server/http/locale';
import { entryExportTable } from '$lib/server/registry/entry-export';
import { writeXlsx } from '$lib/server/imports/write-table';

/** The current cycle's entry list with eligibility, as an Excel workbook. */
export const GET: RequestHandler = async (event) => {
	const { cycle } = requireArea(event, 'admin');
	if (!cycle) error(404, { message: 'not-found' });
	const m = messagesOf(event.cookies);
	const body = await writeXlsx([entryExportTable(cycle, m, localeOf(event.cookies))]);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${m.dataImport.export.fileName(cycle.year)}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
