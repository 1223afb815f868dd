/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce
 * (docs/sign-in.md). The browser carries only the state, in a short-lived HTTP-only cookie; the
 * verifier and the nonce wait in `sso_attempt`, so a callback from another browser, a replayed one
 * or one whose state or nonce was changed on the way finds nothing to complete.
 */
import { and, count, eq, gte, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { db } from '../db';
import * as table from '../db/schema';
import { createSession, generateToken, hashToken } from '../auth/session';
import type { BindingRefusal } from '$lib/domain/sso-binding';
import { errorReference } from '../http/reference';
import { ssoConfig } from './config';
import { identityOf } from './claims';
import { providerConfiguration } from './client';
import { resolveIdentity } from './identity';

export const ATTEMPT_COOKIE = 'sso_attempt';
export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/login/sso/callback';
/** Sign-ons one address may have open at once; each is a row until it is used or expires. */
export const MAX_PENDING_ATTEMPTS = 20;

/** Why a sign-on did not sign anyone in; each has its Swedish text in the catalogue (`signOn.problems`). */
export type SsoProblem = 'notConfigured' | 'unavailable' | 'tooMany' | 'denied' | 'provider' | 'expired' | 'invalid' | BindingRefusal;

export type StartResult = { ok: true; url: URL; state: string } | { ok: false; problem: SsoProblem; reference: string };

export async function startSignIn(origin: string, returnTo: string | null, clientAddress: string, now = new Date()): Promise<StartResult> {
	const config = ssoConfig();
	if (!config) return failure('notConfigured');
	let configuration: oidc.Configuration;
	try {
		configuration = await providerConfiguration(config);
	} catch (cause) {
		return failure('unavailable', cause);
	}
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const codeVerifier = oidc.randomPKCECodeVerifier();
	const url = oidc.buildAuthorizationUrl(configuration, {
		redirect_uri: origin + CALLBACK_PATH,
		scope: config.scopes,
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	const stored = db().transaction((tx) => {
		// Abandoned attempts say nothing any more; drop them so the table stays small.
		tx.delete(table.ssoAttempt).where(lt(table.ssoAttempt.expiresAt, now)).run();
		const open = tx
			.select({ n: count() })
			.from(table.ssoAttempt)
			.where(and(eq(table.ssoAttempt.client, clientAddress), gte(table.ssoAttempt.expiresAt, now)))
			.get()!.n;
		if (open >= MAX_PENDING_ATTEMPTS) return false;
		const expiresAt = new Date(now.getTime() + ATTEMPT_LIFETIME_MS);
		tx.insert(table.ssoAttempt).values({ id: hashToken(state), nonce, codeVerifier, returnTo, client: clientAddress, expiresAt }).run();
		return true;
	});
	if (!stored) return failure('tooMany', new Error(`${MAX_PENDING_ATTEMPTS} sign-ons open from ${clientAddress}`));
	return { ok: true, url, state };
}

export type FinishResult =
	| { ok: true; userId: number; token: string; expiresAt: Date; returnTo: string | null }
	| { ok: false; problem: SsoProblem; reference: string; email?: string };

/**
 * Completes a sign-on from the provider's answer (the callback address) and the state the browser
 * kept. The attempt is used up whatever happens. On success the person has a session of the tool,
 * with the ID token kept beside it for signing out at the provider too.
 */
export async function finishSignIn(callbackUrl: URL, state: string | undefined, now = new Date()): Promise<FinishResult> {
	const config = ssoConfig();
	if (!config) return failure('notConfigured');
	const attempt = state ? takeAttempt(state) : undefined;
	if (!state || !attempt || attempt.expiresAt.getTime() <= now.getTime()) return failure('expired');
	let claims: oidc.IDToken;
	let idToken: string;
	try {
		const configuration = await providerConfiguration(config);
		const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
			pkceCodeVerifier: attempt.codeVerifier,
			expectedState: state,
			expectedNonce: attempt.nonce,
			idTokenExpected: true
		});
		claims = tokens.claims()!;
		idToken = tokens.id_token!;
	} catch (cause) {
		return failure(problemOf(cause), cause);
	}
	const identity = identityOf(config, claims);
	if (!identity) return failure('invalid', new Error(`the ID token has no string claim ${config.subjectClaim}`));
	const decision = resolveIdentity(identity, now);
	if (decision.kind === 'refuse') {
		const result = failure(decision.reason, new Error(`refused ${identity.issuer} ${identity.subject}: ${decision.reason}`));
		return { ...result, email: identity.email ?? undefined };
	}
	const token = generateToken();
	const session = createSession(token, decision.userId);
	db().insert(table.ssoSession).values({ sessionId: session.id, idToken }).run();
	return { ok: true, userId: decision.userId, token, expiresAt: session.expiresAt, returnTo: attempt.returnTo };
}

function takeAttempt(state: string) {
	return db().delete(table.ssoAttempt).where(eq(table.ssoAttempt.id, hashToken(state))).returning().get();
}

function problemOf(cause: unknown): SsoProblem {
	if (cause instanceof oidc.AuthorizationResponseError) return cause.error === 'access_denied' ? 'denied' : 'provider';
	if (cause instanceof oidc.ResponseBodyError) return 'provider';
	// fetch reports an unreachable provider as a TypeError.
	if (cause instanceof TypeError) return 'unavailable';
	return 'invalid';
}

/** A refusal with a reference; what went wrong in detail goes to the server log under it, never to the page. */
function failure(problem: SsoProblem, cause?: unknown): { ok: false; problem: SsoProblem; reference: string } {
	const reference = errorReference();
	if (cause !== undefined) console.error(`[${reference}] single sign-on: ${problem}`, cause instanceof Error ? cause.message : cause);
	return { ok: false, problem, reference };
}
