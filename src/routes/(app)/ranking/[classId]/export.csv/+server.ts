import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { requireRankingClass } from '$lib/server/ranking/guards';
import { attachment, rankingExport } from '$lib/server/ranking/export';
import { writeCsv } from '$lib/server/imports/write-table';
import { localeOf, messagesOf } from '$lib/server/http/locale';

export const GET: RequestHandler = (event) => {
	const access = requireRankingClass(event, event.params.classId);
	const file = rankingExport(access, access.awardClass.id, messagesOf(event.cookies), localeOf(event.cookies));
	if (!file) error(404, { message: 'not-found' });
	return new Response(writeCsv(file.table), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': attachment(`${file.baseName}.csv`),
			'Cache-Control': 'private, no-store'
		}
	});
};
