/**
 * People the tool knows only by name and address (docs/personal-data.md#5-a-persons-own-data): unit
 * contacts who never had an account, and the contacts named in the coordinators' unit proposals.
 * Each address is one person; an address a user has belongs to that user's own data instead. The
 * same rules as for users decide what may be corrected, erased or pseudonymised, and every change is
 * one transaction with an audit entry that names the rows by id, never by name or address.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import { appendAudit } from '../db/audit';
import { pseudonymiseContacts, pseudonymiseProposals } from '../retention/people';
import { erasureRefusals, isPseudonymAddress, pseudonymRefusals, type ErasureFacts } from '$lib/domain/retention';
import type { PersonChange, PersonRow, PersonSummary } from './manage';

/** The key of a contact person in the address bar: a digest of the address, so the address itself is not in it. */
export function contactKey(address: string): string {
	return `k${createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 24)}`;
}

// Addresses recorded without an account: unit contacts with no user, and proposals' contacts.
const recordedAddresses = sql`
	SELECT lower(email) AS address, name, id AS contact_id, NULL AS proposal_id FROM unit_contact WHERE user_id IS NULL
	UNION ALL SELECT lower(contact_email), contact_name, NULL, id FROM unit_proposal`;
const withoutUser = sql`address NOT IN (SELECT lower(email) FROM user)`;

/** Contact persons whose name or address matches the LIKE pattern (escaped with `\`), by name; at most `limit`. */
export function findContacts(pattern: string, limit: number): PersonRow[] {
	const rows = db().all<{ address: string; name: string }>(sql`
		SELECT address, name FROM (${recordedAddresses}) WHERE ${withoutUser}
		AND address IN (SELECT address FROM (${recordedAddresses}) WHERE name LIKE ${pattern} ESCAPE '\\' OR address LIKE ${pattern} ESCAPE '\\')
		ORDER BY contact_id IS NULL, coalesce(contact_id, proposal_id) DESC`);
	const people = new Map<string, PersonRow>();
	// The newest unit contact's name, else the newest proposal's, is the one shown.
	for (const r of rows) if (!people.has(r.address)) people.set(r.address, { key: contactKey(r.address), name: r.name, email: r.address, isAdmin: false, withoutLogin: true });
	return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')).slice(0, limit);
}

/** The address behind a key, if someone without an account still has it. */
export function contactAddress(key: string): string | null {
	if (!/^k[0-9a-f]{24}$/.test(key)) return null;
	const addresses = db().all<{ address: string }>(sql`SELECT DISTINCT address FROM (${recordedAddresses}) WHERE ${withoutUser}`);
	return addresses.find((a) => contactKey(a.address) === key)?.address ?? null;
}

export interface ContactRecords {
	contacts: { id: number; unitId: number; name: string; email: string }[];
	proposals: { id: number; name: string; email: string; status: string; cycleId: number }[];
}

/** Every row that names the address, newest first; empty when a user has the address. */
export function contactRecords(q: Queryable, address: string): ContactRecords {
	if (q.get(sql`SELECT 1 FROM user WHERE lower(email) = ${address}`)) return { contacts: [], proposals: [] };
	return {
		contacts: q.all(sql`SELECT id, unit_id AS unitId, name, email FROM unit_contact WHERE user_id IS NULL AND lower(email) = ${address} ORDER BY id DESC`),
		proposals: q.all(sql`SELECT id, contact_name AS name, contact_email AS email, status, cycle_id AS cycleId FROM unit_proposal WHERE lower(contact_email) = ${address} ORDER BY id DESC`)
	};
}

