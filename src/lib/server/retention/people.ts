/**
 * The people a cycle's personal-data step concerns, the facts the domain decides on, and the
 * pseudonymising itself: names and addresses replaced by a stable pseudonym, the ways of signing
 * in removed, the records kept. Audit entries name people by their user id only, so the log is
 * never rewritten and shows the pseudonym wherever it names someone (docs/personal-data.md).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db';
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
	/** The cycle's unit proposals whose contact has no account, by proposal. */
	proposals: Map<number, PersonFacts>;
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
	// A proposal's contact takes part as long as a unit they are a contact of enters, or a proposal names them.
	const proposals = q.all<{ id: number; email: string; last_year: number | null }>(sql`
		SELECT p.id, p.contact_email AS email, max(
			coalesce((SELECT max(y.last_year) FROM unit_contact c JOIN (${lastUnitYears}) y ON y.unit_id = c.unit_id WHERE lower(c.email) = lower(p.contact_email)), 0),
			(SELECT max(k.year) FROM unit_proposal o JOIN cycle k ON k.id = o.cycle_id WHERE lower(o.contact_email) = lower(p.contact_email))) AS last_year
		FROM unit_proposal p WHERE p.cycle_id = ${cycleId} AND lower(p.contact_email) NOT IN (SELECT lower(email) FROM user) ORDER BY p.id`);
	const facts = (email: string, isAdmin: boolean, lastYear: number | null, jury: boolean): PersonFacts => ({
		isAdmin,
		roleYears: lastYear === null ? [] : [lastYear],
		namedInMinutes: jury,
		pseudonymised: isPseudonymAddress(email)
	});
	return {
		users: new Map(users.map((u) => [u.id, facts(u.email, u.is_admin === 1, u.last_year, u.jury === 1)])),
		contacts: new Map(contacts.map((c) => [c.id, facts(c.email, false, c.last_year, false)])),
		proposals: new Map(proposals.map((p) => [p.id, facts(p.email, false, p.last_year, false)]))
	};
}

// A list of ids as one bound JSON value, for `IN (SELECT value FROM json_each(...))`: a cycle's
// thousands of people in one statement per table rather than several statements per person.
const idList = (ids: readonly (number | string)[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * Replaces users' names and addresses, and those of the unit contacts and unit proposals that are
 * them, with their pseudonyms; removes their sessions, sign-in links and city-account bindings,
 * their conflict notes, and the delivered e-mail addressed to them. Mail still waiting in the outbox is left to go.
 * Returns the ids it pseudonymised: those already pseudonymised, or gone, are left out.
 */
export function pseudonymiseUsers(q: Queryable, userIds: readonly number[]): number[] {
	const users = q
		.all<{ id: number; email: string }>(sql`SELECT id, email FROM user WHERE id IN ${idList(userIds)} ORDER BY id`)
		.filter((u) => !isPseudonymAddress(u.email));
	const ids = users.map((u) => u.id);
	if (ids.length === 0) return [];
	for (const user of users) {
		const { name, email } = pseudonymFor({ kind: 'user', id: user.id });
		q.run(sql`UPDATE user SET name = ${name}, email = ${email}, password_hash = NULL, sso_required = 0 WHERE id = ${user.id}`);
		// The unit proposals that name them as a contact take the same pseudonym.
		q.run(sql`UPDATE unit_proposal SET contact_name = ${name}, contact_email = ${email} WHERE lower(contact_email) = lower(${user.email})`);
	}
	q.run(sql`DELETE FROM session WHERE user_id IN ${idList(ids)}`);
	q.run(sql`DELETE FROM login_token WHERE user_id IN ${idList(ids)}`);
	q.run(sql`DELETE FROM sso_identity WHERE user_id IN ${idList(ids)}`);
	// The contacts take the pseudonym just given to their user.
	q.run(sql`UPDATE unit_contact SET name = (SELECT name FROM user WHERE id = unit_contact.user_id),
		email = (SELECT email FROM user WHERE id = unit_contact.user_id), phone = NULL, title = NULL WHERE user_id IN ${idList(ids)}`);
	q.run(sql`UPDATE conflict SET note = '' WHERE user_id IN ${idList(ids)}`);
	deliveredMailTo(q, users.map((u) => u.email));
	return ids;
}

/** The same for unit contacts who never had an account. */
export function pseudonymiseContacts(q: Queryable, contactIds: readonly number[]): number[] {
	const contacts = q
		.all<{ id: number; email: string }>(sql`SELECT id, email FROM unit_contact WHERE user_id IS NULL AND id IN ${idList(contactIds)} ORDER BY id`)
		.filter((c) => !isPseudonymAddress(c.email));
	for (const { id } of contacts) {
		const { name, email } = pseudonymFor({ kind: 'contact', id });
		q.run(sql`UPDATE unit_contact SET name = ${name}, email = ${email}, phone = NULL, title = NULL WHERE id = ${id}`);
	}
	deliveredMailTo(q, contacts.map((c) => c.email));
	return contacts.map((c) => c.id);
}

/** The contacts named in unit proposals: each proposal gets its own pseudonym. */
export function pseudonymiseProposals(q: Queryable, proposalIds: readonly number[]): number[] {
	const proposals = q
		.all<{ id: number; email: string }>(sql`SELECT id, contact_email AS email FROM unit_proposal WHERE id IN ${idList(proposalIds)} ORDER BY id`)
		.filter((p) => !isPseudonymAddress(p.email));
	for (const { id } of proposals) {
		const { name, email } = pseudonymFor({ kind: 'proposal', id });
		q.run(sql`UPDATE unit_proposal SET contact_name = ${name}, contact_email = ${email} WHERE id = ${id}`);
	}
	deliveredMailTo(q, proposals.map((p) => p.email));
	return proposals.map((p) => p.id);
}

function deliveredMailTo(q: Queryable, addresses: string[]): void {
	if (addresses.length === 0) return;
	q.run(sql`DELETE FROM outbox WHERE status <> 'queued' AND lower(to_address) IN (SELECT lower(value) FROM json_each(${JSON.stringify(addresses)}))`);
}
