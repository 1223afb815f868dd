import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import * as auth from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { localeOf } from '$lib/server/http/locale';
import { errorMessage, refusedPost } from '$lib/server/http/refusals';
import { loopbackRedirect } from '$lib/server/http/loopback';
import { startMailWorker } from '$lib/server/mail/worker';
import { db } from '$lib/server/db';
import { startCheckpointer } from '$lib/server/db/checkpoint';
import { allowProviderFormAction } from '$lib/server/sso/sign-out';
import { ssoConfig } from '$lib/server/sso/config';
import { errorReference } from '$lib/server/http/reference';
import { startBackupSchedule } from '$lib/server/backup/schedule';
import { startRetentionSchedule } from '$lib/server/retention/schedule';
import { startReminderSchedule } from '$lib/server/registration/reminder-schedule';

/**
 * Form posts from another site are refused here, in the person's language (kit.csrf leaves this
 * check to us), and so are posts to an action no page can have; both before any session is read.
 */
const handleForeignPosts: Handle = async ({ event, resolve }) => refusedPost(event) ?? resolve(event);

/** A page opened at 127.0.0.1 while ORIGIN names localhost (or back) goes to ORIGIN before its forms are used. */
const handleLoopbackAlias: Handle = async ({ event, resolve }) => {
	const location = loopbackRedirect(event.request, event.url);
	return location ? new Response(null, { status: 307, headers: { location } }) : resolve(event);
};

/** Validates the session cookie and sets locals.user / locals.session; nothing else. */
const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(auth.SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user, renewed } = auth.validateSessionToken(token);
	// The cookie carries the session's expiry: send it again only when that moved (or is gone).
	if (!session) deleteSessionCookie(event.cookies);
	else if (renewed) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

/** The page's language attribute follows the chosen interface language. */
const handleLang: Handle = async ({ event, resolve }) => {
	const lang = localeOf(event.cookies);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

/** Security headers every page gets (the Content-Security-Policy comes from kit.csp). */
const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'SAMEORIGIN');
	const csp = response.headers.get('Content-Security-Policy');
	if (csp) response.headers.set('Content-Security-Policy', allowProviderFormAction(csp));
	// What a signed-in person saw is kept in no cache, shared or the browser's own; a response that
	// says how it may be cached (the written accounts, with their ETag) keeps its own rule.
	if (event.locals.user && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
	// Behind HTTPS, the browser is told to use nothing else for a year.
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
};

export const handle = sequence(handleHeaders, handleLoopbackAlias, handleForeignPosts, handleAuth, handleLang);

/**
 * A crash shows a friendly page with a reference; the details stay in the server log. It and
 * SvelteKit's own refusals (an unknown form action, a body that is no form) are worded in the
 * person's language, for the error page and for a script that asked for JSON alike.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = errorReference();
	if (status >= 500) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: errorMessage(event, status), reference };
};

/** The e-mail outbox worker, WAL checkpoints, scheduled backups, retention and reminders run in the server process; never while building or under tests. */
export const init: ServerInit = () => {
	if (building || process.env.VITEST) return;
	// A half-done single sign-on setup stops the start, not the first person who signs in.
	ssoConfig();
	startMailWorker();
	startCheckpointer(db());
	void startBackupSchedule();
	startRetentionSchedule();
	startReminderSchedule();
};
