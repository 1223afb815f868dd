import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { AFTER_CEREMONY, ORIGIN, feedbackYear } from '../test-support/feedback';
import { signIn } from './login';
import { hashPassword } from './password';
import { requestLoginLink } from './login-link';

let year: ReturnType<typeof feedbackYear>;

beforeEach(() => {
	year = feedbackYear();
});

function requireSso(email: string) {
	year.db.update(table.user).set({ ssoRequired: true }).where(eq(table.user.email, email)).run();
}

describe('an account that must sign in with the city account', () => {
	it('no longer signs in with its password, and answers as for a wrong one', async () => {
		// The demo year's hash is a placeholder; give the account a real password first.
		const passwordHash = await hashPassword('rätt-lösenord');
		year.db.update(table.user).set({ passwordHash }).where(eq(table.user.email, 'examinator1@demo.test')).run();
		expect(await signIn('examinator1@demo.test', 'rätt-lösenord', '10.0.0.1')).toMatchObject({ ok: true });
		requireSso('examinator1@demo.test');
		expect(await signIn('examinator1@demo.test', 'rätt-lösenord', '10.0.0.1')).toEqual({ ok: false, reason: 'wrong' });
	});

	it('gets no one-time sign-in link either', () => {
		requireSso('enhet1@demo.test');
		expect(requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, AFTER_CEREMONY)).toEqual({ ok: true, sent: false });
		expect(year.db.select().from(table.outbox).all()).toHaveLength(0);
	});
});
