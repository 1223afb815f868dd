/**
 * Requests SvelteKit would refuse in English, refused here in the person's language: form posts
 * from another site (SvelteKit's own origin check is off in svelte.config.js so that this one can
 * answer) and form posts to an action no page can have; and the words for the errors SvelteKit
 * hands to handleError (an unknown action, a body that is no form, a crash).
 */
import { error, isHttpError, json, type RequestEvent } from '@sveltejs/kit';
import { messagesOf } from './locale';

// What a browser can post from another site without asking first (HTML forms, and fetch with
// these types), and SvelteKit's own binary form type: the same list SvelteKit checks.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A form-typed write whose Origin is not this app's own, or that names none: SvelteKit's
 * `csrf.checkOrigin` rule, with no trusted origins, exactly as strict.
 */
function isCrossSiteForm(request: Request, url: URL): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type) && WRITES.includes(request.method) && request.headers.get('origin') !== url.origin;
}

/**
 * A form post to an action named "default" or after a property every object has ("constructor",
 * "__proto__", "toString" …): SvelteKit would call that property, or fail, and answer 500.
 */
function isReservedAction(request: Request, url: URL): boolean {
	if (request.method !== 'POST') return false;
	// SvelteKit takes the first parameter that starts with a slash as the action's name.
	const name = [...url.searchParams.keys()].find((key) => key.startsWith('/'))?.slice(1);
	return name !== undefined && (name === 'default' || name in Object.prototype);
}

/**
 * Refuses, before anything else reads it, a form post from another site (403) or one to an action
 * no page can have (404), in the person's language; anything else passes.
 */
export function refuseBadPost(event: Pick<RequestEvent, 'request' | 'url' | 'cookies'>): void {
	if (isCrossSiteForm(event.request, event.url)) error(403, messagesOf(event.cookies).errors.crossSite);
	if (isReservedAction(event.request, event.url)) error(404, messagesOf(event.cookies).errors.unknownAction);
}

/**
 * `refuseBadPost` as a response: a form sent by `use:enhance` reads only an action result, so it is
 * told of the refusal as one ({ type: 'error' }) and shows the app's error page with the message;
 * any other request gets the refusal as it was thrown.
 */
export function refusedPost(event: Pick<RequestEvent, 'request' | 'url' | 'cookies'>): Response | null {
	try {
		refuseBadPost(event);
		return null;
	} catch (e) {
		if (!isHttpError(e) || event.request.headers.get('x-sveltekit-action') !== 'true') throw e;
		return json({ type: 'error', error: { message: e.body.message } }, { status: e.status });
	}
}

/**
 * What handleError answers, in the person's language: a crash (500 and up) the apology, and
 * SvelteKit's own refusals (the only errors under 500 that reach handleError) what went wrong: an
 * action its page does not have, or a page without actions; a missing page; a body that is no form.
 */
export function errorMessage(event: Pick<RequestEvent, 'request' | 'route' | 'cookies'>, status: number): string {
	const m = messagesOf(event.cookies).errors;
	if (status >= 500) return m.server;
	const formPost = event.request.method === 'POST' && event.route.id !== null;
	if (formPost && (status === 404 || status === 405)) return m.unknownAction;
	if (status === 404) return m.notFound;
	if (status === 415) return m.badForm;
	return m.badRequest;
}
