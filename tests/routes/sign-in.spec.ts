/**
 * The sign-in pages' form actions as a request reaches them: a throttled attempt is a 429 with a
 * Swedish message that says how long to wait, and it stops nobody else behind the same address.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import { createUser } from '../../src/lib/server/auth/users';
import * as loginPage from '../../src/routes/(public)/login/+page.server';
import * as linkPage from '../../src/routes/(public)/login/link/+page.server';

function post(path: string, fields: Record<string, string>, address: string): RequestEvent {
	const url = new URL(path, 'http://localhost');
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	return {
		locals: { user: null, session: null },
		url,
		params: {},
		request: new Request(url, { method: 'POST', body }),
		cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' },
		getClientAddress: () => address
	} as unknown as RequestEvent;
}

/** The status and message a visitor would see. */
async function answer(run: () => unknown): Promise<{ status: number; message?: string }> {
	try {
		const result = await run();
		if (isActionFailure(result)) return { status: result.status, message: (result.data as { message?: string } | undefined)?.message };
		return { status: 200 };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status };
		throw e;
	}
}

const signIn = (email: string, password: string, address: string) =>
	answer(() => loginPage.actions.default(post('/login', { email, password }, address) as never));

beforeEach(async () => {
	createTestDatabase();
	for (const email of ['anna@stockholm.se', 'berit@stockholm.se']) {
		const created = await createUser({ email, name: email, password: 'rätt-lösenord', role: 'admin' });
		if (!created.ok) throw new Error(created.message);
	}
});

describe('the sign-in page', () => {
	it('answers attempts on an account that owe a wait with 429 and the wait in Swedish, and lets others in from the same address', async () => {
		for (let i = 0; i < 3; i++) expect(await signIn('anna@stockholm.se', 'fel-lösenord', '10.9.9.9')).toEqual({ status: 400, message: 'Fel e-postadress eller lösenord. Kontrollera och försök igen.' });
		const throttled = { status: 429, message: 'För många misslyckade inloggningar. Vänta 2 sekunder och försök igen.' };
		expect(await signIn('anna@stockholm.se', 'fel-lösenord', '10.9.9.9')).toEqual(throttled);
		expect(await signIn('anna@stockholm.se', 'rätt-lösenord', '10.1.1.1')).toEqual(throttled);
		expect(await signIn('berit@stockholm.se', 'rätt-lösenord', '10.9.9.9')).toEqual({ status: 303 });
	});
});

describe('the sign-in link page', () => {
	it('answers a request for an address asked for too often with 429, the wait, and that a link already sent still works', async () => {
		const ask = (address: string) => answer(() => linkPage.actions.default(post('/login/link', { email: 'kontakt@enhet.stockholm.se' }, address) as never));
		for (let i = 0; i < 3; i++) expect(await ask(`10.0.0.${i}`)).toEqual({ status: 200 });
		expect(await ask('10.0.0.9')).toEqual({
			status: 429,
			message: 'För många förfrågningar. Vänta 1 minut innan du ber om en ny länk. En länk som du redan har fått gäller i 15 minuter.'
		});
	});
});
