/**
 * Everything the tool holds about one person (docs/personal-data.md#3-a-persons-own-data): the
 * account and how they sign in, their roles, teams and examiner profiles, the unit contacts that
 * are them, the assessments they wrote (private notes included: they are theirs), the conflicts of
 * interest about them, their ballots and decisions, the e-mail sent to them and the audit entries
 * about them. Entries they made about others are listed by what and when only, without the values.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';

export interface PersonExtract {
	madeAt: string;
	person: { id: number; name: string; email: string; isAdmin: boolean; hasPassword: boolean; ssoRequired: boolean; createdAt: string; cityAccount: { issuer: string; subject: string; boundAt: string } | null };
	roles: { year: number; role: string; organisation: string | null }[];
	teams: { year: number; team: string; lead: boolean }[];
	examinerProfiles: { year: number; trainedYear: number | null; leadCapable: boolean; capacity: number; organisation: string | null }[];
	unitContacts: { unit: string; name: string; email: string; phone: string | null; title: string | null }[];
	assessments: { year: number; unit: string; status: string; submittedAt: string | null; notes: string; savedVersions: number; criteria: { criterion: string; score: number | null; strengths: string[]; improvements: string[]; notes: string }[] }[];
	conflicts: { year: number; unit: string; reason: string; note: string; declaredAt: string; declaredByThemselves: boolean }[];
	ballots: { year: number; class: string; updatedAt: string }[];
	decisions: { year: number; class: string; unit: string | null; outcome: string; citation: string }[];
	emails: { to: string; subject: string; status: string; queuedAt: string; sentAt: string | null; text: string }[];
	signIns: { sessions: { expiresAt: string }[]; links: { createdAt: string; usedAt: string | null; expiresAt: string }[] };
	auditAboutThem: { at: string; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown; reason: string | null }[];
	auditByThem: { at: string; action: string; entityType: string; entityId: string | null }[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const json = (text: string | null) => (text === null ? null : JSON.parse(text));

/** The e-mail addressed to one address, oldest first. */
export function emailsTo(q: Queryable, address: string): PersonExtract['emails'] {
	return q
		.all<{ to_address: string; subject: string; status: string; created_at: number; sent_at: number | null; body_text: string }>(sql`SELECT to_address, subject, status, created_at, sent_at, body_text FROM outbox WHERE lower(to_address) = lower(${address}) ORDER BY id`)
		.map((e) => ({ to: e.to_address, subject: e.subject, status: e.status, queuedAt: iso(e.created_at)!, sentAt: iso(e.sent_at), text: e.body_text }));
}

/** The audit entries a condition picks, oldest first, in full. */
export function auditEntries(q: Queryable, where: SQL): PersonExtract['auditAboutThem'] {
	return q
		.all<{ created_at: number; action: string; entity_type: string; entity_id: string | null; before: string | null; after: string | null; reason: string | null }>(
			sql`SELECT created_at, action, entity_type, entity_id, "before", "after", reason FROM audit_log WHERE ${where} ORDER BY id`
		)
		.map((a) => ({ at: iso(a.created_at)!, action: a.action, entityType: a.entity_type, entityId: a.entity_id, before: json(a.before), after: json(a.after), reason: a.reason }));
}

