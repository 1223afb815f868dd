import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import * as auth from './session';
import { changePassword, signIn } from './login';
import { MAX_FAILURES } from './throttle';
import { createUser } from './users';

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

	it(`throttles an account after ${MAX_FAILURES} failures, even with the right password`, async () => {
		for (let i = 0; i < MAX_FAILURES; i++) await signIn('anna@stockholm.se', 'fel', `10.0.0.${i}`);
		const result = await signIn('anna@stockholm.se', 'rätt-lösenord', '10.0.1.1');
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		expect(result.ok === false && result.reason === 'throttled' && result.minutes).toBeGreaterThan(0);
	});

	it(`throttles an address after ${MAX_FAILURES} failures on any accounts`, async () => {
		for (let i = 0; i < MAX_FAILURES; i++) await signIn(`person${i}@stockholm.se`, 'fel', '10.9.9.9');
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.9.9.9')).toMatchObject({ reason: 'throttled' });
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.9.9.8')).toMatchObject({ ok: true });
	});
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
