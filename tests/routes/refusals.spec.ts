/**
 * Requests as the app's hooks meet them: a form posted from another site is refused in the
 * person's language (SvelteKit's own check, which answers in English, is off; `refuseBadPost` runs
 * first in `handle`), a same-site one goes through, and a post to an action that does not exist is
 * answered in Swedish, never with a 5xx. tests/e2e/refusals.spec.ts sends the same to the built app.
 */
import { describe, expect, it, vi } from 'vitest';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { handleError } from '../../src/hooks.server';
import { refuseBadPost, refusedPost } from '../../src/lib/server/http/refusals';
import { loopbackRedirect } from '../../src/lib/server/http/loopback';

const ORIGIN = 'https://utmarkelse.example';
const CROSS_SITE = 'Formuläret skickades från en annan webbplats och togs inte emot. Öppna sidan i Utmärkelse och skicka formuläret därifrån.';
const UNKNOWN_ACTION = 'Formuläret hör till en äldre version av sidan och kunde inte tas emot. Ladda om sidan och försök igen.';

interface Sent {
	method?: string;
	path?: string;
	origin?: string | null;
	type?: string | null;
	lang?: string;
	routeId?: string | null;
}

function eventFor({ method = 'POST', path = '/login', origin = ORIGIN, type = 'application/x-www-form-urlencoded', lang, routeId = '/(public)/login' }: Sent) {
	const url = new URL(path, ORIGIN);
	const headers = new Headers();
	if (origin !== null) headers.set('origin', origin);
	if (type !== null) headers.set('content-type', type);
	const request = new Request(url, { method, headers, body: method === 'GET' ? undefined : 'email=a%40b.se' });
	const cookies = { get: (name: string) => (name === 'lang' ? lang : undefined), set: () => {}, delete: () => {} };
	return { url, request, cookies, locals: {}, route: { id: routeId }, params: {} } as unknown as RequestEvent;
}

/** What the check makes of a request: it passes on, or is refused with a status and a message. */
function through(sent: Sent) {
	try {
		refuseBadPost(eventFor(sent));
		return { passes: true };
	} catch (e) {
		if (!isHttpError(e)) throw e;
		return { passes: false, status: e.status, message: e.body.message };
	}
}

describe('a form posted from another site', () => {
	it('is refused with 403 and the Swedish message, before it reaches the page', () => {
		expect(through({ origin: 'https://evil.example' })).toEqual({ passes: false, status: 403, message: CROSS_SITE });
	});

	it('is refused in English for a person who chose English', () => {
		expect(through({ origin: 'https://evil.example', lang: 'en' })).toMatchObject({ passes: false, status: 403, message: expect.stringMatching(/^The form was sent from another website/) });
	});

	it.each([
		['without an Origin', { origin: null }],
		['with the Origin "null" of a sandboxed page', { origin: 'null' }],
		['from the same host on another port', { origin: 'https://utmarkelse.example:8443' }],
		['from plain HTTP', { origin: 'http://utmarkelse.example' }],
		['as multipart/form-data', { origin: 'https://evil.example', type: 'multipart/form-data; boundary=x' }],
		['as text/plain', { origin: 'https://evil.example', type: 'text/plain;charset=UTF-8' }],
		['as SvelteKit’s binary form', { origin: 'https://evil.example', type: 'application/x-sveltekit-formdata' }],
		['with the type in capitals', { origin: 'https://evil.example', type: 'Application/X-WWW-Form-Urlencoded' }],
		['by PUT', { origin: 'https://evil.example', method: 'PUT' }],
		['by PATCH', { origin: 'https://evil.example', method: 'PATCH' }],
		['by DELETE', { origin: 'https://evil.example', method: 'DELETE' }],
		['to an endpoint', { origin: 'https://evil.example', path: '/language', routeId: '/language' }]
	] as [string, Sent][])('is refused %s', (_, sent) => {
		expect(through(sent)).toMatchObject({ passes: false, status: 403, message: CROSS_SITE });
	});

	it.each([
		['a GET', { origin: 'https://evil.example', method: 'GET', type: null }],
		['JSON, which a browser sends across sites only after asking', { origin: 'https://evil.example', type: 'application/json' }]
	] as [string, Sent][])('goes through as SvelteKit let it: %s', (_, sent) => {
		expect(through(sent)).toEqual({ passes: true });
	});
});

