import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import type { DB } from '../db';
import { createTestDatabase } from '../test-support/db';
import { seedDemo } from '../demo/seed';
import { startLocalProvider, type LocalProvider } from '../test-support/identity-provider';
import { signOnAt, TestBrowser } from '../test-support/sso-browser';
import { validateSessionToken } from '../auth/session';
import { readSsoConfig, useSsoConfig } from './config';
import { finishSignIn, MAX_PENDING_ATTEMPTS, startSignIn } from './flow';
import { providerSignOutUrl } from './sign-out';

const ORIGIN = 'http://localhost:4999';
const PASSWORD = 'provider-password';
// Short-lived ID tokens make the clock tolerance matter within a few minutes of skew.
const ID_TOKEN_SECONDS = 60;

let provider: LocalProvider;
let db: DB;

beforeAll(async () => {
	provider = await startLocalProvider({
		port: 0,
		client: { clientId: 'utmarkelse', clientSecret: 'test-secret', origin: ORIGIN },
		password: PASSWORD,
		idTokenSeconds: ID_TOKEN_SECONDS
	});
	useSsoConfig(readSsoConfig({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'utmarkelse', OIDC_CLIENT_SECRET: 'test-secret' }));
});

afterAll(async () => {
	useSsoConfig(null);
	await provider.close();
});

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'jury', passwordHash: 'x' });
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const bindings = () => db.select().from(table.ssoIdentity).all();

/** A sign-on through the provider's form as `login`, back to the tool's callback (not yet completed). */
async function signOn(login: string, options: { browser?: TestBrowser; tamperAuthorization?: (url: URL) => void } = {}) {
	const browser = options.browser ?? new TestBrowser(ORIGIN);
	return { ...(await signOnAt(browser, ORIGIN, login, PASSWORD, { returnTo: '/jury', tamperAuthorization: options.tamperAuthorization })), browser };
}

describe('signing on with the city account', () => {
	it('binds the examiner at the first sign-on and signs them in, then by the subject alone', async () => {
		const { callback, state } = await signOn('examinator2');
		const result = await finishSignIn(callback, state);
		expect(result).toMatchObject({ ok: true, userId: userId('examinator2@demo.test'), returnTo: '/jury' });
		if (!result.ok) return;
		expect(validateSessionToken(result.token).user?.email).toBe('examinator2@demo.test');
		expect(bindings()).toEqual([expect.objectContaining({ userId: userId('examinator2@demo.test'), issuer: provider.issuer, subject: 'stadskonto-0002' })]);
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.entityId, String(userId('examinator2@demo.test')))).all();
		expect(audit.map((a) => a.action)).toEqual(['auth.ssoBind', 'auth.ssoSignIn']);

		const again = await signOn('examinator2');
		expect(await finishSignIn(again.callback, again.state)).toMatchObject({ ok: true, userId: userId('examinator2@demo.test') });
		expect(bindings()).toHaveLength(1);
	});

	it('signs in the same person after the provider changed their address', async () => {
		const first = await signOn('jury1');
		expect(await finishSignIn(first.callback, first.state)).toMatchObject({ ok: true, userId: userId('jury1@demo.test') });
		const moved = await signOn('jury1-ny-adress');
		expect(await finishSignIn(moved.callback, moved.state)).toMatchObject({ ok: true, userId: userId('jury1@demo.test') });
	});

	it('gives another provider account with a bound person’s address nothing of theirs', async () => {
		const chair = await signOn('ordforande');
		expect(await finishSignIn(chair.callback, chair.state)).toMatchObject({ ok: true });
		const impostor = await signOn('falsk-ordforande');
		const result = await finishSignIn(impostor.callback, impostor.state);
		expect(result).toMatchObject({ ok: false, problem: 'boundToOther' });
		expect(bindings().map((b) => b.subject)).toEqual(['stadskonto-0100']);
		expect(db.select().from(table.session).all()).toHaveLength(1);
	});

	it('refuses a person the tool does not have, and an address the provider has not verified', async () => {
		const unknown = await signOn('okand');
		expect(await finishSignIn(unknown.callback, unknown.state)).toMatchObject({ ok: false, problem: 'unknown', email: 'okand.person@stockholm.se' });
		const unverified = await signOn('overifierad');
		expect(await finishSignIn(unverified.callback, unverified.state)).toMatchObject({ ok: false, problem: 'unverifiedEmail' });
		expect(bindings()).toEqual([]);
		expect(db.select().from(table.session).all()).toEqual([]);
	});
});

