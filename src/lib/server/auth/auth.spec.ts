import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import * as auth from './session';
import { changePassword, signIn, type SignInResult } from './login';
import { createUser } from './users';

const verifyCalls = vi.hoisted(() => vi.fn());
vi.mock('./password', async (original) => {
	const actual = await original<typeof import('./password')>();
	return {
		...actual,
		verifyPassword: (hash: string, password: string) => {
			verifyCalls(password);
			return actual.verifyPassword(hash, password);
		}
	};
});

let db: DB;
let userId: number;

beforeEach(async () => {
	db = createTestDatabase();
	const result = await createUser({ email: 'Anna@Stockholm.se', name: 'Anna Ek', password: 'rätt-lösenord', role: 'admin' });
	if (!result.ok) throw new Error(result.message);
	userId = result.userId;
});

describe('sessions', () => {
	it('stores only the hash of the token and finds the user by the token', () => {
		const token = auth.generateToken();
		const session = auth.createSession(token, userId);
		expect(session.id).not.toBe(token);
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		const { user, renewed } = auth.validateSessionToken(token);
		expect(user?.email).toBe('anna@stockholm.se');
		expect(renewed).toBe(false);
		expect(auth.validateSessionToken(auth.generateToken()).user).toBeNull();
	});

	it('expires, and slides forward when half the lifetime has passed', () => {
		const token = auth.generateToken();
		const session = auth.createSession(token, userId);
		const day = 86_400_000;
		db.update(table.session).set({ expiresAt: new Date(Date.now() + 10 * day) }).where(eq(table.session.id, session.id)).run();
		const renewed = auth.validateSessionToken(token);
		expect(renewed.renewed).toBe(true);
		expect(renewed.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * day);
		expect(db.select().from(table.session).get()!.expiresAt).toEqual(renewed.session!.expiresAt);
		expect(auth.validateSessionToken(token).renewed).toBe(false);
		db.update(table.session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(table.session.id, session.id)).run();
		expect(auth.validateSessionToken(token).session).toBeNull();
		expect(db.select().from(table.session).all()).toHaveLength(0);
	});
});

describe('sign-in', () => {
	it('accepts the right password, whatever the case of the e-mail address', async () => {
		expect(await signIn('ANNA@stockholm.se', 'rätt-lösenord', '10.0.0.1')).toEqual({ ok: true, userId });
	});

	it('refuses a wrong password and an unknown account alike', async () => {
		expect(await signIn('anna@stockholm.se', 'fel', '10.0.0.1')).toEqual({ ok: false, reason: 'wrong' });
		expect(await signIn('okand@stockholm.se', 'fel', '10.0.0.1')).toEqual({ ok: false, reason: 'wrong' });
		expect(await signIn('', '', '10.0.0.1')).toEqual({ ok: false, reason: 'missing' });
	});
});

const T0 = Date.parse('2026-05-04T08:00:00Z');
const at = (ms: number) => new Date(ms);

/**
 * Someone trying wrong passwords on one account as fast as the throttle lets them, until `failures`
 * of them have been checked. Returns the waits they were told and the time of their last failure.
 */
async function hammer(email: string, addressOf: (attempt: number) => string, failures: number, start = T0) {
	let t = start;
	const waits: number[] = [];
	for (let attempt = 0, checked = 0; checked < failures; attempt++) {
		if (attempt > 10 * failures) throw new Error('the throttle never let an attempt through');
		const result = await signIn(email, 'fel-lösenord', addressOf(attempt), at(t));
		if (result.ok || result.reason === 'missing') throw new Error(`unexpected ${JSON.stringify(result)}`);
		if (result.reason === 'wrong') checked++;
		else if (result.reason === 'throttled') {
			waits.push(result.retryAfterSeconds);
			t += result.retryAfterSeconds * 1000;
		}
	}
	return { waits, t };
}

/** The owner signing in with the right password, trying again after each wait they are told. */
async function signInPatiently(email: string, password: string, address: string, start: number) {
	let t = start;
	for (let attempt = 0; attempt < 5; attempt++) {
		const result = await signIn(email, password, address, at(t));
		if (result.ok || result.reason !== 'throttled') return { result, t };
		t += result.retryAfterSeconds * 1000;
	}
	throw new Error('still throttled after five waits');
}

