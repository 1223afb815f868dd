/**
 * The people a cycle's personal-data step concerns, the facts the domain decides on, and the
 * pseudonymising itself: names and addresses replaced by a stable pseudonym, the ways of signing
 * in removed, the records kept. Audit entries name people by their user id only, so the log is
 * never rewritten and shows the pseudonym wherever it names someone (docs/personal-data.md).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import { isPseudonymAddress, pseudonymFor, type PersonFacts } from '$lib/domain/retention';

/** Users and account-less unit contacts who took part in a cycle as examiners or as contacts of an entering unit. */
export function cyclePeople(q: Queryable, cycleId: number): { userIds: number[]; contactIds: number[] } {
	const userIds = q.all<{ id: number }>(sql`
		SELECT user_id AS id FROM cycle_role WHERE cycle_id = ${cycleId} AND role = 'examiner'
		UNION SELECT m.user_id FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.cycle_id = ${cycleId}
		UNION SELECT c.user_id FROM unit_contact c JOIN entry e ON e.unit_id = c.unit_id WHERE e.cycle_id = ${cycleId} AND c.user_id IS NOT NULL
		ORDER BY id`);
	const contactIds = q.all<{ id: number }>(sql`
		SELECT DISTINCT c.id FROM unit_contact c JOIN entry e ON e.unit_id = c.unit_id
		WHERE e.cycle_id = ${cycleId} AND c.user_id IS NULL ORDER BY c.id`);
	return { userIds: userIds.map((r) => r.id), contactIds: contactIds.map((r) => r.id) };
}

/** Years of the cycles in which a user holds a part: a cycle role, a team, or a contact of an entering unit. */
function userRoleYears(q: Queryable, userId: number): number[] {
	return q
		.all<{ year: number }>(sql`
			SELECT c.year FROM cycle_role r JOIN cycle c ON c.id = r.cycle_id WHERE r.user_id = ${userId}
			UNION SELECT c.year FROM team_member m JOIN team t ON t.id = m.team_id JOIN cycle c ON c.id = t.cycle_id WHERE m.user_id = ${userId}
			UNION SELECT c.year FROM unit_contact u JOIN entry e ON e.unit_id = u.unit_id JOIN cycle c ON c.id = e.cycle_id WHERE u.user_id = ${userId}`)
		.map((r) => r.year);
}

export function userFacts(q: Queryable, userId: number): PersonFacts | null {
	const user = q.select({ email: table.user.email, isAdmin: table.user.isAdmin }).from(table.user).where(eq(table.user.id, userId)).get();
	if (!user) return null;
	const jury = q
		.select({ n: sql<number>`count(*)` })
		.from(table.cycleRole)
		.where(and(eq(table.cycleRole.userId, userId), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.get()!.n;
	return { isAdmin: user.isAdmin, roleYears: userRoleYears(q, userId), namedInMinutes: jury > 0, pseudonymised: isPseudonymAddress(user.email) };
}

export function contactFacts(q: Queryable, contactId: number): PersonFacts | null {
	const contact = q.select({ email: table.unitContact.email, unitId: table.unitContact.unitId }).from(table.unitContact).where(eq(table.unitContact.id, contactId)).get();
	if (!contact) return null;
	const years = q.all<{ year: number }>(sql`SELECT c.year FROM entry e JOIN cycle c ON c.id = e.cycle_id WHERE e.unit_id = ${contact.unitId}`);
	return { isAdmin: false, roleYears: years.map((r) => r.year), namedInMinutes: false, pseudonymised: isPseudonymAddress(contact.email) };
}

/**
 * Replaces a user's name and address, and those of the unit contacts that are them, with their
 * pseudonym; removes their sessions, sign-in links and city-account binding, their conflict
 * notes, and the delivered e-mail addressed to them. Mail still waiting in the outbox is left to go.
 */
export function pseudonymiseUser(q: Queryable, userId: number): boolean {
	const user = q.select({ email: table.user.email }).from(table.user).where(eq(table.user.id, userId)).get();
	if (!user || isPseudonymAddress(user.email)) return false;
	const { name, email } = pseudonymFor({ kind: 'user', id: userId });
	q.update(table.user).set({ name, email, passwordHash: null, ssoRequired: false }).where(eq(table.user.id, userId)).run();
	q.delete(table.session).where(eq(table.session.userId, userId)).run();
	q.delete(table.loginToken).where(eq(table.loginToken.userId, userId)).run();
	q.delete(table.ssoIdentity).where(eq(table.ssoIdentity.userId, userId)).run();
	q.update(table.unitContact).set({ name, email, phone: null, title: null }).where(eq(table.unitContact.userId, userId)).run();
	q.update(table.conflict).set({ note: '' }).where(eq(table.conflict.userId, userId)).run();
	deliveredMailTo(q, user.email);
	return true;
}

/** The same for a unit contact who never had an account. */
export function pseudonymiseContact(q: Queryable, contactId: number): boolean {
	const contact = q.select({ email: table.unitContact.email, userId: table.unitContact.userId }).from(table.unitContact).where(eq(table.unitContact.id, contactId)).get();
	if (!contact || contact.userId !== null || isPseudonymAddress(contact.email)) return false;
	const { name, email } = pseudonymFor({ kind: 'contact', id: contactId });
	q.update(table.unitContact).set({ name, email, phone: null, title: null }).where(eq(table.unitContact.id, contactId)).run();
	deliveredMailTo(q, contact.email);
	return true;
}

function deliveredMailTo(q: Queryable, address: string): void {
	q.delete(table.outbox)
		.where(and(sql`lower(${table.outbox.toAddress}) = lower(${address})`, ne(table.outbox.status, 'queued')))
		.run();
}
