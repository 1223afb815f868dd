import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './password';
import { claimAttempt, forgetAttempt } from './throttle';
import { invalidateUserSessions } from './session';
import { THROTTLE } from '../../domain/throttle';

export type SignInResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'missing' | 'wrong' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// Verifying against a real hash for unknown accounts keeps the answer time the same, so the
// response does not tell which e-mail addresses have accounts.
let decoyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Checks a password, slowed per account and per address (docs/sign-in.md#3-throttling). An attempt
 * that arrives while either still owes a wait is refused before its password is looked at.
 */
export async function signIn(email: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
	if (!email || !password) return { ok: false, reason: 'missing' };
	const normalised = normaliseEmail(email);
	const account = `email:${normalised}`;
	const claim = claimAttempt(
		[
			{ key: account, policy: THROTTLE.account },
			{ key: `ip:${address}`, policy: THROTTLE.address }
		],
		now
	);
	if (!claim.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: claim.retryAfterSeconds };
	const user = db()
		.select({ id: table.user.id, passwordHash: table.user.passwordHash, ssoRequired: table.user.ssoRequired })
		.from(table.user)
		.where(eq(table.user.email, normalised))
		.get();
	decoyHash ??= hashPassword('decoy-password-for-timing');
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
	// An account bound to the city's sign-on gets the same answer as a wrong password: the form
	// tells nobody which accounts exist or how they sign in. The attempt was counted as a failure
	// when it was claimed; only a success is taken back.
	if (!user || !user.passwordHash || !valid || user.ssoRequired) return { ok: false, reason: 'wrong' };
	forgetAttempt(claim.ids, [account]);
	return { ok: true, userId: user.id };
}

export type PasswordChangeResult = { ok: true } | { ok: false; field: 'current' | 'next' | 'repeat'; reason: 'wrongCurrent' | 'tooShort' | 'tooLong' | 'mismatch' };

/** Changes a password after checking the current one; every other session of the user ends. */
export async function changePassword(
	userId: number,
	keepSessionId: string,
	current: string,
	next: string,
	repeat: string
): Promise<PasswordChangeResult> {
	if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, field: 'next', reason: 'tooShort' };
	if (next.length > 200) return { ok: false, field: 'next', reason: 'tooLong' };
	if (next !== repeat) return { ok: false, field: 'repeat', reason: 'mismatch' };
	const row = db().select({ passwordHash: table.user.passwordHash }).from(table.user).where(eq(table.user.id, userId)).get();
	if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, current))) {
		return { ok: false, field: 'current', reason: 'wrongCurrent' };
	}
	const passwordHash = await hashPassword(next);
	db().update(table.user).set({ passwordHash }).where(eq(table.user.id, userId)).run();
	invalidateUserSessions(userId, keepSessionId);
	return { ok: true };
}
