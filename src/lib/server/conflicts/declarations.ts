/**
 * Declared conflicts of interest (docs/assessing.md#5-conflicts-of-interest): an examiner declares
 * them from the cycle's entries before the assignment, the admin for anyone in the pool.
 * Same-organisation and coordinator conflicts are implied, never stored, and shown beside the
 * declared ones. Each declaration and withdrawal is audited. An examiner may withdraw their own
 * declaration only until the assignment is published.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { CONFLICT_REASONS } from '../db/schema';

export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export interface DeclarableEntry {
	entryId: number;
	unitName: string;
	organisationName: string;
	classId: number;
	className: string;
	classNameEn: string;
	/** The entry belongs to the person's home organisation: a conflict without declaring. */
	sameOrganisation: boolean;
	/** The person is the coordinator of the entry's organisation in the cycle: a conflict without declaring. */
	coordinator: boolean;
	declared: {
		id: number;
		reason: ConflictReason;
		note: string;
		at: Date;
		/** Declared by the person themselves (not by the admin). */
		byThemselves: boolean;
	} | null;
}

/** The cycle's registered entries in class and unit order, with the person's conflicts on each. */
export function conflictList(cycleId: number, userId: number): DeclarableEntry[] {
	const d = db();
	const home = d
		.select({ org: table.examinerProfile.organisationId })
		.from(table.examinerProfile)
		.where(and(eq(table.examinerProfile.cycleId, cycleId), eq(table.examinerProfile.userId, userId)))
		.get()?.org ?? null;
	const coordinated = new Set(
		d.select({ org: table.coordinator.organisationId }).from(table.coordinator).where(and(eq(table.coordinator.cycleId, cycleId), eq(table.coordinator.userId, userId))).all().map((c) => c.org)
	);
	const rows = d
		.select({
			entryId: table.entry.id,
			unitName: table.unit.name,
			organisationId: table.unit.organisationId,
			organisationName: table.organisation.name,
			classId: table.awardClass.id,
			className: table.awardClass.nameSv,
			classNameEn: table.awardClass.nameEn,
			conflict: table.conflict
		})
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.leftJoin(table.conflict, and(eq(table.conflict.entryId, table.entry.id), eq(table.conflict.userId, userId)))
		.where(and(eq(table.entry.cycleId, cycleId), eq(table.entry.status, 'registered')))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.unit.name))
		.all();
	return rows.map(({ conflict, organisationId, ...r }) => ({
		...r,
		sameOrganisation: home !== null && organisationId === home,
		coordinator: coordinated.has(organisationId),
		declared: conflict
			? { id: conflict.id, reason: conflict.reason, note: conflict.note, at: conflict.createdAt, byThemselves: conflict.declaredBy === userId }
			: null
	}));
}

/** Whether any team of the cycle is published: examiners may no longer withdraw declarations. */
export function assignmentPublished(cycleId: number): boolean {
	return Boolean(
		db().select({ id: table.team.id }).from(table.team).where(and(eq(table.team.cycleId, cycleId), isNotNull(table.team.publishedAt))).get()
	);
}

export interface Declaration {
	cycleId: number;
	userId: number;
	entryId: number;
	reason: ConflictReason;
	note: string;
	actorId: number;
}

export type DeclareResult = { ok: true; id: number } | { ok: false; error: 'notFound' | 'notInPool' | 'exists' | 'archived' };

export function declareConflict(input: Declaration): DeclareResult {
	return db().transaction((tx): DeclareResult => {
		const entry = tx
			.select({ id: table.entry.id, phase: table.cycle.phase })
			.from(table.entry)
			.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
			.where(and(eq(table.entry.id, input.entryId), eq(table.entry.cycleId, input.cycleId), eq(table.entry.status, 'registered')))
			.get();
		if (!entry) return { ok: false, error: 'notFound' };
		if (entry.phase === 'archived') return { ok: false, error: 'archived' };
		const inPool = tx
			.select({ id: table.examinerProfile.id })
			.from(table.examinerProfile)
			.where(and(eq(table.examinerProfile.cycleId, input.cycleId), eq(table.examinerProfile.userId, input.userId)))
			.get();
		if (!inPool) return { ok: false, error: 'notInPool' };
		const existing = tx
			.select({ id: table.conflict.id })
			.from(table.conflict)
			.where(and(eq(table.conflict.userId, input.userId), eq(table.conflict.entryId, input.entryId)))
			.get();
		if (existing) return { ok: false, error: 'exists' };
		const id = tx
			.insert(table.conflict)
			.values({ userId: input.userId, entryId: input.entryId, reason: input.reason, note: input.note, declaredBy: input.actorId })
			.returning({ id: table.conflict.id })
			.get().id;
		appendAudit(tx, {
			actorId: input.actorId,
			cycleId: input.cycleId,
			action: 'conflict.declare',
			entityType: 'conflict',
			entityId: id,
			after: { userId: input.userId, entryId: input.entryId, reason: input.reason, note: input.note }
		});
		return { ok: true, id };
	});
}

export type WithdrawResult = { ok: true } | { ok: false; error: 'notFound' | 'notOwn' | 'published' | 'archived' };

/**
 * Withdraws a declaration. The admin may withdraw any (it is logged); an examiner only their own,
 * made by themselves, and only before the assignment is published.
 */
export function withdrawConflict(input: { cycleId: number; conflictId: number; actorId: number; asAdmin: boolean }): WithdrawResult {
	return db().transaction((tx): WithdrawResult => {
		const row = tx
			.select({ conflict: table.conflict, phase: table.cycle.phase })
			.from(table.conflict)
			.innerJoin(table.entry, eq(table.entry.id, table.conflict.entryId))
			.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
			.where(and(eq(table.conflict.id, input.conflictId), eq(table.entry.cycleId, input.cycleId)))
			.get();
		if (!row) return { ok: false, error: 'notFound' };
		if (row.phase === 'archived') return { ok: false, error: 'archived' };
		const c = row.conflict;
		if (!input.asAdmin) {
			if (c.userId !== input.actorId || c.declaredBy !== input.actorId) return { ok: false, error: 'notOwn' };
			const published = tx
				.select({ id: table.team.id })
				.from(table.team)
				.where(and(eq(table.team.cycleId, input.cycleId), isNotNull(table.team.publishedAt)))
				.get();
			if (published) return { ok: false, error: 'published' };
		}
		tx.delete(table.conflict).where(eq(table.conflict.id, c.id)).run();
		appendAudit(tx, {
			actorId: input.actorId,
			cycleId: input.cycleId,
			action: 'conflict.withdraw',
			entityType: 'conflict',
			entityId: c.id,
			before: { userId: c.userId, entryId: c.entryId, reason: c.reason, note: c.note, declaredBy: c.declaredBy }
		});
		return { ok: true };
	});
}
