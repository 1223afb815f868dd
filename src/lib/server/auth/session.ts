/**
 * Sessions as the Lucia guide teaches: a random token in the cookie, its SHA-256 in the database,
 * a sliding expiry that is renewed when half of it has passed.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<typeof table.user.$inferSelect, 'id' | 'email' | 'name' | 'isAdmin'>;
export type Session = typeof table.session.$inferSelect;
export type SessionValidation = { session: Session; user: SessionUser } | { session: null; user: null };

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

// Every request validates its session: prepare the lookup once per database, not per request.
const sessionLookups = new WeakMap<object, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup() {
	return db()
		.select({
			session: table.session,
			user: { id: table.user.id, email: table.user.email, name: table.user.name, isAdmin: table.user.isAdmin }
		})
		.from(table.session)
		.innerJoin(table.user, eq(table.session.userId, table.user.id))
		.where(eq(table.session.id, sql.placeholder('id')))
		.prepare();
}

function sessionLookup() {
	const key = db().$client;
	let lookup = sessionLookups.get(key);
	if (!lookup) sessionLookups.set(key, (lookup = prepareSessionLookup()));
	return lookup;
}

export function validateSessionToken(token: string): SessionValidation {
	const row = sessionLookup().get({ id: hashToken(token) });
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	const now = Date.now();
	if (now >= session.expiresAt.getTime()) {
		invalidateSession(session.id);
		return { session: null, user: null };
	}
	if (now >= session.expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
		session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
		db().update(table.session).set({ expiresAt: session.expiresAt }).where(eq(table.session.id, session.id)).run();
	}
	return { session, user };
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
