import { error } from '@sveltejs/kit';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { requireArchive } from '$lib/server/archive/access';
import { packageFileName } from '$lib/server/archive/build';
import { logDownload, packagePath } from '$lib/server/archive/jobs';
import { attachment } from '$lib/server/ranking/export';

export const GET: RequestHandler = async (event) => {
	const { user, cycle } = requireArchive(event, event.params.id);
	// Opened before it is measured: a new package renamed into place meanwhile does not mix with this one.
	const file = await open(packagePath(cycle.year)).catch(() => error(404, { message: 'not-found' }));
	const { size } = await file.stat();
	logDownload(cycle, user.id, size);
	return new Response(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/zip',
			'content-length': String(size),
			'content-disposition': attachment(packageFileName(cycle.year)),
			'cache-control': 'no-store'
		}
	});
};