/** The extract of one user, or null when there is none. */
export function personExtract(q: Queryable, userId: number, now = new Date()): PersonExtract | null {
	type UserRow = { id: number; name: string; email: string; is_admin: number; password_hash: string | null; sso_required: number; created_at: number; issuer: string | null; subject: string | null; bound_at: number | null };
	const user = q.get<UserRow>(sql`SELECT u.*, s.issuer, s.subject, s.bound_at FROM user u LEFT JOIN sso_identity s ON s.user_id = u.id WHERE u.id = ${userId}`);
	if (!user) return null;
	const contactIds = q.all<{ id: number }>(sql`SELECT id FROM unit_contact WHERE user_id = ${userId} OR lower(email) = lower(${user.email})`).map((c) => String(c.id));

	const assessments = q
		.all<{ id: number; year: number; unit: string; status: string; submitted_at: number | null; notes: string; versions: number }>(sql`
			SELECT a.id, c.year, u.name AS unit, a.status, a.submitted_at, a.notes,
				(SELECT count(*) FROM assessment_revision r WHERE r.assessment_id = a.id) AS versions
			FROM assessment a JOIN entry e ON e.id = a.entry_id JOIN unit u ON u.id = e.unit_id JOIN cycle c ON c.id = e.cycle_id
			WHERE a.examiner_id = ${userId} ORDER BY c.year, u.name`)
		.map((a) => ({
			year: a.year,
			unit: a.unit,
			status: a.status,
			submittedAt: iso(a.submitted_at),
			notes: a.notes,
			savedVersions: a.versions,
			criteria: q
				.all<{ title: string; score: number | null; strengths: string; improvements: string; notes: string }>(sql`
					SELECT k.title_sv AS title, s.score, s.strengths, s.improvements, s.notes FROM assessment_score s
					JOIN criterion k ON k.id = s.criterion_id WHERE s.assessment_id = ${a.id} ORDER BY k.sort_order`)
				.map((s) => ({ criterion: s.title, score: s.score, strengths: JSON.parse(s.strengths), improvements: JSON.parse(s.improvements), notes: s.notes }))
		}));

	const contactList = contactIds.length === 0 ? sql`NULL` : sql.join(contactIds.map((id) => sql`${id}`), sql`, `);
	// The personal-data step records the ids it pseudonymised; that entry is about them too.
	const aboutThem = sql`(entity_type = 'user' AND entity_id = ${String(userId)}) OR (entity_type = 'unit_contact' AND entity_id IN (${contactList}))
		OR (action = 'retention.personalData' AND EXISTS (SELECT 1 FROM json_each("after", '$.userIds') WHERE value = ${userId}))`;

	return {
		madeAt: now.toISOString(),
		person: {
			id: user.id,
			name: user.name,
			email: user.email,
			isAdmin: user.is_admin === 1,
			hasPassword: user.password_hash !== null,
			ssoRequired: user.sso_required === 1,
			createdAt: iso(user.created_at)!,
			cityAccount: user.issuer ? { issuer: user.issuer, subject: user.subject!, boundAt: iso(user.bound_at)! } : null
		},
		roles: q.all(sql`SELECT c.year, r.role, o.name AS organisation FROM cycle_role r JOIN cycle c ON c.id = r.cycle_id LEFT JOIN organisation o ON o.id = r.organisation_id WHERE r.user_id = ${userId} ORDER BY c.year, r.role`),
		teams: q
			.all<{ year: number; team: string; lead: number }>(sql`SELECT c.year, t.name AS team, m.is_lead AS lead FROM team_member m JOIN team t ON t.id = m.team_id JOIN cycle c ON c.id = t.cycle_id WHERE m.user_id = ${userId} ORDER BY c.year`)
			.map((t) => ({ ...t, lead: t.lead === 1 })),
		examinerProfiles: q
			.all<{ year: number; trainedYear: number | null; leadCapable: number; capacity: number; organisation: string | null }>(sql`
				SELECT c.year, p.trained_year AS trainedYear, p.lead_capable AS leadCapable, p.capacity, o.name AS organisation
				FROM examiner_profile p JOIN cycle c ON c.id = p.cycle_id LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.user_id = ${userId} ORDER BY c.year`)
			.map((p) => ({ ...p, leadCapable: p.leadCapable === 1 })),
		unitContacts: q.all(sql`SELECT u.name AS unit, c.name, c.email, c.phone, c.title FROM unit_contact c JOIN unit u ON u.id = c.unit_id WHERE c.user_id = ${userId} OR lower(c.email) = lower(${user.email}) ORDER BY u.name`),
		assessments,
		conflicts: q
			.all<{ year: number; unit: string; reason: string; note: string; created_at: number; declared_by: number }>(sql`
				SELECT c.year, u.name AS unit, k.reason, k.note, k.created_at, k.declared_by FROM conflict k
				JOIN entry e ON e.id = k.entry_id JOIN unit u ON u.id = e.unit_id JOIN cycle c ON c.id = e.cycle_id WHERE k.user_id = ${userId} ORDER BY c.year, u.name`)
			.map((k) => ({ year: k.year, unit: k.unit, reason: k.reason, note: k.note, declaredAt: iso(k.created_at)!, declaredByThemselves: k.declared_by === userId })),
		ballots: q
			.all<{ year: number; class: string; updated_at: number }>(sql`SELECT c.year, k.name_sv AS class, b.updated_at FROM ballot b JOIN award_class k ON k.id = b.class_id JOIN cycle c ON c.id = k.cycle_id WHERE b.voter_id = ${userId} ORDER BY c.year, k.sort_order`)
			.map((b) => ({ year: b.year, class: b.class, updatedAt: iso(b.updated_at)! })),
		decisions: q.all(sql`
			SELECT c.year, k.name_sv AS class, u.name AS unit, d.outcome, d.citation FROM decision d JOIN cycle c ON c.id = d.cycle_id
			JOIN award_class k ON k.id = d.class_id LEFT JOIN entry e ON e.id = d.entry_id LEFT JOIN unit u ON u.id = e.unit_id
			WHERE d.decided_by = ${userId} ORDER BY c.year, k.sort_order`),
		emails: emailsTo(q, user.email),
		signIns: {
			sessions: q.all<{ expires_at: number }>(sql`SELECT expires_at FROM session WHERE user_id = ${userId} ORDER BY expires_at`).map((s) => ({ expiresAt: iso(s.expires_at)! })),
			links: q
				.all<{ created_at: number; used_at: number | null; expires_at: number }>(sql`SELECT created_at, used_at, expires_at FROM login_token WHERE user_id = ${userId} ORDER BY created_at`)
				.map((l) => ({ createdAt: iso(l.created_at)!, usedAt: iso(l.used_at), expiresAt: iso(l.expires_at)! }))
		},
		auditAboutThem: auditEntries(q, aboutThem),
		auditByThem: auditEntries(q, sql`actor_id = ${userId} AND NOT (${aboutThem})`).map(({ at, action, entityType, entityId }) => ({ at, action, entityType, entityId }))
	};
}

