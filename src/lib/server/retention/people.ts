/**
 * The people a cycle's personal-data step concerns, the facts the domain decides on, and the
 * pseudonymising itself: names and addresses replaced by a stable pseudonym, the ways of signing
 * in removed, the records kept. Audit entries name people by their user id only, so the log is
 * never rewritten and shows the pseudonym wherever it names someone (docs/personal-data.md).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import { isPseudonymAddress, pseudonymFor, type PersonFacts } from '$lib/domain/retention';

// The users and the account-less unit contacts who took part in a cycle: as examiners (a role or a
// team), or as contacts of a unit that entered it.
const cycleUsers = (cycleId: number) => sql`
	SELECT user_id AS id FROM cycle_role WHERE cycle_id = ${cycleId} AND role = 'examiner'
	UNION SELECT m.user_id FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.cycle_id = ${cycleId}
	UNION SELECT c.user_id FROM unit_contact c JOIN entry e ON e.unit_id = c.unit_id WHERE e.cycle_id = ${cycleId} AND c.user_id IS NOT NULL`;
const cycleContacts = (cycleId: number) => sql`
	SELECT DISTINCT c.id FROM unit_contact c JOIN entry e ON e.unit_id = c.unit_id WHERE e.cycle_id = ${cycleId} AND c.user_id IS NULL`;

// Per unit, the last year it entered; per user, the last year in which they hold a part: a cycle
// role, a team, or a contact of an entering unit. Each is grouped once, so no lookup runs per person.
const lastUnitYears = sql`SELECT e.unit_id, max(c.year) AS last_year FROM entry e JOIN cycle c ON c.id = e.cycle_id GROUP BY e.unit_id`;
const lastUserYears = sql`
	SELECT user_id, max(year) AS last_year FROM (
		SELECT r.user_id, c.year FROM cycle_role r JOIN cycle c ON c.id = r.cycle_id
		UNION ALL SELECT m.user_id, c.year FROM team_member m JOIN team t ON t.id = m.team_id JOIN cycle c ON c.id = t.cycle_id
		UNION ALL SELECT u.user_id, y.last_year FROM unit_contact u JOIN (${lastUnitYears}) y ON y.unit_id = u.unit_id WHERE u.user_id IS NOT NULL
	) GROUP BY user_id`;

export interface CyclePeopleFacts {
	users: Map<number, PersonFacts>;
	contacts: Map<number, PersonFacts>;
}

/**
 * The facts the domain decides pseudonymising on, for everyone who took part in a cycle: read in two
 * set-wise queries, since a large cycle has thousands of people and a query each took seconds.
 */
export function cyclePeopleFacts(q: Queryable, cycleId: number): CyclePeopleFacts {
	const users = q.all<{ id: number; email: string; is_admin: number; last_year: number | null; jury: number }>(sql`
		SELECT u.id, u.email, u.is_admin, y.last_year,
			EXISTS (SELECT 1 FROM cycle_role r WHERE r.user_id = u.id AND r.role IN ('juror', 'chair')) AS jury
		FROM (${cycleUsers(cycleId)}) p JOIN user u ON u.id = p.id LEFT JOIN (${lastUserYears}) y ON y.user_id = u.id ORDER BY u.id`);
	const contacts = q.all<{ id: number; email: string; last_year: number | null }>(sql`
		SELECT c.id, c.email, y.last_year
		FROM (${cycleContacts(cycleId)}) p JOIN unit_contact c ON c.id = p.id LEFT JOIN (${lastUnitYears}) y ON y.unit_id = c.unit_id ORDER BY c.id`);
	const facts = (email: string, isAdmin: boolean, lastYear: number | null, jury: boolean): PersonFacts => ({
		isAdmin,
		roleYears: lastYear === null ? [] : [lastYear],
		namedInMinutes: jury,
		pseudonymised: isPseudonymAddress(email)
	});
	return {
		users: new Map(users.map((u) => [u.id, facts(u.email, u.is_admin === 1, u.last_year, u.jury === 1)])),
		contacts: new Map(contacts.map((c) => [c.id, facts(c.email, false, c.last_year, false)]))
	};
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
