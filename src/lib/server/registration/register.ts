/**
 * Registering a unit for the cycle (docs/unit-side.md#2-registration): its class, its contacts and
 * the facts E1–E3 and E6 read, written to the unit where eligibility reads them, with the unit's
 * version guarding against two people's saves; then the coordinator confirms or withdraws it.
 * Each a transaction with an audit entry; bad input writes nothing.
 */
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate, type FieldErrors } from '../http/validate';
import { fields, refused, type Outcome } from '../registry/fields';
import { contactSchema, factColumns, factFields, Rollback, unitValuesFrom, writeContacts } from '../registry/unit-save';
import { changeEntry } from '../registry/entries';
import { getUnit } from '../registry/units';
import type { UnitRead } from './access';
import type { Messages } from '$lib/i18n';

type M = Messages['registration'];
type EntryM = Messages['entries'];

/** What the registration form shows: the unit's facts and contacts, the class, the entry's state. */
export function registrationValues(read: UnitRead) {
	const unit = getUnit(read.unit.id)!;
	const { managerBudget, managerStaff, businessPlan, staffCount, privatelyRun, stockholmShare, version, contacts } = unit.values;
	return {
		values: { classId: read.entry?.status === 'registered' ? String(read.entry.classId) : '', managerBudget, managerStaff, businessPlan, staffCount, privatelyRun, stockholmShare, version, contacts },
		signInContacts: unit.signInContacts
	};
}

export type RegistrationValues = ReturnType<typeof registrationValues>['values'];

/** Saves the registration: the unit's facts and contacts, and its entry in the class (made if new). */
export function saveRegistration(read: UnitRead, input: Record<string, string>, actorId: number, m: M, em: EntryM): Outcome<{ entryId: number }> {
	const f = fields(m.v);
	const values = unitValuesFrom(input);
	const schema = z.object({ classId: f.requiredId, ...factFields(m.v), version: f.version, contacts: z.array(contactSchema(m.v)) });
	const parsed = validate(schema, { ...values, classId: input.classId ?? '' });
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	const { cycle, unit } = read;
	try {
		return db().transaction((tx) => {
			const cls = tx.select().from(table.awardClass).where(eq(table.awardClass.id, data.classId)).get();
			if (!cls || cls.cycleId !== cycle.id) return refused(400, { classId: cls ? em.classOtherCycle : m.v.choose });
			const current = tx.select().from(table.unit).where(eq(table.unit.id, unit.id)).get();
			if (!current) return refused(404, { _form: m.v.notFound });
			if (data.version !== current.version) return refused(409, { _form: m.v.conflict });
			const entryBefore = tx.select().from(table.entry).where(and(eq(table.entry.unitId, unit.id), eq(table.entry.cycleId, cycle.id))).get();
			const onTeam = entryBefore && entryBefore.classId !== data.classId && tx.select().from(table.teamEntry).where(eq(table.teamEntry.entryId, entryBefore.id)).get();
			if (onTeam) return refused(400, { classId: em.onTeam });
			tx.update(table.unit)
				.set({ ...factColumns(data), version: current.version + 1 })
				.where(and(eq(table.unit.id, unit.id), eq(table.unit.version, current.version)))
				.run();
			const contactErrors = writeContacts(tx, unit.id, data.contacts, m.v);
			if (Object.keys(contactErrors).length > 0) throw new Rollback(contactErrors);
			const entry = entryBefore
				? tx
						.update(table.entry)
						.set({
							classId: data.classId,
							// A withdrawn unit registered again waits for a new confirmation.
							...(entryBefore.status === 'withdrawn' ? { status: 'registered' as const, confirmedAt: null, confirmedBy: null, registeredBy: actorId } : {}),
							version: entryBefore.version + 1
						})
						.where(eq(table.entry.id, entryBefore.id))
						.returning()
						.get()
				: tx.insert(table.entry).values({ cycleId: cycle.id, unitId: unit.id, classId: data.classId, registeredBy: actorId }).returning().get();
			const contacts = tx.select().from(table.unitContact).where(eq(table.unitContact.unitId, unit.id)).all();
			appendAudit(tx, {
				actorId,
				cycleId: cycle.id,
				action: 'registration.save',
				entityType: 'entry',
				entityId: entry.id,
				before: { unit: current, entry: entryBefore ?? null },
				after: { facts: factColumns(data), entry, contacts }
			});
			return { ok: true, value: { entryId: entry.id } };
		});
	} catch (e) {
		if (e instanceof Rollback) return refused(409, e.errors);
		throw e;
	}
}

/** The coordinator's answer on a registration: confirm it once, or withdraw it. */
export function answerRegistration(read: UnitRead, answer: 'confirm' | 'withdraw', input: Record<string, string>, actorId: number, m: M, em: EntryM): Outcome<{ id: number }> {
	const f = fields(m.v);
	const parsed = validate(z.object({ version: f.version }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const entry = read.entry;
	if (!entry) return refused(400, { _form: m.form.notRegistered });
	return db().transaction((tx) =>
		changeEntry(tx, entry.id, parsed.data.version, actorId, `registration.${answer}`, em, (current) => {
			const errors: FieldErrors = {};
			if (current.status === 'withdrawn') errors._form = answer === 'confirm' ? m.form.notRegistered : m.form.alreadyWithdrawn;
			else if (answer === 'confirm' && current.confirmedAt !== null) errors._form = m.form.alreadyConfirmed;
			if (errors._form) return { errors };
			return {
				set: answer === 'confirm' ? { confirmedAt: new Date(), confirmedBy: actorId } : { status: 'withdrawn', confirmedAt: null, confirmedBy: null }
			};
		})
	);
}
