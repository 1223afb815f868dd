/**
 * Units new to the register: the coordinator proposes one with its class and a contact, the admin
 * accepts it (the unit, its contact and its entry are made) or declines it. A name that matches a
 * unit of the organisation (by `unitNameKey`) is that unit, never a second one.
 */
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { normaliseEmail } from '../auth/login';
import { validate } from '../http/validate';
import { fields, refused, type Outcome } from '../registry/fields';
import { EMAIL } from '../registry/unit-save';
import type { Cycle } from '../cycles/lookup';
import { unitNameKey } from '$lib/domain/registration';
import type { Messages } from '$lib/i18n';

type M = Messages['registration'];

/** The organisation's unit whose name matches, if there is one. */
function matchingUnit(tx: Tx, organisationId: number, name: string) {
	const key = unitNameKey(name);
	return tx.select({ id: table.unit.id, name: table.unit.name }).from(table.unit).where(eq(table.unit.organisationId, organisationId)).all().find((u) => unitNameKey(u.name) === key);
}

export function proposeUnit(cycle: Cycle, organisationId: number, input: Record<string, string>, actorId: number, m: M): Outcome<{ id: number }> {
	const f = fields(m.v);
	const schema = z.object({
		name: f.requiredText(200),
		classId: f.requiredId,
		contactName: f.requiredText(200),
		contactEmail: f.requiredText(320).refine((s) => EMAIL.test(s), m.v.email)
	});
	const parsed = validate(schema, input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	return db().transaction((tx) => {
		const cls = tx.select().from(table.awardClass).where(eq(table.awardClass.id, data.classId)).get();
		if (!cls || cls.cycleId !== cycle.id) return refused(400, { classId: m.v.choose });
		if (matchingUnit(tx, organisationId, data.name)) return refused(400, { name: m.coordinator.exists });
		const pending = tx
			.select({ name: table.unitProposal.name })
			.from(table.unitProposal)
			.where(and(eq(table.unitProposal.cycleId, cycle.id), eq(table.unitProposal.organisationId, organisationId), eq(table.unitProposal.status, 'proposed')))
			.all();
		if (pending.some((p) => unitNameKey(p.name) === unitNameKey(data.name))) return refused(400, { name: m.coordinator.alreadyProposed });
		const row = tx
			.insert(table.unitProposal)
			.values({ cycleId: cycle.id, organisationId, name: data.name.replace(/\s+/g, ' '), classId: data.classId, contactName: data.contactName, contactEmail: normaliseEmail(data.contactEmail), proposedBy: actorId })
			.returning()
			.get();
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'unit.propose', entityType: 'unit_proposal', entityId: row.id, after: row });
		return { ok: true, value: { id: row.id } };
	});
}

export function listProposals(cycleId: number) {
	return db()
		.select({ id: table.unitProposal.id, name: table.unitProposal.name, organisation: table.organisation.name, className: table.awardClass.nameSv, classNameEn: table.awardClass.nameEn, contactName: table.unitProposal.contactName, contactEmail: table.unitProposal.contactEmail, proposer: table.user.name })
		.from(table.unitProposal)
		.innerJoin(table.organisation, eq(table.organisation.id, table.unitProposal.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.unitProposal.classId))
		.innerJoin(table.user, eq(table.user.id, table.unitProposal.proposedBy))
		.where(and(eq(table.unitProposal.cycleId, cycleId), eq(table.unitProposal.status, 'proposed')))
		.orderBy(table.organisation.name, table.unitProposal.name)
		.all();
}

/**
 * Accepts (the unit matched or made, with its contact, and registered in the proposed class) or
 * declines a proposal. `matched` says the unit already existed.
 */
export function decideProposal(id: number, accept: boolean, actorId: number, m: M): Outcome<{ unitId: number | null; matched: boolean }> {
	return db().transaction((tx) => {
		const proposal = tx.select().from(table.unitProposal).where(eq(table.unitProposal.id, id)).get();
		if (!proposal) return refused(404, { _form: m.v.notFound });
		if (proposal.status !== 'proposed') return refused(400, { _form: m.admin.handled });
		if (!accept) {
			tx.update(table.unitProposal).set({ status: 'rejected' }).where(eq(table.unitProposal.id, id)).run();
			appendAudit(tx, { actorId, cycleId: proposal.cycleId, action: 'unit.proposal.reject', entityType: 'unit_proposal', entityId: id, before: proposal });
			return { ok: true, value: { unitId: null, matched: false } };
		}
		const existing = matchingUnit(tx, proposal.organisationId, proposal.name);
		const unitId = existing?.id ?? tx.insert(table.unit).values({ organisationId: proposal.organisationId, name: proposal.name }).returning().get().id;
		const contacts = tx.select({ email: table.unitContact.email }).from(table.unitContact).where(eq(table.unitContact.unitId, unitId)).all();
		if (!contacts.some((c) => normaliseEmail(c.email) === proposal.contactEmail)) {
			tx.insert(table.unitContact).values({ unitId, name: proposal.contactName, email: proposal.contactEmail }).run();
		}
		const entered = tx.select({ id: table.entry.id }).from(table.entry).where(and(eq(table.entry.unitId, unitId), eq(table.entry.cycleId, proposal.cycleId))).get();
		if (!entered) tx.insert(table.entry).values({ cycleId: proposal.cycleId, unitId, classId: proposal.classId, registeredBy: proposal.proposedBy }).run();
		const after = tx.update(table.unitProposal).set({ status: 'accepted', unitId }).where(eq(table.unitProposal.id, id)).returning().get();
		appendAudit(tx, { actorId, cycleId: proposal.cycleId, action: 'unit.proposal.accept', entityType: 'unit_proposal', entityId: id, before: proposal, after: { ...after, matched: Boolean(existing) } });
		return { ok: true, value: { unitId, matched: Boolean(existing) } };
	});
}
