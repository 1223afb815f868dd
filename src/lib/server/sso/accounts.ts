/** The admin's view of single sign-on: who has bound a city account, and whose account requires one. */
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { invalidateUserSessions } from '../auth/session';
import { ssoConfig } from './config';

export interface SignOnAccount {
	userId: number;
	name: string;
	email: string;
	ssoRequired: boolean;
	boundAt: Date | null;
}

export function listSignOnAccounts(): SignOnAccount[] {
	return db()
		.select({
			userId: table.user.id,
			name: table.user.name,
			email: table.user.email,
			ssoRequired: table.user.ssoRequired,
			boundAt: table.ssoIdentity.boundAt
		})
		.from(table.user)
		.leftJoin(table.ssoIdentity, eq(table.ssoIdentity.userId, table.user.id))
		.orderBy(asc(table.user.name), asc(table.user.id))
		.all();
}

export type AccountChangeError = 'notConfigured' | 'notFound';

/**
 * Requires the city account for a person, or lifts the requirement. Requiring it ends the person's
 * sessions, which may have been opened with the password it replaces; the admin's own current
 * session is kept when they require it of themselves.
 */
export function setSsoRequired(
	userId: number,
	required: boolean,
	actor: { userId: number; sessionId: string }
): { ok: true } | { ok: false; error: AccountChangeError } {
	// Without single sign-on the person could no longer sign in at all.
	if (required && !ssoConfig()) return { ok: false, error: 'notConfigured' };
	return db().transaction((tx) => {
		const person = tx.select({ ssoRequired: table.user.ssoRequired }).from(table.user).where(eq(table.user.id, userId)).get();
		if (!person) return { ok: false, error: 'notFound' };
		if (person.ssoRequired === required) return { ok: true };
		tx.update(table.user).set({ ssoRequired: required }).where(eq(table.user.id, userId)).run();
		appendAudit(tx, {
			actorId: actor.userId,
			action: 'user.ssoRequired',
			entityType: 'user',
			entityId: userId,
			before: { ssoRequired: person.ssoRequired },
			after: { ssoRequired: required }
		});
		if (required) invalidateUserSessions(userId, userId === actor.userId ? actor.sessionId : undefined);
		return { ok: true };
	});
}

/**
 * Removes a person's binding, so that their next sign-on binds again by their verified address:
 * for when the provider has replaced their account (a new subject).
 */
export function unbindIdentity(userId: number, actorId: number): { ok: true } | { ok: false; error: 'notFound' } {
	return db().transaction((tx) => {
		const binding = tx.select().from(table.ssoIdentity).where(eq(table.ssoIdentity.userId, userId)).get();
		if (!binding) return { ok: false, error: 'notFound' };
		tx.delete(table.ssoIdentity).where(eq(table.ssoIdentity.userId, userId)).run();
		appendAudit(tx, {
			actorId,
			action: 'user.ssoUnbind',
			entityType: 'user',
			entityId: userId,
			before: { issuer: binding.issuer, subject: binding.subject, boundAt: binding.boundAt.toISOString() }
		});
		return { ok: true };
	});
}
