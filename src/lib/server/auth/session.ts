/**
 * Sessions as the Lucia guide teaches: a random token in the cookie, its SHA-256 in the database,
 * a sliding expiry that is renewed when half of it has passed.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type Database from 'better-sqlite3';
import { and, eq, ne } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<typeof table.user.$inferSelect, 'id' | 'email' | 'name' | 'isAdmin'>;
export type Session = typeof table.session.$inferSelect;
export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

export function generateToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(token: string, userId: number): Session {
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	db().insert(table.session).values(session).run();
	return session;
}

interface SessionRow {
	id: string;
	user_id: number;
	expires_at: number;
	email: string;
	name: string;
	is_admin: number;
}

// Every request validates its session, so the lookup is one raw statement prepared once per
// connection: drizzle's prepared query still binds its parameters and maps columns on every call.
const sessionLookups = new WeakMap<Database.Database, Database.Statement<[string], SessionRow>>();

function sessionLookup() {
	const client = db().$client;
	let lookup = sessionLookups.get(client);
	if (!lookup) {
		lookup = client.prepare(
			`SELECT s.id, s.user_id, s.expires_at, u.email, u.name, u.is_admin
			 FROM session s JOIN user u ON u.id = s.user_id WHERE s.id = ?`
		);
		sessionLookups.set(client, lookup);
	}
	return lookup;
}

/** The session row of a token, as a session and its user. */
function sessionOf(row: SessionRow): { session: Session; user: SessionUser } {
	return {
		session: { id: row.id, userId: row.user_id, expiresAt: new Date(row.expires_at) },
		user: { id: row.user_id, email: row.email, name: row.name, isAdmin: row.is_admin === 1 }
	};
}

/** A session stays as it is until half its lifetime is left; then its expiry slides forward. */
const dueForRenewal = (row: SessionRow, now: number) => now >= row.expires_at - SESSION_LIFETIME_MS / 2;

/**
 * The session and its user for a token, or nulls. `renewed` says the expiry slid forward, so the
 * cookie has to be sent again with it; otherwise the browser's cookie already has the right one.
 */
export function validateSessionToken(token: string): SessionValidation {
	const row = sessionLookup().get(hashToken(token));
	if (!row) return { session: null, user: null, renewed: false };
	const { session, user } = sessionOf(row);
	const now = Date.now();
	if (now >= row.expires_at) {
		invalidateSession(session.id);
		return { session: null, user: null, renewed: false };
	}
	if (!dueForRenewal(row, now)) return { session, user, renewed: false };
	session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
	db().update(table.session).set({ expiresAt: session.expiresAt }).where(eq(table.session.id, session.id)).run();
	return { session, user, renewed: true };
}

/**
 * The session and its user when validating the token would change nothing: the session exists
 * and is neither expired nor due for renewal. Otherwise null, and `validateSessionToken` has work
 * to do (a cookie to send again or to delete).
 */
export function unchangedSession(token: string): { session: Session; user: SessionUser } | null {
	const row = sessionLookup().get(hashToken(token));
	return row && !dueForRenewal(row, Date.now()) ? sessionOf(row) : null;
}

export function invalidateSession(sessionId: string): void {
	db().delete(table.session).where(eq(table.session.id, sessionId)).run();
}

/** Ends every session of a user, except optionally the one in use. */
export function invalidateUserSessions(userId: number, exceptSessionId?: string): void {
	const byUser = eq(table.session.userId, userId);
	db()
		.delete(table.session)
		.where(exceptSessionId ? and(byUser, ne(table.session.id, exceptSessionId)) : byUser)
		.run();
}
