/**
 * Eligibility of a cycle's entries: reads the rows E1–E8 need, runs the pure rules and applies the
 * admin's overrides. `admittedEntryIds` is the one answer every other area uses for "may be assessed".
 */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { checkEligibility, isAdmitted, type Eligibility, type RuleId } from '$lib/domain/eligibility';
import { eligibilityRows } from './rows';
import { stockholmDay } from '$lib/domain/dates';

export interface EligibilityOptions {
	/** Today in Stockholm; defaults to now. Tests pass a fixed day. */
	today?: string;
	/** Run inside a caller's transaction. */
	q?: Queryable;
}

export interface EntryEligibility {
	entryId: number;
	version: number;
	unitName: string;
	organisation: string;
	classId: number;
	className: string;
	classNameEn: string;
	eligibility: Eligibility;
	/** Rules E1–E7 that fail. */
	failing: RuleId[];
	overrideReason: string | null;
	/** May be assessed: no E1–E7 failure, or admitted by the admin with a reason. */
	admitted: boolean;
}

/** Every registered entry of the cycle with its rules, in class and unit order. */
export function entryEligibility(cycleId: number, options: EligibilityOptions = {}): EntryEligibility[] {
	const q = options.q ?? db();
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
	if (!cycle) return [];
	const classes = new Map(q.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).all().map((c) => [c.id, c]));
	return eligibilityRows(cycle, options.today ?? stockholmDay(new Date()))
		.map((r) => {
			const eligibility = checkEligibility(r.input);
			const awardClass = classes.get(r.classId)!;
			return {
				entryId: r.entryId,
				version: r.version,
				unitName: r.unitName,
				organisation: r.organisation,
				classId: r.classId,
				className: awardClass.nameSv,
				classNameEn: awardClass.nameEn,
				classOrder: awardClass.sortOrder,
				eligibility,
				failing: eligibility.failing,
				overrideReason: r.overrideReason,
				admitted: isAdmitted(eligibility, r.overrideReason)
			};
		})
		.sort((a, b) => a.classOrder - b.classOrder || (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0))
		.map(({ classOrder: _, ...e }) => e);
}

/** Anything for the award office to look at: a rule not met or unknown, or an override. */
export function hasProblem(e: EntryEligibility): boolean {
	return e.overrideReason !== null || e.eligibility.rules.some((r) => r.status !== 'pass');
}

/** The entries that may be assessed: the assignment and the phase guard take only these. */
export function admittedEntryIds(cycleId: number, options: EligibilityOptions = {}): number[] {
	return entryEligibility(cycleId, options)
		.filter((e) => e.admitted)
		.map((e) => e.entryId);
}

export type OverrideResult = { ok: true } | { ok: false; error: 'notFound' | 'conflict' | 'notFailing' | 'noOverride' | 'archived' };

interface OverrideInput {
	cycleId: number;
	entryId: number;
	version: number;
	actorId: number;
	today?: string;
}

/** Admits an entry that fails E1–E7; the reason is required by the caller's form and logged. */
export function overrideEligibility(input: OverrideInput & { reason: string }): OverrideResult {
	return db().transaction((tx) => {
		const found = loadForOverride(tx, input);
		if (!found.ok) return found;
		if (found.current.failing.length === 0) return { ok: false, error: 'notFailing' };
		writeOverride(tx, input, found.entry.eligibilityOverrideReason, input.reason, 'entry.eligibilityOverride', found.current.failing);
		return { ok: true };
	});
}

/** Takes back an override: the entry is judged by its rules again. */
export function withdrawEligibilityOverride(input: OverrideInput & { reason?: string | null }): OverrideResult {
	return db().transaction((tx) => {
		const found = loadForOverride(tx, input);
		if (!found.ok) return found;
		if (!found.entry.eligibilityOverrideReason) return { ok: false, error: 'noOverride' };
		writeOverride(tx, input, found.entry.eligibilityOverrideReason, null, 'entry.eligibilityOverrideWithdrawn', found.current.failing, input.reason);
		return { ok: true };
	});
}

function loadForOverride(tx: Queryable, input: OverrideInput) {
	const row = tx
		.select({ entry: table.entry, phase: table.cycle.phase })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.where(and(eq(table.entry.id, input.entryId), eq(table.entry.cycleId, input.cycleId)))
		.get();
	if (!row || row.entry.status !== 'registered') return { ok: false, error: 'notFound' } as const;
	if (row.phase === 'archived') return { ok: false, error: 'archived' } as const;
	if (row.entry.version !== input.version) return { ok: false, error: 'conflict' } as const;
	const current = entryEligibility(input.cycleId, { today: input.today, q: tx }).find((e) => e.entryId === input.entryId)!;
	return { ok: true, entry: row.entry, current } as const;
}

function writeOverride(
	tx: Queryable,
	input: OverrideInput,
	before: string | null,
	after: string | null,
	action: string,
	failing: RuleId[],
	reason?: string | null
) {
	tx.update(table.entry)
		.set({ eligibilityOverrideReason: after, version: input.version + 1 })
		.where(eq(table.entry.id, input.entryId))
		.run();
	appendAudit(tx, {
		actorId: input.actorId,
		cycleId: input.cycleId,
		action,
		entityType: 'entry',
		entityId: input.entryId,
		before: { overrideReason: before },
		after: { overrideReason: after, failing },
		reason: after ?? reason ?? null
	});
}
