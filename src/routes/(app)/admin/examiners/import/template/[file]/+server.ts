import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { messagesOf } from '$lib/server/http/locale';
import { POOL_TEMPLATE_NAME, poolTemplateCsv, poolTemplateXlsx } from '$lib/server/examiners/import';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /admin/examiners/import/template/examiners.csv or .xlsx: the header row to fill in. */
export const GET: RequestHandler = async (event) => {
	const { cycle } = requireArea(event, 'admin');
	const extension = event.params.file === 'examiners.csv' ? 'csv' : event.params.file === 'examiners.xlsx' ? 'xlsx' : null;
	if (!extension) error(404, { message: 'not-found' });
	const body = extension === 'csv' ? poolTemplateCsv() : await poolTemplateXlsx(messagesOf(event.cookies), cycle?.defaultCapacity ?? 2);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': extension === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
			'content-disposition': `attachment; filename="${POOL_TEMPLATE_NAME}.${extension}"`,
			'cache-control': 'no-store'
		}
	});
};
