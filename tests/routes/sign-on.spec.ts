import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import type { DB } from '../../src/lib/server/db';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import { outcome } from '../../src/lib/server/test-support/scoring';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { createSession, generateToken } from '../../src/lib/server/auth/session';
import { readSsoConfig, useSsoConfig } from '../../src/lib/server/sso/config';
import * as adminPage from '../../src/routes/(app)/admin/sign-in/+page.server';
import * as loginPage from '../../src/routes/(public)/login/+page.server';
import * as logout from '../../src/routes/logout/+server';

let db: DB;
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const required = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.ssoRequired;

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
	useSsoConfig(readSsoConfig({ OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'utmarkelse' }));
});

afterEach(() => useSsoConfig(null));

/** A request to the admin page's action as `email`, signed in with a real session. */
function post(email: string, action: 'require' | 'unbind', fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const id = userId(email);
	const session = createSession(generateToken(), id);
	const url = `http://localhost/admin/sign-in?/${action}`;
	const event = {
		locals: { user: { id, email, name: '', isAdmin: false }, session },
		url: new URL(url),
		params: {},
		cookies: { get: () => undefined },
		request: new Request(url, { method: 'POST', body: form })
	};
	return outcome(() => adminPage.actions[action](event as never));
}

describe('the admin’s sign-in page', () => {
	it('lets only the admin require the city account', async () => {
		const examiner = String(userId('examinator1@demo.test'));
		expect(await post('jury1@demo.test', 'require', { userId: examiner, required: '1' })).toEqual({ thrown: 403 });
		expect(await post('examinator1@demo.test', 'unbind', { userId: examiner })).toEqual({ thrown: 403 });
		expect(required('examinator1@demo.test')).toBe(false);
		expect(await post('admin@demo.test', 'require', { userId: examiner, required: '1' })).toEqual({ done: 'required', userId: Number(examiner) });
		expect(required('examinator1@demo.test')).toBe(true);
	});

	it('answers a person who does not exist with a Swedish message and changes nothing', async () => {
		const result = await post('admin@demo.test', 'require', { userId: 'abc', required: '1' });
		expect(result).toMatchObject({ status: 404, data: { message: 'Personen eller kopplingen finns inte längre. Ladda om sidan.' } });
		expect(await post('admin@demo.test', 'unbind', { userId: String(userId('examinator1@demo.test')) })).toMatchObject({ status: 404 });
		expect(db.select().from(table.user).where(eq(table.user.ssoRequired, true)).all()).toEqual([]);
	});
});

describe('the sign-in page and signing out', () => {
	it('offers the city account only when single sign-on is configured', async () => {
		const event = { locals: { user: null, session: null }, url: new URL('http://localhost/login') };
		expect(await loginPage.load(event as never)).toEqual({ sso: true });
		useSsoConfig(null);
		expect(await loginPage.load(event as never)).toEqual({ sso: false });
	});

	it('sends a password session back to the sign-in page', async () => {
		const id = userId('examinator1@demo.test');
		const session = createSession(generateToken(), id);
		const cookies = { delete: () => undefined };
		const event = { locals: { user: { id }, session }, cookies, url: new URL('http://localhost/logout') };
		const answer = await Promise.resolve()
			.then(() => logout.POST(event as never))
			.catch((redirect: { status: number; location: string }) => redirect);
		expect(answer).toMatchObject({ status: 303, location: '/login' });
		expect(db.select().from(table.session).all()).toEqual([]);
	});
});
