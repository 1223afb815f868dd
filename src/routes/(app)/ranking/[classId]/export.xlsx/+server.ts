import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { requireRankingClass } from '$lib/server/ranking/guards';
import { attachment, rankingExport } from '$lib/server/ranking/export';
import { writeXlsx } from '$lib/server/imports/write-table';
import { localeOf, messagesOf } from '$lib/server/http/locale';

export const GET: RequestHandler = async (event) => {
	const access = requireRankingClass(event, event.params.classId);
	const file = rankingExport(access, access.awardClass.id, messagesOf(event.cookies), localeOf(event.cookies));
	if (!file) error(404, { message: 'not-found' });
	const bytes = await writeXlsx([file.table]);
	return new Response(bytes as BodyInit, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': attachment(`${file.baseName}.xlsx`),
			'Cache-Control': 'private, no-store'
		}
	});
};
