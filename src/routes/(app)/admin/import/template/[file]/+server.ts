import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { messagesOf } from '$lib/server/http/locale';
import { TEMPLATE_NAMES, templateCsv, templateXlsx } from '$lib/server/imports/templates';
import { isImportKind } from '$lib/server/imports';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /admin/import/template/units.csv, …/entries.xlsx: the header row to fill in. */
export const GET: RequestHandler = async (event) => {
	requireArea(event, 'admin');
	const [kind, extension] = event.params.file.split('.');
	if (!isImportKind(kind) || (extension !== 'csv' && extension !== 'xlsx') || event.params.file !== `${kind}.${extension}`) {
		error(404, { message: 'not-found' });
	}
	const name = `${TEMPLATE_NAMES[kind]}.${extension}`;
	const body = extension === 'csv' ? templateCsv(kind) : await templateXlsx(kind, messagesOf(event.cookies));
	return new Response(body as BodyInit, {
		headers: {
			'content-type': extension === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
