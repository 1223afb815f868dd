/** A person's extract as a download, JSON or PDF, logged as it is handed out. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { localeOf } from '../http/locale';
import { extractOf, extractPdfOf, recordSubjectExtract, subjectOf } from './subject';

export async function extractResponse(event: Pick<RequestEvent, 'params' | 'cookies'>, actorId: number, format: 'json' | 'pdf'): Promise<Response> {
	const key = event.params.person ?? '';
	const subject = subjectOf(key);
	const found = subject && extractOf(subject);
	if (!subject || !found) error(404, { message: 'not-found' });
	const body = format === 'json' ? JSON.stringify(found.extract, null, 2) : new Uint8Array(await extractPdfOf(found, localeOf(event.cookies)));
	recordSubjectExtract(subject, format, actorId);
	return new Response(body, {
		headers: {
			'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf',
			'Content-Disposition': `attachment; filename="registerutdrag-${key}-${found.extract.madeAt.slice(0, 10)}.${format}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
