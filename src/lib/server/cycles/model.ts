/**
 * A cycle's classes and assessment model (docs/assessment-model.md): editable until assessment
 * opens, then frozen — every change is refused on the server, whatever the page shows. Changes are
 * audited.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { phaseAtLeast, type Phase } from '$lib/domain/phases';
import type { ClassInput, CriterionInput, ScaleInput } from './model-form';

export function isModelFrozen(phase: Phase): boolean {
	return phaseAtLeast(phase, 'assessment');
}

export function getModel(cycleId: number) {
	const d = db();
	const classes = d
		.select({ awardClass: table.awardClass, entries: count(table.entry.id) })
		.from(table.awardClass)
		.leftJoin(table.entry, eq(table.entry.classId, table.awardClass.id))
		.where(eq(table.awardClass.cycleId, cycleId))
		.groupBy(table.awardClass.id)
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.nameSv))
		.all()
		.map((r) => ({ ...r.awardClass, entries: r.entries }));
	const criteria = d
		.select()
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(asc(table.criterion.sortOrder), asc(table.criterion.key))
		.all();
	return { classes, criteria };
}

export type ModelError = 'notFound' | 'frozen' | 'conflict' | 'nameTaken' | 'keyTaken' | 'classInUse' | 'criterionInUse';
export type ModelResult = { ok: true } | { ok: false; error: ModelError; count?: number };

/** Runs a change when the cycle exists and its model is not frozen. */
function change(cycleId: number, work: (tx: Tx) => ModelResult): ModelResult {
	return db().transaction((tx) => {
		const cycle = tx.select({ phase: table.cycle.phase }).from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
		if (!cycle) return { ok: false, error: 'notFound' };
		if (isModelFrozen(cycle.phase)) return { ok: false, error: 'frozen' };
		return work(tx);
	});
}

export interface Target {
	cycleId: number;
	/** null to add a new record. */
	id: number | null;
	version: number | null;
	actorId: number;
}

/** Runs `work` on the record as the form saw it: one of the target cycle's, still at the form's version. */
function atVersion<R extends { version: number }>(target: Target, before: R | undefined, work: (before: R) => ModelResult): ModelResult {
	if (!before) return { ok: false, error: 'notFound' };
	if (before.version !== target.version) return { ok: false, error: 'conflict' };
	return work(before);
}

interface Writes<R> {
	find: (id: number) => R | undefined;
	insert: () => number;
	update: (id: number, version: number) => void;
}

/** Adds the record (no id) or updates the one the form saw at its next version; audited as `<action>.create` or `.update`. */
function upsert<R extends { version: number }>(tx: Tx, target: Target, input: object, action: string, entityType: string, w: Writes<R>): ModelResult {
	if (target.id === null) {
		audit(tx, target, `${action}.create`, entityType, w.insert(), null, input);
		return { ok: true };
	}
	const id = target.id;
	return atVersion(target, w.find(id), (before) => {
		w.update(id, before.version + 1);
		audit(tx, target, `${action}.update`, entityType, id, pick(before, input), input);
		return { ok: true };
	});
}

const findClass = (tx: Tx, cycleId: number, id: number) =>
	tx.select().from(table.awardClass).where(and(eq(table.awardClass.id, id), eq(table.awardClass.cycleId, cycleId))).get();

const findCriterion = (tx: Tx, cycleId: number, id: number) =>
	tx.select().from(table.criterion).where(and(eq(table.criterion.id, id), eq(table.criterion.cycleId, cycleId))).get();

export function saveClass(target: Target, input: ClassInput): ModelResult {
	return change(target.cycleId, (tx) => {
		const clash = tx
			.select({ id: table.awardClass.id })
			.from(table.awardClass)
			.where(and(eq(table.awardClass.cycleId, target.cycleId), eq(table.awardClass.nameSv, input.nameSv)))
			.get();
		if (clash && clash.id !== target.id) return { ok: false, error: 'nameTaken' };
		return upsert(tx, target, input, 'model.class', 'award_class', {
			find: (id) => findClass(tx, target.cycleId, id),
			insert: () => tx.insert(table.awardClass).values({ ...input, cycleId: target.cycleId }).returning({ id: table.awardClass.id }).get().id,
			update: (id, version) => tx.update(table.awardClass).set({ ...input, version }).where(eq(table.awardClass.id, id)).run()
		});
	});
}

