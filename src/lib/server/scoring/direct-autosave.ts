/**
 * The autosaves answered on Node's own request, before SvelteKit turns it into a Request: the
 * same answers as their endpoints (`autosaveAnswer` in versioned-actions.ts, which the endpoints'
 * `autosave` calls too), for about a quarter less of the server's time per save: SvelteKit's
 * conversion of request and answer costs about half as much as the save's own work
 * (bench/load-autosave.bench.ts measures both paths).
 *
 * Only the steady case is answered here: a JSON save to one of the three autosave addresses, with
 * a length SvelteKit would accept, from a session that needs nothing done. Everything else (no
 * session, one to renew or end, another type, a query, an unknown length) is left to SvelteKit,
 * which then answers exactly as before; that is decided from the headers alone, before any of the
 * body is read. The server entry (server.js) asks this first, and SvelteKit's handler after.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHttpError } from '@sveltejs/kit';
import { parse as parseCookies } from 'cookie';
import { accountDocument } from '../account/document';
import { SESSION_COOKIE, unchangedSession } from '../auth/session';
import { consensusDocument } from '../consensus/document';
import { securityHeaders } from '../http/headers';
import { localeOf, messagesOf } from '../http/locale';
import { logCrash } from '../http/reference';
import { inLocale } from '../http/validate';
import { assessmentDocument } from './document';
import { autosaveAnswer, type Autosaved } from './versioned-actions';

/** The autosave endpoints, by address: each route's +server.ts calls `autosave` with the same document. */
export const DIRECT_ROUTES: readonly (readonly [RegExp, Autosaved<unknown>])[] = [
	[/^\/examiner\/entries\/(\d+)\/save$/, assessmentDocument],
	[/^\/examiner\/entries\/(\d+)\/consensus\/save$/, consensusDocument],
	[/^\/unit\/entries\/(\d+)\/account\/save$/, accountDocument]
];

/** The autosave at an address, with the entry it names. */
function routeOf(url: string): { document: Autosaved<unknown>; entryId: string } | null {
	for (const [pattern, document] of DIRECT_ROUTES) {
		const match = pattern.exec(url);
		if (match) return { document, entryId: match[1] };
	}
	return null;
}

/** What the server entry calls for every request: true when it answered, false to hand it on. */
export type DirectHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Where the server entry, which lives outside SvelteKit's bundle, finds the handler. */
const REGISTRY = Symbol.for('utmarkelse.directAutosave');

/** Offers the direct answer to the server entry, with ORIGIN and BODY_SIZE_LIMIT read once, at start. */
export function offerDirectAutosave(): void {
	const origin = process.env.ORIGIN;
	const limit = bodySizeLimit();
	const handler: DirectHandler = (req, res) => directAutosave(req, res, origin, limit);
	(globalThis as Record<symbol, unknown>)[REGISTRY] = handler;
}

/** adapter-node's reading of BODY_SIZE_LIMIT ("512K", "30M", "Infinity"): a longer body is SvelteKit's to refuse. */
export function bodySizeLimit(setting = process.env.BODY_SIZE_LIMIT ?? '512K'): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[setting.at(-1)?.toUpperCase() ?? ''];
	return unit ? Number(setting.slice(0, -1)) * unit : Number(setting);
}

/**
 * Answers the request if it is a steady autosave (see above) and returns true; otherwise touches
 * nothing and returns false. `origin` is the app's public address (ORIGIN): its protocol decides
 * the HSTS header, as SvelteKit's URL of the request does.
 */
export function directAutosave(req: IncomingMessage, res: ServerResponse, origin: string | undefined, limit: number): boolean {
	if (req.method !== 'POST' || !origin || !req.url) return false;
	const route = routeOf(req.url);
	if (!route) return false;
	const { headers } = req;
	// The page's own request; another Accept would be answered with an HTML error page by SvelteKit.
	if (headers.accept !== 'application/json' || !headers['content-type']?.startsWith('application/json')) return false;
	const length = Number(headers['content-length']);
	if (headers['transfer-encoding'] !== undefined || !Number.isSafeInteger(length) || length > limit) return false;
	const cookies = parseCookies(headers.cookie ?? '');
	const token = cookies[SESSION_COOKIE];
	const signedIn = token ? unchangedSession(token) : null;
	if (!signedIn) return false;

	const event = { params: { entryId: route.entryId }, cookies: { get: (name: string) => cookies[name] } };
	const request = { user: signedIn.user, contentType: headers['content-type'], text: () => bodyText(req) };
	const https = new URL(origin).protocol === 'https:';
	const reply = (status: number, body: unknown) => {
		const json = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(json),
			...securityHeaders({ signedIn: true, https, cacheControl: null })
		});
		res.end(json);
	};
	const answered = async () => {
		try {
			const answer = await inLocale(localeOf(event.cookies), () => autosaveAnswer(route.document, event, request));
			reply(answer.status, answer.body);
		} catch (error) {
			// As SvelteKit answers an endpoint's error to a request that accepts JSON.
			if (isHttpError(error)) return reply(error.status, error.body);
			const reference = logCrash('POST', req.url!, error);
			reply(500, { message: messagesOf(event.cookies).errors.server, reference });
		}
	};
	// A failure to answer at all (the connection gone mid-reply) ends the connection, not the server.
	answered().catch((error: unknown) => {
		logCrash('POST', req.url!, error);
		res.destroy();
	});
	return true;
}

/** The body as text, decoded as `Request.text()` decodes it (UTF-8, a leading BOM dropped). */
function bodyText(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
		req.on('error', reject);
		// A body cut off by its sender never ends; after 'end' this changes nothing.
		req.on('close', () => reject(new Error('the request closed before its body ended')));
	});
}
