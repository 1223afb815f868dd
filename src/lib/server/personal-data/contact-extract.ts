/**
 * Everything the tool holds about a contact person without a login (./contacts.ts): the units
 * they are a contact of, with the years those units entered, the unit proposals that name them,
 * the e-mail sent to them and the audit entries about those rows.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import type { PROPOSAL_STATUSES } from '../db/schema';
import { auditEntries, emailsTo, type PersonExtract } from './extract';
import { contactRecords } from './contacts';

type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ContactExtract {
	madeAt: string;
	person: { name: string; email: string; withoutLogin: true };
	unitContacts: { unit: string; organisation: string; name: string; email: string; phone: string | null; title: string | null; entered: number[] }[];
	proposals: { year: number; organisation: string; unit: string; status: ProposalStatus; name: string; email: string; proposedAt: string }[];
	emails: PersonExtract['emails'];
	auditAboutThem: PersonExtract['auditAboutThem'];
}

const ids = (list: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(list)}))`;
const idTexts = (list: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(list.map(String))}))`;

/** The extract of the person with this address, or null when no row without an account names it. */
export function contactExtract(q: Queryable, address: string, now = new Date()): ContactExtract | null {
	const records = contactRecords(q, address);
	if (records.contacts.length + records.proposals.length === 0) return null;
	const contactIds = records.contacts.map((c) => c.id);
	const proposalIds = records.proposals.map((p) => p.id);
	// Entries about their rows, and the entries of changes that list them (retention, corrections).
	const aboutThem = sql`(entity_type = 'unit_contact' AND entity_id IN ${idTexts(contactIds)})
		OR (entity_type = 'unit_proposal' AND entity_id IN ${idTexts(proposalIds)})
		OR EXISTS (SELECT 1 FROM json_each("after", '$.contactIds') WHERE value IN ${ids(contactIds)})
		OR EXISTS (SELECT 1 FROM json_each("after", '$.proposalIds') WHERE value IN ${ids(proposalIds)})`;
	return {
		madeAt: now.toISOString(),
		person: { name: records.contacts[0]?.name ?? records.proposals[0].name, email: address, withoutLogin: true },
		unitContacts: q
			.all<{ unit: string; organisation: string; name: string; email: string; phone: string | null; title: string | null; entered: string | null }>(sql`
				SELECT u.name AS unit, o.name AS organisation, c.name, c.email, c.phone, c.title,
					(SELECT json_group_array(year) FROM (SELECT k.year FROM entry e JOIN cycle k ON k.id = e.cycle_id WHERE e.unit_id = u.id ORDER BY k.year)) AS entered
				FROM unit_contact c JOIN unit u ON u.id = c.unit_id JOIN organisation o ON o.id = u.organisation_id
				WHERE c.id IN ${ids(contactIds)} ORDER BY u.name`)
			.map((c) => ({ ...c, entered: JSON.parse(c.entered ?? '[]') as number[] })),
		proposals: q
			.all<{ year: number; organisation: string; unit: string; status: ProposalStatus; name: string; email: string; created_at: number }>(sql`
				SELECT k.year, o.name AS organisation, p.name AS unit, p.status, p.contact_name AS name, p.contact_email AS email, p.created_at
				FROM unit_proposal p JOIN cycle k ON k.id = p.cycle_id JOIN organisation o ON o.id = p.organisation_id
				WHERE p.id IN ${ids(proposalIds)} ORDER BY k.year, p.name`)
			.map(({ created_at, ...p }) => ({ ...p, proposedAt: new Date(created_at).toISOString() })),
		emails: emailsTo(q, address),
		auditAboutThem: auditEntries(q, aboutThem)
	};
}