export function removeClass(target: Target & { id: number }): ModelResult {
	return change(target.cycleId, (tx) =>
		atVersion(target, findClass(tx, target.cycleId, target.id), (before) => {
			const uses =
				(tx.select({ n: count() }).from(table.entry).where(eq(table.entry.classId, target.id)).get()?.n ?? 0) +
				(tx.select({ n: count() }).from(table.team).where(eq(table.team.classId, target.id)).get()?.n ?? 0) +
				(tx.select({ n: count() }).from(table.decision).where(eq(table.decision.classId, target.id)).get()?.n ?? 0);
			if (uses > 0) return { ok: false, error: 'classInUse', count: uses };
			tx.delete(table.awardClass).where(eq(table.awardClass.id, target.id)).run();
			audit(tx, target, 'model.class.remove', 'award_class', target.id, before, null);
			return { ok: true };
		})
	);
}

export function saveCriterion(target: Target, input: CriterionInput): ModelResult {
	return change(target.cycleId, (tx) => {
		const clash = tx
			.select({ id: table.criterion.id })
			.from(table.criterion)
			.where(and(eq(table.criterion.cycleId, target.cycleId), eq(table.criterion.key, input.key)))
			.get();
		if (clash && clash.id !== target.id) return { ok: false, error: 'keyTaken' };
		return upsert(tx, target, input, 'model.criterion', 'criterion', {
			find: (id) => findCriterion(tx, target.cycleId, id),
			insert: () => tx.insert(table.criterion).values({ ...input, cycleId: target.cycleId }).returning({ id: table.criterion.id }).get().id,
			update: (id, version) => tx.update(table.criterion).set({ ...input, version }).where(eq(table.criterion.id, id)).run()
		});
	});
}

export function removeCriterion(target: Target & { id: number }): ModelResult {
	return change(target.cycleId, (tx) =>
		atVersion(target, findCriterion(tx, target.cycleId, target.id), (before) => {
			const scored =
				(tx.select({ n: count() }).from(table.assessmentScore).where(eq(table.assessmentScore.criterionId, target.id)).get()?.n ?? 0) +
				(tx.select({ n: count() }).from(table.consensusScore).where(eq(table.consensusScore.criterionId, target.id)).get()?.n ?? 0);
			if (scored > 0) return { ok: false, error: 'criterionInUse' };
			tx.delete(table.criterion).where(eq(table.criterion.id, target.id)).run();
			audit(tx, target, 'model.criterion.remove', 'criterion', target.id, before, null);
			return { ok: true };
		})
	);
}

/** The scale lives on the cycle row, so it carries the cycle's version. */
export function saveScale(target: Omit<Target, 'id'> & { version: number }, input: ScaleInput): ModelResult {
	return change(target.cycleId, (tx) => {
		const cycle = tx.select().from(table.cycle).where(eq(table.cycle.id, target.cycleId)).get()!;
		if (cycle.version !== target.version) return { ok: false, error: 'conflict' };
		tx.update(table.cycle).set({ ...input, version: cycle.version + 1 }).where(eq(table.cycle.id, target.cycleId)).run();
		audit(tx, { ...target, id: target.cycleId }, 'model.scale', 'cycle', target.cycleId, pick(cycle, input), input);
		return { ok: true };
	});
}

/** The before-values of the fields a change touches. */
function pick<T extends object>(row: T, input: object): Partial<T> {
	return Object.fromEntries(Object.keys(input).map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}

function audit(tx: Tx, target: Target, action: string, entityType: string, entityId: number, before: unknown, after: unknown) {
	appendAudit(tx, { actorId: target.actorId, cycleId: target.cycleId, action, entityType, entityId, before, after });
}
