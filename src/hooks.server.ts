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
import { errorReference, logCrash } from '$lib/server/http/reference';
import { securityHeaders } from '$lib/server/http/headers';
import { startBackupSchedule } from '$lib/server/backup/schedule';
import { startRetentionSchedule } from '$lib/server/retention/schedule';
import { startReminderSchedule } from '$lib/server/registration/reminder-schedule';
import { offerDirectAutosave } from '$lib/server/scoring/direct-autosave';

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
	const answer = { signedIn: Boolean(event.locals.user), https: event.url.protocol === 'https:', cacheControl: response.headers.get('Cache-Control') };
	for (const [name, value] of Object.entries(securityHeaders(answer))) response.headers.set(name, value);
	const csp = response.headers.get('Content-Security-Policy');
	if (csp) response.headers.set('Content-Security-Policy', allowProviderFormAction(csp));
	return response;
};

export const handle = sequence(handleHeaders, handleLoopbackAlias, handleForeignPosts, handleAuth, handleLang);

/**
 * A crash shows a friendly page with a reference; the details stay in the server log. It and
 * SvelteKit's own refusals (an unknown form action, a body that is no form) are worded in the
 * person's language, for the error page and for a script that asked for JSON alike.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = status >= 500 ? logCrash(event.request.method, event.url.pathname, error) : errorReference();
	return { message: errorMessage(event, status), reference };
};

/**
 * The e-mail outbox worker, WAL checkpoints, scheduled backups, retention and reminders run in the
 * server process, and the autosaves are offered to the server entry to answer directly (server.js);
 * never while building or under tests.
 */
export const init: ServerInit = () => {
	if (building || process.env.VITEST) return;
	offerDirectAutosave();
	// A half-done single sign-on setup stops the start, not the first person who signs in.
	ssoConfig();
	startMailWorker();
	startCheckpointer(db());
	void startBackupSchedule();
	startRetentionSchedule();
	startReminderSchedule();
};
