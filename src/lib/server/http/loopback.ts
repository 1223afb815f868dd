/**
 * The same machine under another name: a person who opens http://127.0.0.1:3000 while ORIGIN says
 * http://localhost:3000 (or the other way round) would get pages whose forms the cross-site check
 * then refuses, since their Origin is not ORIGIN. Such a page request is sent on to ORIGIN before
 * any form is shown. Only loopback names on the same port count, so a server behind a proxy, whose
 * requests carry the proxy's Host, is never redirected.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where a page request that reached this machine under another loopback name belongs, or null. */
export function loopbackRedirect(request: Pick<Request, 'method' | 'headers'>, url: URL): string | null {
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	const host = request.headers.get('host');
	if (!host || !URL.canParse(`${url.protocol}//${host}`)) return null;
	const asked = new URL(`${url.protocol}//${host}`);
	if (asked.host === url.host || asked.port !== url.port) return null;
	return LOOPBACK.has(asked.hostname) && LOOPBACK.has(url.hostname) ? url.href : null;
}
