/**
 * The admin's work on one person's data: finding them, recording that an extract was made,
 * correcting their name and address, erasing them where no kept record needs them, and otherwise
 * pseudonymising them. Every change is one transaction with its audit entry, which names the person
 * by id and the fields changed, never the old or new values (docs/personal-data.md).
 */
import { z } from 'zod';
import { and, eq, or, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate, type FieldErrors } from '../http/validate';
import { normaliseEmail } from '../auth/login';
import { pseudonymiseUsers } from '../retention/people';
import { findContacts } from './contacts';
import { erasureRefusals, isPseudonymAddress, pseudonymRefusals, type ErasureFacts, type ErasureRefusal } from '$lib/domain/retention';
import type { Messages } from '$lib/i18n';

export interface PersonRow {
	/** The person's key on their page: a user's id, or a contact person's `contactKey`. */
	key: string;
	name: string;
	email: string;
	isAdmin: boolean;
	/** Known only by name and address, from units and unit proposals (./contacts.ts). */
	withoutLogin: boolean;
}

const SEARCH_LIMIT = 50;

/** People whose name or address contains the search: users by name, then contacts without a login; at most 50 of each. */
export function findPeople(search: string): PersonRow[] {
	const term = search.trim().slice(0, 100);
	if (term.length < 2) return [];
	const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const users = db()
		.select({ id: table.user.id, name: table.user.name, email: table.user.email, isAdmin: table.user.isAdmin })
		.from(table.user)
		.where(or(sql`${table.user.name} LIKE ${pattern} ESCAPE '\\'`, sql`${table.user.email} LIKE ${pattern} ESCAPE '\\'`))
		.orderBy(table.user.name)
		.limit(SEARCH_LIMIT)
		.all()
		.map(({ id, ...u }) => ({ key: String(id), ...u, withoutLogin: false }));
	return [...users, ...findContacts(pattern, SEARCH_LIMIT)];
}

/** What keeps a person from being erased outright. */
function erasureFacts(q: Queryable, userId: number, isAdmin: boolean): ErasureFacts {
	const n = (query: ReturnType<typeof sql>) => q.get<{ n: number }>(query)!.n;
	return {
		isAdmin,
		authoredRecords: n(sql`SELECT
			(SELECT count(*) FROM assessment WHERE examiner_id = ${userId}) + (SELECT count(*) FROM assessment_revision WHERE saved_by = ${userId})
			+ (SELECT count(*) FROM consensus WHERE updated_by = ${userId}) + (SELECT count(*) FROM ballot WHERE voter_id = ${userId})
			+ (SELECT count(*) FROM decision WHERE decided_by = ${userId}) + (SELECT count(*) FROM cycle WHERE decisions_closed_by = ${userId})
			+ (SELECT count(*) FROM team_member WHERE user_id = ${userId}) + (SELECT count(*) FROM conflict WHERE declared_by = ${userId})
			+ (SELECT count(*) FROM feedback_report WHERE approved_by = ${userId} OR released_by = ${userId})
			+ (SELECT count(*) FROM feedback_report_revision WHERE saved_by = ${userId})
			+ (SELECT count(*) FROM retention_policy WHERE updated_by = ${userId}) + (SELECT count(*) FROM retention_step WHERE done_by = ${userId}) AS n`),
		auditActions: n(sql`SELECT count(*) AS n FROM audit_log WHERE actor_id = ${userId}`),
		activeRoles: n(sql`SELECT
			(SELECT count(*) FROM cycle_role r JOIN cycle c ON c.id = r.cycle_id WHERE r.user_id = ${userId} AND c.phase <> 'archived')
			+ (SELECT count(*) FROM unit_contact u JOIN entry e ON e.unit_id = u.unit_id JOIN cycle c ON c.id = e.cycle_id
				WHERE u.user_id = ${userId} AND c.phase <> 'archived') AS n`),
		namedInProposals: n(sql`SELECT count(*) AS n FROM unit_proposal WHERE lower(contact_email) = (SELECT lower(email) FROM user WHERE id = ${userId})`)
	};
}

export interface PersonSummary extends PersonRow {
	pseudonymised: boolean;
	/** Why the person cannot be erased outright; empty when they can. */
	erasureRefusals: ErasureRefusal[];
	/** Pseudonymising is refused for the award office and for anyone with a part in a cycle under way. */
	mayPseudonymise: boolean;
}

export function personSummary(userId: number): PersonSummary | null {
	const q = db();
	const user = q.select({ id: table.user.id, name: table.user.name, email: table.user.email, isAdmin: table.user.isAdmin }).from(table.user).where(eq(table.user.id, userId)).get();
	if (!user) return null;
	const facts = erasureFacts(q, userId, user.isAdmin);
	const pseudonymised = isPseudonymAddress(user.email);
	return {
		key: String(user.id),
		name: user.name,
		email: user.email,
		isAdmin: user.isAdmin,
		withoutLogin: false,
		pseudonymised,
		erasureRefusals: erasureRefusals(facts),
		mayPseudonymise: !pseudonymised && pseudonymRefusals(facts).length === 0
	};
}

