/** Finding, and at the first sign-on binding, the person a provider's identity belongs to. */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { decideBinding, type BindingDecision, type Person, type ProviderIdentity } from '$lib/domain/sso-binding';

function personBoundTo(q: Queryable, identity: ProviderIdentity): Person | null {
	const row = q
		.select({ userId: table.ssoIdentity.userId })
		.from(table.ssoIdentity)
		.where(and(eq(table.ssoIdentity.issuer, identity.issuer), eq(table.ssoIdentity.subject, identity.subject)))
		.get();
	return row ? { userId: row.userId, bound: { issuer: identity.issuer, subject: identity.subject } } : null;
}

function personWithEmail(q: Queryable, email: string | null): Person | null {
	if (!email) return null;
	const row = q
		.select({ userId: table.user.id, issuer: table.ssoIdentity.issuer, subject: table.ssoIdentity.subject })
		.from(table.user)
		.leftJoin(table.ssoIdentity, eq(table.ssoIdentity.userId, table.user.id))
		.where(eq(table.user.email, email))
		.get();
	if (!row) return null;
	return { userId: row.userId, bound: row.issuer !== null && row.subject !== null ? { issuer: row.issuer, subject: row.subject } : null };
}

/**
 * Decides who signs in (`decideBinding`) and writes a first binding, in one transaction so that two
 * sign-ons racing for one person cannot both bind. Sign-ons and bindings go to the audit log.
 */
export function resolveIdentity(identity: ProviderIdentity, now = new Date()): BindingDecision {
	return db().transaction((tx) => {
		const decision = decideBinding(identity, personBoundTo(tx, identity), personWithEmail(tx, identity.email));
		if (decision.kind === 'bind') {
			tx.insert(table.ssoIdentity).values({ userId: decision.userId, issuer: identity.issuer, subject: identity.subject, boundAt: now }).run();
			appendAudit(tx, {
				actorId: decision.userId,
				action: 'auth.ssoBind',
				entityType: 'user',
				entityId: decision.userId,
				after: { issuer: identity.issuer, subject: identity.subject, email: identity.email }
			});
		}
		if (decision.kind !== 'refuse') {
			appendAudit(tx, { actorId: decision.userId, action: 'auth.ssoSignIn', entityType: 'user', entityId: decision.userId });
		}
		return decision;
	});
}