const idList = (ids: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

function contactErasureFacts(q: Queryable, records: ContactRecords): ErasureFacts {
	const contactIds = records.contacts.map((c) => c.id);
	const proposalIds = records.proposals.map((p) => p.id);
	const active = q.get<{ n: number }>(sql`SELECT
		(SELECT count(*) FROM unit_contact u JOIN entry e ON e.unit_id = u.unit_id JOIN cycle c ON c.id = e.cycle_id WHERE u.id IN ${idList(contactIds)} AND c.phase <> 'archived')
		+ (SELECT count(*) FROM unit_proposal p JOIN cycle c ON c.id = p.cycle_id WHERE p.id IN ${idList(proposalIds)} AND p.status = 'proposed' AND c.phase <> 'archived') AS n`)!.n;
	return { isAdmin: false, authoredRecords: 0, auditActions: 0, activeRoles: active, namedInProposals: proposalIds.length };
}

const nameOf = (records: ContactRecords) => records.contacts[0]?.name ?? records.proposals[0]?.name ?? '';
const auditIds = (records: ContactRecords) => ({ contactIds: records.contacts.map((c) => c.id), proposalIds: records.proposals.map((p) => p.id) });

export function contactSummary(address: string): PersonSummary | null {
	const q = db();
	const records = contactRecords(q, address);
	if (records.contacts.length + records.proposals.length === 0) return null;
	const facts = contactErasureFacts(q, records);
	const pseudonymised = isPseudonymAddress(address);
	return {
		key: contactKey(address),
		name: nameOf(records),
		email: address,
		isAdmin: false,
		withoutLogin: true,
		pseudonymised,
		erasureRefusals: erasureRefusals(facts),
		mayPseudonymise: !pseudonymised && pseudonymRefusals(facts).length === 0
	};
}

/** Logs that the admin took out a contact person's data, in which form. */
export function recordContactExtract(records: ContactRecords, format: 'json' | 'pdf', actorId: number): void {
	appendAudit(db(), { actorId, action: 'person.extract', entityType: 'contact_person', entityId: null, after: { format, ...auditIds(records) } });
}

/**
 * Corrects the name and address on every row that names the person. `was` is what the form showed;
 * a change since is a conflict. An address someone else has is refused, so two people never merge.
 */
export function correctContact(input: { address: string; was: { name: string; email: string }; name: string; email: string; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const records = contactRecords(tx, input.address);
		if (records.contacts.length + records.proposals.length === 0) return { ok: false, error: 'notFound' } as const;
		if (isPseudonymAddress(input.address)) return { ok: false, error: 'pseudonymised' } as const;
		if (nameOf(records) !== input.was.name || input.address !== input.was.email.toLowerCase()) return { ok: false, error: 'conflict' } as const;
		const address = input.email.toLowerCase();
		if (address !== input.address) {
			const taken = tx.get(sql`SELECT 1 FROM (${recordedAddresses}) WHERE address = ${address} UNION ALL SELECT 1 FROM user WHERE lower(email) = ${address}`);
			if (taken) return { ok: false, error: 'emailTaken' } as const;
		}
		const fields = [...(input.name !== input.was.name ? ['name'] : []), ...(address !== input.address ? ['email'] : [])];
		if (fields.length === 0) return { ok: true } as const;
		const ids = auditIds(records);
		tx.run(sql`UPDATE unit_contact SET name = ${input.name}, email = ${input.email} WHERE id IN ${idList(ids.contactIds)}`);
		tx.run(sql`UPDATE unit_proposal SET contact_name = ${input.name}, contact_email = ${input.email} WHERE id IN ${idList(ids.proposalIds)}`);
		appendAudit(tx, { actorId: input.actorId, action: 'person.correct', entityType: 'contact_person', entityId: null, after: { fields, ...ids } });
		return { ok: true } as const;
	});
}

/** Erases a contact person no kept record needs: their unit contacts and the e-mail to them. */
export function eraseContact(input: { address: string; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const records = contactRecords(tx, input.address);
		if (records.contacts.length + records.proposals.length === 0) return { ok: false, error: 'notFound' } as const;
		const refusals = erasureRefusals(contactErasureFacts(tx, records));
		if (refusals.length > 0) return { ok: false, error: 'refused', refusals } as const;
		const ids = auditIds(records);
		tx.run(sql`DELETE FROM unit_contact WHERE id IN ${idList(ids.contactIds)}`);
		tx.run(sql`DELETE FROM outbox WHERE lower(to_address) = ${input.address}`);
		appendAudit(tx, { actorId: input.actorId, action: 'person.erase', entityType: 'contact_person', entityId: null, after: ids });
		return { ok: true } as const;
	});
}

/** Pseudonymises a contact person now: every unit contact and proposal naming them gets its pseudonym. */
export function pseudonymiseContact(input: { address: string; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const records = contactRecords(tx, input.address);
		if (records.contacts.length + records.proposals.length === 0) return { ok: false, error: 'notFound' } as const;
		if (isPseudonymAddress(input.address)) return { ok: false, error: 'pseudonymised' } as const;
		const refusals = pseudonymRefusals(contactErasureFacts(tx, records));
		if (refusals.length > 0) return { ok: false, error: 'refused', refusals } as const;
		const ids = auditIds(records);
		pseudonymiseContacts(tx, ids.contactIds);
		pseudonymiseProposals(tx, ids.proposalIds);
		appendAudit(tx, { actorId: input.actorId, action: 'person.pseudonymise', entityType: 'contact_person', entityId: null, after: ids });
		return { ok: true } as const;
	});
}
