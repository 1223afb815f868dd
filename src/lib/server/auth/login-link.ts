/**
 * One-time sign-in links for unit contacts: a random token in the e-mailed link, only its SHA-256
 * in the database, valid for 15 minutes and for one use. Asking for a link gives the same answer
 * whether or not the address belongs to a contact, so the page tells nobody who has an account.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { enqueueMail } from '../mail/outbox';
import { generateToken, hashToken } from './session';
import { normaliseEmail } from './login';
import { claimAttempt } from './throttle';
import { THROTTLE } from '../../domain/throttle';
import { safeReturnPath } from '../http/return-path';
import { messages } from '../../i18n';

export const LINK_LIFETIME_MS = 15 * 60 * 1000;

export type LinkRequestResult = { ok: true; sent: boolean } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The unit contact who owns this address: the user whose own address it is, if they are linked to
 * a unit as its contact. A contact row's address is never enough: it may have been changed since
 * the row was linked, and a link must only ever sign in the person it is mailed to. A person who
 * must sign in with the city's account gets no link.
 */
function contactUserId(email: string): number | null {
	const row = db()
		.select({ userId: table.user.id })
		.from(table.user)
		.innerJoin(table.unitContact, eq(table.unitContact.userId, table.user.id))
		.where(and(eq(table.user.email, email), eq(table.user.ssoRequired, false)))
		.get();
	return row?.userId ?? null;
}

/**
 * Sends a sign-in link if the address belongs to a unit contact who can sign in. Every request
 * counts against the e-mail address and the client's address, whether or not a link is sent, so the
 * form can neither flood an inbox nor tell who has an account (docs/sign-in.md#3-throttling).
 */
export function requestLoginLink(rawEmail: string, clientAddress: string, origin: string, redirectTo: string | null, now = new Date()): LinkRequestResult {
	const email = normaliseEmail(rawEmail);
	const claim = claimAttempt(
		[
			{ key: `link:${email}`, policy: THROTTLE.linkRecipient },
			{ key: `link-ip:${clientAddress}`, policy: THROTTLE.address }
		],
		now
	);
	if (!claim.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: claim.retryAfterSeconds };
	const userId = contactUserId(email);
	if (userId === null) return { ok: true, sent: false };
	const token = generateToken();
	const back = safeReturnPath(redirectTo, '');
	const link = `${origin.replace(/\/+$/, '')}/login/link/${token}${back ? `?redirectTo=${encodeURIComponent(back)}` : ''}`;
	const m = messages('sv').feedback.mail;
	db().transaction((tx) => {
		// Spent and expired links say nothing any more; drop them so the table stays small.
		tx.delete(table.loginToken).where(lt(table.loginToken.expiresAt, new Date(now.getTime() - LINK_LIFETIME_MS))).run();
		tx.insert(table.loginToken).values({ id: hashToken(token), userId, expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS), createdAt: now }).run();
		enqueueMail(tx, { to: email, subject: m.linkSubject, text: m.linkBody(link) }, now);
	});
	return { ok: true, sent: true };
}

export type LinkState = 'valid' | 'expired' | 'used' | 'invalid';

function stateOf(row: typeof table.loginToken.$inferSelect | undefined, now: Date): LinkState {
	if (!row) return 'invalid';
	if (row.usedAt) return 'used';
	if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'valid';
}

/** What a link is, without using it (the confirm page shows this before anyone presses the button). */
export function peekLoginLink(token: string, now = new Date()): LinkState {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return 'invalid';
	return stateOf(db().select().from(table.loginToken).where(eq(table.loginToken.id, hashToken(token))).get(), now);
}

export type ConsumeResult = { ok: true; userId: number } | { ok: false; reason: Exclude<LinkState, 'valid'> };

/** Uses a link once: marks it used in the same statement that checks it is unused, then logs it. */
export function consumeLoginLink(token: string, now = new Date()): ConsumeResult {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return { ok: false, reason: 'invalid' };
	const id = hashToken(token);
	return db().transaction((tx) => {
		const row = tx.select().from(table.loginToken).where(eq(table.loginToken.id, id)).get();
		const state = stateOf(row, now);
		if (state !== 'valid') return { ok: false, reason: state };
		const claimed = tx
			.update(table.loginToken)
			.set({ usedAt: now })
			.where(and(eq(table.loginToken.id, id), isNull(table.loginToken.usedAt)))
			.run().changes;
		if (claimed !== 1) return { ok: false, reason: 'used' };
		appendAudit(tx, { actorId: row!.userId, action: 'auth.linkSignIn', entityType: 'user', entityId: row!.userId });
		return { ok: true, userId: row!.userId };
	});
}
