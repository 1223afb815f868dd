/**
 * A cycle's retention as it stands: the day it was archived, its settings, the steps carried out,
 * and per kind when it falls due and how much it would touch.
 */
import { and, eq, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { stockholmDay } from '$lib/domain/dates';
import type { Phase } from '$lib/domain/phases';
import { retentionSettings, retentionSteps, type CycleRetentionFacts, type RetentionKindName, type RetentionStep } from '$lib/domain/retention';
import { RETENTION_STEP_WORK, type CycleRef } from './steps';

interface CycleRow extends CycleRef {
	name: string;
	phase: Phase;
	feedbackDate: string | null;
}

/**
 * The Stockholm day the cycle moved to `archived`, from its phase change in the audit log. A cycle
 * archived before phase changes were logged counts from its feedback day, or else the last day of
 * its year: the earliest day it can have ended without being the award year still under way.
 */
export function archivedOn(q: Queryable, cycle: CycleRow): string | null {
	if (cycle.phase !== 'archived') return null;
	const logged = q.get<{ at: number }>(sql`
		SELECT created_at AS at FROM audit_log WHERE cycle_id = ${cycle.id} AND action = 'cycle.phase'
		AND json_extract("after", '$.phase') = 'archived' ORDER BY id DESC LIMIT 1`);
	if (logged) return stockholmDay(new Date(logged.at));
	return cycle.feedbackDate ?? `${cycle.year}-12-31`;
}

export function cycleRetentionFacts(q: Queryable, cycle: CycleRow): CycleRetentionFacts & { version: number } {
	const policy = q.select().from(table.retentionPolicy).where(eq(table.retentionPolicy.cycleId, cycle.id)).get();
	const done = q
		.select({ kind: table.retentionStep.kind })
		.from(table.retentionStep)
		.where(eq(table.retentionStep.cycleId, cycle.id))
		.all()
		.map((s) => s.kind as RetentionKindName);
	return { archivedOn: archivedOn(q, cycle), settings: retentionSettings(policy?.months), done, version: policy?.version ?? 0 };
}

export function cycleRows(q: Queryable): CycleRow[] {
	return q
		.select({ id: table.cycle.id, year: table.cycle.year, name: table.cycle.name, phase: table.cycle.phase, feedbackDate: table.cycle.feedbackDate })
		.from(table.cycle)
		.orderBy(table.cycle.year)
		.all();
}

export interface PlannedStep extends RetentionStep {
	/** Done: how many the step touched, and when. Otherwise: how many it would touch now. */
	count: number;
	doneAt: Date | null;
}

export interface CycleRetention {
	cycleId: number;
	year: number;
	name: string;
	phase: Phase;
	archivedOn: string | null;
	settings: CycleRetentionFacts['settings'];
	version: number;
	steps: PlannedStep[];
}

/** Every cycle, newest first, with what retention has done and will do to it. */
export function retentionOverview(now = new Date()): CycleRetention[] {
	const q = db();
	const today = stockholmDay(now);
	return cycleRows(q)
		.reverse()
		.map((cycle) => {
			const facts = cycleRetentionFacts(q, cycle);
			const recorded = new Map(
				q.select().from(table.retentionStep).where(eq(table.retentionStep.cycleId, cycle.id)).all().map((s) => [s.kind, s])
			);
			const steps = retentionSteps(facts, today).map((step): PlannedStep => {
				const done = recorded.get(step.kind);
				return { ...step, count: done ? done.count : RETENTION_STEP_WORK[step.kind].pending(q, cycle), doneAt: done?.doneAt ?? null };
			});
			return { cycleId: cycle.id, year: cycle.year, name: cycle.name, phase: cycle.phase, archivedOn: facts.archivedOn, settings: facts.settings, version: facts.version, steps };
		});
}

/** Whether a step of a cycle is recorded as done, asked inside the step's own transaction. */
export function isStepDone(q: Queryable, cycleId: number, kind: RetentionKindName): boolean {
	return q.select().from(table.retentionStep).where(and(eq(table.retentionStep.cycleId, cycleId), eq(table.retentionStep.kind, kind))).get() !== undefined;
}