describe('what the tool refuses on the way back', () => {
	it('a changed state, a missing one and a replayed answer', async () => {
		const { callback, state } = await signOn('examinator2');
		const forged = new URL(callback);
		forged.searchParams.set('state', 'forged-state');
		expect(await finishSignIn(forged, state)).toMatchObject({ ok: false, problem: 'invalid' });
		// The attempt is used up by the failure: the genuine answer finds nothing to complete either.
		expect(await finishSignIn(callback, state)).toMatchObject({ ok: false, problem: 'expired' });

		const other = await signOn('examinator2');
		// An answer arriving in a browser that did not start the sign-on (no state cookie).
		expect(await finishSignIn(other.callback, undefined)).toMatchObject({ ok: false, problem: 'expired' });
		expect(db.select().from(table.session).all()).toEqual([]);
	});

	it('an ID token made for another nonce', async () => {
		const { callback, state } = await signOn('examinator2', { tamperAuthorization: (url) => url.searchParams.set('nonce', 'another-nonce') });
		expect(await finishSignIn(callback, state)).toMatchObject({ ok: false, problem: 'invalid' });
		expect(bindings()).toEqual([]);
	});

	it('an attempt older than its lifetime', async () => {
		const { callback, state } = await signOn('examinator2');
		expect(await finishSignIn(callback, state, new Date(Date.now() + 11 * 60_000))).toMatchObject({ ok: false, problem: 'expired' });
	});

	it('the provider’s refusal, with a reference', async () => {
		const start = await startSignIn(ORIGIN, null, '127.0.0.1');
		if (!start.ok) throw new Error(start.problem);
		const refused = new URL(`${ORIGIN}/login/sso/callback`);
		refused.search = new URLSearchParams({ error: 'access_denied', state: start.state, iss: provider.issuer }).toString();
		const result = await finishSignIn(refused, start.state);
		expect(result).toMatchObject({ ok: false, problem: 'denied', reference: expect.stringMatching(/^[0-9A-F]{8}$/) });
	});
});

describe('starting sign-ons', () => {
	it(`refuses more than ${MAX_PENDING_ATTEMPTS} open at once from one address, so the table cannot be flooded`, async () => {
		for (let i = 0; i < MAX_PENDING_ATTEMPTS; i++) expect(await startSignIn(ORIGIN, null, '10.0.0.1')).toMatchObject({ ok: true });
		expect(await startSignIn(ORIGIN, null, '10.0.0.1')).toMatchObject({ ok: false, problem: 'tooMany' });
		expect(await startSignIn(ORIGIN, null, '10.0.0.2')).toMatchObject({ ok: true });
		expect(db.select().from(table.ssoAttempt).all()).toHaveLength(MAX_PENDING_ATTEMPTS + 1);
		// Once they have expired, the address may start again.
		const later = new Date(Date.now() + 11 * 60_000);
		expect(await startSignIn(ORIGIN, null, '10.0.0.1', later)).toMatchObject({ ok: true });
	});
});

describe('clock skew', () => {
	/** From the moment the provider has answered with the tokens, the tool's clock runs `seconds` ahead. */
	function toolClockAheadAfterTokens(seconds: number) {
		const realFetch = globalThis.fetch;
		const realNow = Date.now;
		vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
			const response = await realFetch(input, init);
			const url = input instanceof Request ? input.url : String(input);
			if (url.endsWith('/token')) vi.spyOn(Date, 'now').mockImplementation(() => realNow() + seconds * 1000);
			return response;
		});
	}

	it('accepts an ID token that expired by the tool’s clock within the tolerance, and refuses beyond it', async () => {
		const within = await signOn('examinator2');
		toolClockAheadAfterTokens(ID_TOKEN_SECONDS + 200);
		expect(await finishSignIn(within.callback, within.state, new Date())).toMatchObject({ ok: true });
		vi.restoreAllMocks();
		vi.unstubAllGlobals();

		const beyond = await signOn('examinator2');
		toolClockAheadAfterTokens(ID_TOKEN_SECONDS + 400);
		expect(await finishSignIn(beyond.callback, beyond.state, new Date())).toMatchObject({ ok: false, problem: 'invalid' });
	});
});

describe('signing out', () => {
	it('sends the browser to the provider’s end of session, which ends the provider’s sign-in too', async () => {
		const browser = new TestBrowser(ORIGIN);
		const { callback, state } = await signOn('examinator2', { browser });
		const result = await finishSignIn(callback, state);
		if (!result.ok) throw new Error(result.problem);
		const sessionId = db.select().from(table.session).get()!.id;

		// While the provider remembers the person, a new sign-on needs no form.
		const remembered = await startSignIn(ORIGIN, null, '127.0.0.1');
		if (!remembered.ok) throw new Error(remembered.problem);
		expect(await browser.follow(remembered.url.href)).toHaveProperty('back');

		const endSession = await providerSignOutUrl(sessionId, ORIGIN);
		expect(endSession).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
		expect(new URL(endSession!).searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/login`);
		const confirm = await browser.follow(endSession!);
		if (!('page' in confirm)) throw new Error('no confirmation page');
		const xsrf = confirm.page.match(/name="xsrf" value="([^"]+)"/)![1];
		const action = confirm.page.match(/<form[^>]*action="([^"]+)"/)![1];
		const done = await browser.follow(new URL(action, confirm.url).href, { method: 'POST', form: { xsrf, logout: 'yes' } });
		expect(done).toEqual({ back: new URL(`${ORIGIN}/login`) });

		const afterwards = await startSignIn(ORIGIN, null, '127.0.0.1');
		if (!afterwards.ok) throw new Error(afterwards.problem);
		const shown = await browser.follow(afterwards.url.href);
		expect(shown).toHaveProperty('page');
		expect('page' in shown && shown.page).toContain('Logga in med ditt stadskonto');
	});

	it('a password session has nothing to end at the provider', async () => {
		expect(await providerSignOutUrl('no-such-session', ORIGIN)).toBeNull();
	});
});

describe('without configuration', () => {
	it('says single sign-on is not set up', async () => {
		useSsoConfig(null);
		try {
			expect(await startSignIn(ORIGIN, null, '127.0.0.1')).toMatchObject({ ok: false, problem: 'notConfigured' });
		} finally {
			useSsoConfig(readSsoConfig({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'utmarkelse', OIDC_CLIENT_SECRET: 'test-secret' }));
		}
	});
});