describe('the app opened at 127.0.0.1 while ORIGIN names localhost', () => {
	const LOCAL = 'http://localhost:3000';
	/** A request as adapter-node builds it from ORIGIN, with the Host the browser sent. */
	function requestAt(host: string, { method = 'GET', origin = null as string | null, enhanced = false, base = LOCAL } = {}) {
		const url = new URL('/login?redirectTo=%2Fjury', base);
		const headers = new Headers({ host });
		if (origin) headers.set('origin', origin);
		if (method === 'POST') headers.set('content-type', 'application/x-www-form-urlencoded');
		if (enhanced) headers.set('x-sveltekit-action', 'true');
		const request = new Request(url, { method, headers, body: method === 'POST' ? 'email=a%40b.se' : undefined });
		const cookies = { get: () => undefined, set: () => {}, delete: () => {} };
		return { url, request, cookies } as unknown as RequestEvent;
	}
	const redirectOf = (event: RequestEvent) => loopbackRedirect(event.request, event.url);

	it('sends the page request on to ORIGIN before the form is shown', () => {
		expect(redirectOf(requestAt('127.0.0.1:3000'))).toBe(`${LOCAL}/login?redirectTo=%2Fjury`);
		expect(redirectOf(requestAt('[::1]:3000'))).toBe(`${LOCAL}/login?redirectTo=%2Fjury`);
	});

	it('serves the page at ORIGIN itself, on another port, and behind a proxy whatever Host the proxy sends', () => {
		expect(redirectOf(requestAt('localhost:3000'))).toBeNull();
		expect(redirectOf(requestAt('127.0.0.1:8080'))).toBeNull();
		expect(redirectOf(requestAt('10.0.0.5:3000', { base: 'https://utmarkelse.example' }))).toBeNull();
		expect(redirectOf(requestAt('127.0.0.1:3000', { method: 'POST', origin: 'http://127.0.0.1:3000' }))).toBeNull();
	});

	it('refuses a form sent by use:enhance from 127.0.0.1 as an action error, so the page shows the Swedish message', async () => {
		const response = refusedPost(requestAt('127.0.0.1:3000', { method: 'POST', origin: 'http://127.0.0.1:3000', enhanced: true }))!;
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ type: 'error', error: { message: CROSS_SITE } });
	});

	it('refuses the same form without JavaScript as before, for the error page', () => {
		let thrown: unknown;
		try {
			refusedPost(requestAt('127.0.0.1:3000', { method: 'POST', origin: 'http://127.0.0.1:3000' }));
		} catch (e) {
			thrown = e;
		}
		expect(isHttpError(thrown) && [thrown.status, thrown.body.message]).toEqual([403, CROSS_SITE]);
		expect(refusedPost(requestAt('localhost:3000', { method: 'POST', origin: LOCAL, enhanced: true }))).toBeNull();
	});
});

describe('a form posted from the app itself', () => {
	it('goes through to the page', () => {
		expect(through({})).toEqual({ passes: true });
		expect(through({ path: '/login?/save', type: 'multipart/form-data; boundary=x' })).toEqual({ passes: true });
	});
});

describe('a form posted to an action that does not exist', () => {
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'default'])('named "%s" is answered 404 in Swedish', (name) => {
		expect(through({ path: `/login?/${name}` })).toEqual({ passes: false, status: 404, message: UNKNOWN_ACTION });
	});

	it.each([
		[404, 'Not Found'],
		[405, 'Method Not Allowed']
	])('that SvelteKit refuses with %i is worded in Swedish', async (status, message) => {
		const event = eventFor({ path: '/login?/gammal' });
		expect(await handleError({ error: new Error(message), event, status, message })).toMatchObject({ message: UNKNOWN_ACTION });
	});

	it('is worded in English for a person who chose English', async () => {
		const event = eventFor({ path: '/login?/gammal', lang: 'en' });
		expect(await handleError({ error: new Error('Not Found'), event, status: 404, message: 'Not Found' })).toMatchObject({
			message: 'The form belongs to an older version of the page and could not be accepted. Reload the page and try again.'
		});
	});
});

describe('SvelteKit’s other errors', () => {
	it('are worded in Swedish: a missing page, a body that is no form', async () => {
		const missing = eventFor({ method: 'GET', path: '/finns-inte', type: null, routeId: null });
		expect(await handleError({ error: new Error('Not Found'), event: missing, status: 404, message: 'Not Found' })).toMatchObject({
			message: 'Sidan du söker finns inte, eller så har du inte tillgång till den. Kontrollera adressen.'
		});
		const json = eventFor({ path: '/login?/save', type: 'application/json' });
		expect(await handleError({ error: new Error('Unsupported Media Type'), event: json, status: 415, message: 'Unsupported Media Type' })).toMatchObject({
			message: 'Vi kunde inte läsa formuläret. Ladda om sidan och försök igen.'
		});
	});

	it('a crash gets the apology and a reference; the details go to the log only', async () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const answer = await handleError({ error: new Error('hemlig detalj'), event: eventFor({}), status: 500, message: 'Internal Error' });
		expect(answer).toEqual({
			message: 'Något gick fel hos oss. Det du redan har sparat finns kvar. Försök igen om en stund.',
			reference: expect.stringMatching(/^[0-9A-F]{8}$/)
		});
		expect(spy).toHaveBeenCalledOnce();
		spy.mockRestore();
	});
});
