/** A person's extract as a download, JSON or PDF, logged as it is handed out. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { localeOf } from '../http/locale';
import { personExtract } from './extract';
import { extractPdf } from './pdf';
import { recordExtract } from './manage';

export async function extractResponse(event: Pick<RequestEvent, 'params' | 'cookies'>, actorId: number, format: 'json' | 'pdf'): Promise<Response> {
	const userId = Number(event.params.userId);
	const extract = Number.isSafeInteger(userId) && userId > 0 ? personExtract(db(), userId) : null;
	if (!extract) error(404, { message: 'not-found' });
	const body = format === 'json' ? JSON.stringify(extract, null, 2) : new Uint8Array(await extractPdf(extract, localeOf(event.cookies)));
	recordExtract(userId, format, actorId);
	return new Response(body, {
		headers: {
			'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf',
			'Content-Disposition': `attachment; filename="registerutdrag-${userId}-${extract.madeAt.slice(0, 10)}.${format}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