/** Logs that the admin took out a person's data, in which form. */
export function recordExtract(userId: number, format: 'json' | 'pdf', actorId: number): void {
	appendAudit(db(), { actorId, action: 'person.extract', entityType: 'user', entityId: userId, after: { format } });
}

const EDITABLE = ['name', 'email'] as const;

export function correctionValues(form: FormData): Record<(typeof EDITABLE)[number] | `was.${(typeof EDITABLE)[number]}`, string> {
	const read = (name: string) => String(form.get(name) ?? '').trim().slice(0, 400);
	return { name: read('name'), email: read('email'), 'was.name': read('was.name'), 'was.email': read('was.email') };
}

export function parseCorrection(values: { name: string; email: string }, m: Messages): { ok: true; data: { name: string; email: string } } | { ok: false; errors: FieldErrors } {
	const t = m.retention.person.errors;
	return validate(
		z.object({
			name: z.string().min(1, t.name).max(200, t.name),
			email: z.email(t.email).max(320, t.email).transform(normaliseEmail)
		}),
		values
	);
}

export type PersonChange = { ok: true } | { ok: false; error: 'notFound' | 'conflict' | 'emailTaken' | 'pseudonymised' | 'refused'; refusals?: ErasureRefusal[] };

/**
 * Corrects a person's name and address, and those of the unit contacts and proposals that are
 * them. `was` is what the form showed: if someone changed the person since, the correction is refused.
 */
export function correctPerson(input: { userId: number; was: { name: string; email: string }; name: string; email: string; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const user = tx.select().from(table.user).where(eq(table.user.id, input.userId)).get();
		if (!user) return { ok: false, error: 'notFound' } as const;
		if (isPseudonymAddress(user.email)) return { ok: false, error: 'pseudonymised' } as const;
		if (user.name !== input.was.name || user.email !== input.was.email) return { ok: false, error: 'conflict' } as const;
		const taken = tx.select({ id: table.user.id }).from(table.user).where(and(eq(table.user.email, input.email), sql`${table.user.id} <> ${input.userId}`)).get();
		if (taken) return { ok: false, error: 'emailTaken' } as const;
		const fields = EDITABLE.filter((f) => user[f] !== input[f]);
		if (fields.length === 0) return { ok: true } as const;
		tx.update(table.user).set({ name: input.name, email: input.email }).where(eq(table.user.id, input.userId)).run();
		tx.update(table.unitContact).set({ name: input.name, email: input.email }).where(eq(table.unitContact.userId, input.userId)).run();
		tx.update(table.unitProposal).set({ contactName: input.name, contactEmail: input.email }).where(sql`lower(${table.unitProposal.contactEmail}) = lower(${user.email})`).run();
		appendAudit(tx, { actorId: input.actorId, action: 'person.correct', entityType: 'user', entityId: input.userId, after: { fields } });
		return { ok: true } as const;
	});
}

/** Erases a person no kept record needs: the account, its unit contacts and the e-mail sent to them. */
export function erasePerson(input: { userId: number; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const user = tx.select().from(table.user).where(eq(table.user.id, input.userId)).get();
		if (!user) return { ok: false, error: 'notFound' } as const;
		const refusals = erasureRefusals(erasureFacts(tx, user.id, user.isAdmin));
		if (refusals.length > 0) return { ok: false, error: 'refused', refusals } as const;
		tx.delete(table.unitContact).where(eq(table.unitContact.userId, user.id)).run();
		tx.delete(table.outbox).where(sql`lower(${table.outbox.toAddress}) = lower(${user.email})`).run();
		// Sessions, links, the city-account binding, cycle roles, profiles and conflicts about them go with the row.
		tx.delete(table.user).where(eq(table.user.id, user.id)).run();
		appendAudit(tx, { actorId: input.actorId, action: 'person.erase', entityType: 'user', entityId: user.id });
		return { ok: true } as const;
	});
}

/** Pseudonymises one person now, where erasing is refused because records must be kept. */
export function pseudonymisePerson(input: { userId: number; actorId: number }): PersonChange {
	return db().transaction((tx) => {
		const user = tx.select().from(table.user).where(eq(table.user.id, input.userId)).get();
		if (!user) return { ok: false, error: 'notFound' } as const;
		if (isPseudonymAddress(user.email)) return { ok: false, error: 'pseudonymised' } as const;
		const refusals = pseudonymRefusals(erasureFacts(tx, user.id, user.isAdmin));
		if (refusals.length > 0) return { ok: false, error: 'refused', refusals } as const;
		pseudonymiseUsers(tx, [user.id]);
		appendAudit(tx, { actorId: input.actorId, action: 'person.pseudonymise', entityType: 'user', entityId: user.id });
		return { ok: true } as const;
	});
}