describe('sign-in throttling', () => {
	beforeEach(() => verifyCalls.mockClear());

	it('ten wrong passwords on one account do not stop another account signing in from the same address', async () => {
		const berit = await createUser({ email: 'berit@stockholm.se', name: 'Berit Al', password: 'berits-lösenord', role: 'admin' });
		const { t } = await hammer('anna@stockholm.se', () => '10.9.9.9', 10);
		expect(await signIn('berit@stockholm.se', 'berits-lösenord', '10.9.9.9', at(t))).toEqual({ ok: true, userId: berit.ok && berit.userId });
	});

	it('slows an attacked account with growing waits of seconds to minutes, and lets its owner in once the wait has passed', async () => {
		const { waits, t } = await hammer('anna@stockholm.se', (i) => `203.0.113.${i}`, 10);
		expect(waits.length).toBeGreaterThanOrEqual(5);
		for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
		expect(waits[0]).toBeLessThanOrEqual(5);
		expect(waits.at(-1)).toBeLessThanOrEqual(5 * 60);

		const early = await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(t));
		if (early.ok || early.reason !== 'throttled') throw new Error(`not throttled: ${JSON.stringify(early)}`);
		expect(early.retryAfterSeconds).toBeGreaterThan(waits.at(-1)!);
		expect(early.retryAfterSeconds).toBeLessThanOrEqual(5 * 60);
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(t + early.retryAfterSeconds * 1000 - 1000))).toMatchObject({ reason: 'throttled' });
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(t + early.retryAfterSeconds * 1000))).toEqual({ ok: true, userId });
	});

	it('refuses an attempt inside the wait without checking its password, and does not count it', async () => {
		const { t } = await hammer('anna@stockholm.se', () => '203.0.113.9', 4);
		verifyCalls.mockClear();
		const first = await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(t));
		expect(first).toMatchObject({ ok: false, reason: 'throttled' });
		for (let i = 0; i < 5; i++) expect(await signIn('anna@stockholm.se', 'fel-lösenord', '10.0.0.1', at(t + 500))).toMatchObject({ reason: 'throttled' });
		expect(verifyCalls).not.toHaveBeenCalled();
		// The refusals did not lengthen the wait: the owner gets in when the first answer said.
		const wait = !first.ok && first.reason === 'throttled' ? first.retryAfterSeconds : NaN;
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(t + wait * 1000))).toEqual({ ok: true, userId });
	});

	it('lets no more attempts past the wait when they arrive all at once', async () => {
		const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn('anna@stockholm.se', 'fel-lösenord', `203.0.113.${i}`, at(T0))));
		const checked = results.filter((r) => !r.ok && r.reason === 'wrong').length;
		expect(checked).toBeGreaterThan(0);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(10 - checked);
		expect(checked).toBeLessThan(10);
		expect(verifyCalls).toHaveBeenCalledTimes(checked);
	});

	it('clears the account’s failures when its owner signs in', async () => {
		const { t } = await hammer('anna@stockholm.se', () => '203.0.113.9', 9);
		const signedIn = await signInPatiently('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', t);
		expect(signedIn.result).toEqual({ ok: true, userId });
		// One typo afterwards costs no wait: the nine failures before the sign-in no longer count.
		expect(await signIn('anna@stockholm.se', 'fel-lösenord', '10.0.0.1', at(signedIn.t))).toEqual({ ok: false, reason: 'wrong' });
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1', at(signedIn.t))).toEqual({ ok: true, userId });
	});

	it('lets an office behind one address make its typing mistakes, and slows an address that tries account after account', async () => {
		for (let i = 0; i < 50; i++) expect(await signIn(`person${i}@stockholm.se`, 'fel-lösenord', '10.9.9.9', at(T0))).toEqual({ ok: false, reason: 'wrong' });
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.9.9.9', at(T0))).toEqual({ ok: true, userId });

		let refused: SignInResult | undefined;
		for (let i = 50; i < 300 && !refused; i++) {
			const result = await signIn(`person${i}@stockholm.se`, 'fel-lösenord', '10.9.9.9', at(T0));
			if (!result.ok && result.reason === 'throttled') refused = result;
		}
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		// Anyone else behind that address waits too, but seconds, not a quarter of an hour.
		const other = await signIn('anna@stockholm.se', 'rätt-lösenord', '10.9.9.9', at(T0));
		expect(other).toMatchObject({ ok: false, reason: 'throttled' });
		expect(!other.ok && other.reason === 'throttled' && other.retryAfterSeconds).toBeLessThanOrEqual(60);
	}, 60_000); // a hundred and more argon2 checks
});

describe('changing the password', () => {
	it('ends every other session and keeps the current one', async () => {
		const mine = auth.generateToken();
		const other = auth.generateToken();
		const session = auth.createSession(mine, userId);
		auth.createSession(other, userId);
		expect(await changePassword(userId, session.id, 'rätt-lösenord', 'nytt-lösenord-1', 'nytt-lösenord-1')).toEqual({ ok: true });
		expect(auth.validateSessionToken(mine).user).not.toBeNull();
		expect(auth.validateSessionToken(other).user).toBeNull();
		expect(await signIn('anna@stockholm.se', 'nytt-lösenord-1', '10.0.0.1')).toMatchObject({ ok: true });
	});

	it('refuses a wrong current password, a short one and a mismatch, changing nothing', async () => {
		const session = auth.createSession(auth.generateToken(), userId);
		expect(await changePassword(userId, session.id, 'fel', 'nytt-lösenord-1', 'nytt-lösenord-1')).toMatchObject({ field: 'current' });
		expect(await changePassword(userId, session.id, 'rätt-lösenord', 'kort', 'kort')).toMatchObject({ reason: 'tooShort' });
		expect(await changePassword(userId, session.id, 'rätt-lösenord', 'nytt-lösenord-1', 'nytt-lösenord-2')).toMatchObject({ reason: 'mismatch' });
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.0.1')).toMatchObject({ ok: true });
	});
});

describe('creating users', () => {
	it('refuses a duplicate e-mail address and a cycle role without a cycle', async () => {
		expect(await createUser({ email: 'anna@stockholm.se', name: 'X', password: 'långt-lösenord', role: 'admin' })).toMatchObject({ ok: false });
		expect(await createUser({ email: 'b@stockholm.se', name: 'B', password: 'långt-lösenord', role: 'juror' })).toMatchObject({ ok: false });
		expect(await createUser({ email: 'c@stockholm.se', name: 'C', password: 'kort', role: 'admin' })).toMatchObject({ ok: false });
	});
});
