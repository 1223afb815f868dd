/**
 * The organisation's coordinators of a cycle, appointed by the admin on the organisation's page.
 * A person without an account gets one without a password: they sign in with a link by e-mail.
 */
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { normaliseEmail } from '../auth/login';
import { validate } from '../http/validate';
import { fields, refused, type Outcome } from '../registry/fields';
import { EMAIL } from '../registry/unit-save';
import type { Cycle } from '../cycles/lookup';
import type { Messages } from '$lib/i18n';

type M = Messages['registration'];

export function listCoordinators(organisationId: number, cycleId: number) {
	return db()
		.select({ id: table.coordinator.id, userId: table.user.id, name: table.user.name, email: table.user.email })
		.from(table.coordinator)
		.innerJoin(table.user, eq(table.user.id, table.coordinator.userId))
		.where(and(eq(table.coordinator.organisationId, organisationId), eq(table.coordinator.cycleId, cycleId)))
		.orderBy(asc(table.user.name))
		.all();
}

/** Makes the person with this address a coordinator of the organisation in the cycle. */
export function appointCoordinator(organisationId: number, input: Record<string, string>, cycle: Cycle | null, actorId: number, m: M): Outcome<{ id: number }> {
	if (!cycle) return refused(400, { _form: m.admin.noCycle });
	const f = fields(m.v);
	const parsed = validate(z.object({ email: f.requiredText(320).refine((s) => EMAIL.test(s), m.v.email), name: f.optionalText(200) }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const email = normaliseEmail(parsed.data.email);
	return db().transaction((tx) => {
		if (!tx.select({ id: table.organisation.id }).from(table.organisation).where(eq(table.organisation.id, organisationId)).get()) {
			return refused(404, { _form: m.v.notFound });
		}
		let user = tx.select({ id: table.user.id }).from(table.user).where(eq(table.user.email, email)).get();
		if (!user) {
			if (!parsed.data.name) return refused(400, { name: m.v.required });
			user = tx.insert(table.user).values({ email, name: parsed.data.name }).returning({ id: table.user.id }).get();
			appendAudit(tx, { actorId, cycleId: cycle.id, action: 'user.create', entityType: 'user', entityId: user.id, after: { email, name: parsed.data.name } });
		}
		const taken = tx
			.select({ id: table.coordinator.id })
			.from(table.coordinator)
			.where(and(eq(table.coordinator.cycleId, cycle.id), eq(table.coordinator.organisationId, organisationId), eq(table.coordinator.userId, user.id)))
			.get();
		if (taken) return refused(400, { email: m.admin.alreadyCoordinator });
		const row = tx.insert(table.coordinator).values({ cycleId: cycle.id, organisationId, userId: user.id }).returning().get();
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'coordinator.appoint', entityType: 'coordinator', entityId: row.id, after: { ...row, email } });
		return { ok: true, value: { id: row.id } };
	});
}

export function removeCoordinator(organisationId: number, coordinatorId: number, actorId: number, m: M): Outcome<{ id: number }> {
	return db().transaction((tx) => {
		const row = tx.select().from(table.coordinator).where(and(eq(table.coordinator.id, coordinatorId), eq(table.coordinator.organisationId, organisationId))).get();
		if (!row) return refused(404, { _form: m.v.notFound });
		tx.delete(table.coordinator).where(eq(table.coordinator.id, coordinatorId)).run();
		appendAudit(tx, { actorId, cycleId: row.cycleId, action: 'coordinator.remove', entityType: 'coordinator', entityId: row.id, before: row });
		return { ok: true, value: { id: row.id } };
	});
}
