import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { AFTER_CEREMONY, ORIGIN, feedbackYear } from '../test-support/feedback';
import { consumeLoginLink, LINK_LIFETIME_MS, peekLoginLink, requestLoginLink } from './login-link';
import { hashToken } from './session';

let year: ReturnType<typeof feedbackYear>;
const now = AFTER_CEREMONY;

beforeEach(() => {
	year = feedbackYear();
});

/** The token from the newest queued e-mail. */
function tokenFromMail(): string {
	const mails = year.db.select().from(table.outbox).all();
	const match = mails.at(-1)!.bodyText.match(/\/login\/link\/([a-z2-7]+)/);
	if (!match) throw new Error('no link in the e-mail');
	return match[1];
}

describe('asking for a sign-in link', () => {
	it('sends a link to a unit contact, by their own address, and stores only its hash', () => {
		expect(requestLoginLink('Enhet1@demo.test', '10.0.0.1', ORIGIN, null, now)).toEqual({ ok: true, sent: true });
		const token = tokenFromMail();
		const [row] = year.db.select().from(table.loginToken).all();
		expect(row.id).toBe(hashToken(token));
		expect(row.id).not.toContain(token);
		expect(row.expiresAt.getTime()).toBe(now.getTime() + LINK_LIFETIME_MS);
		// A contact's address that no user owns yet signs in nobody: the release gives it a user first.
		expect(requestLoginLink('enhet2@demo.test', '10.0.0.1', ORIGIN, null, now)).toEqual({ ok: true, sent: false });
		const mails = year.db.select().from(table.outbox).all();
		expect(mails.map((m) => m.toAddress)).toEqual(['enhet1@demo.test']);
		expect(mails[0].bodyText).toContain(`${ORIGIN}/login/link/`);
	});

	it('answers the same for an address with no contact user, and sends nothing', () => {
		expect(requestLoginLink('okand@stockholm.se', '10.0.0.1', ORIGIN, null, now)).toEqual({ ok: true, sent: false });
		// An examiner is not a unit contact: no link either.
		expect(requestLoginLink('examinator1@demo.test', '10.0.0.1', ORIGIN, null, now)).toEqual({ ok: true, sent: false });
		// A contact without a user (not yet released to) cannot sign in yet.
		expect(requestLoginLink('enhet9@demo.test', '10.0.0.1', ORIGIN, null, now)).toEqual({ ok: true, sent: false });
		expect(year.db.select().from(table.outbox).all()).toHaveLength(0);
		expect(year.db.select().from(table.loginToken).all()).toHaveLength(0);
	});

	it('sends only a few e-mails to an address asked for over and over, and its owner still signs in with the newest', () => {
		const userId = year.user('enhet1@demo.test').id;
		for (let i = 0; i < 20; i++) requestLoginLink('enhet1@demo.test', `203.0.113.${i}`, ORIGIN, null, now);
		const flood = year.db.select().from(table.outbox).all();
		expect(flood.length).toBeGreaterThan(0);
		expect(flood.length).toBeLessThanOrEqual(3);

		// The owner asks too and is told to wait, but the newest link in their inbox works meanwhile.
		const refused = requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, now);
		if (refused.ok) throw new Error('not throttled');
		expect(refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(refused.retryAfterSeconds * 1000).toBeLessThan(LINK_LIFETIME_MS);
		expect(consumeLoginLink(tokenFromMail(), now)).toEqual({ ok: true, userId });

		// Once the wait has passed a new link is sent, and the wait before the next one is longer.
		const later = new Date(now.getTime() + refused.retryAfterSeconds * 1000);
		expect(requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, later)).toEqual({ ok: true, sent: true });
		const next = requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, later);
		expect(!next.ok && next.retryAfterSeconds).toBeGreaterThan(refused.retryAfterSeconds);
	});

	it('serves an office whose contacts all ask from one address', () => {
		for (let i = 0; i < 30; i++) {
			expect(requestLoginLink(`enhet${i + 2}@demo.test`, '10.9.9.9', ORIGIN, null, now)).toMatchObject({ ok: true });
		}
		expect(requestLoginLink('enhet1@demo.test', '10.9.9.9', ORIGIN, null, now)).toEqual({ ok: true, sent: true });
	});

	it('keeps a local return path in the link and drops another site', () => {
		requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, '/reports/3', now);
		expect(year.db.select().from(table.outbox).all()[0].bodyText).toContain('?redirectTo=%2Freports%2F3');
		requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, '//evil.example/x', now);
		expect(year.db.select().from(table.outbox).all()[1].bodyText).not.toContain('redirectTo');
	});
});

describe('using a sign-in link', () => {
	it('signs in once; the second use is refused as used', () => {
		requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, now);
		const token = tokenFromMail();
		const userId = year.user('enhet1@demo.test').id;
		const soon = new Date(now.getTime() + 60_000);
		expect(peekLoginLink(token, soon)).toBe('valid');
		// Looking at the link (a mail scanner, the confirm page) does not use it.
		expect(peekLoginLink(token, soon)).toBe('valid');
		expect(consumeLoginLink(token, soon)).toEqual({ ok: true, userId });
		expect(consumeLoginLink(token, soon)).toEqual({ ok: false, reason: 'used' });
		expect(peekLoginLink(token, soon)).toBe('used');
		expect(year.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'auth.linkSignIn')).all()).toHaveLength(1);
	});

	it('refuses a link after 15 minutes, and an unknown or malformed one', () => {
		requestLoginLink('enhet1@demo.test', '10.0.0.1', ORIGIN, null, now);
		const token = tokenFromMail();
		const late = new Date(now.getTime() + LINK_LIFETIME_MS);
		expect(consumeLoginLink(token, late)).toEqual({ ok: false, reason: 'expired' });
		expect(consumeLoginLink('a'.repeat(32), now)).toEqual({ ok: false, reason: 'invalid' });
		expect(consumeLoginLink("'; drop table user; --", now)).toEqual({ ok: false, reason: 'invalid' });
		expect(peekLoginLink(token, late)).toBe('expired');
	});
});
