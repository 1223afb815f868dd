/**
 * The retention run: every step that is due, one transaction per kind per cycle, each with its
 * record in `retention_step` and its audit entry (what kind, how many, by whom; never what was
 * removed). A step that fails leaves its kind untouched and stops the run; the next run takes up
 * where it stopped.
 */
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { stockholmDay } from '$lib/domain/dates';
import { RETENTION_KINDS, retentionSteps, type RetentionKindName } from '$lib/domain/retention';
import { cycleRetentionFacts, cycleRows, isStepDone } from './plan';
import { RETENTION_STEP_WORK } from './steps';

export interface RunStep {
	cycleId: number;
	year: number;
	kind: RetentionKindName;
	count: number;
}

export interface RetentionRun {
	done: RunStep[];
	failed: { cycleId: number; year: number; kind: RetentionKindName; message: string } | null;
}

/** Carries out what is due on `now`'s day; `actorId` is the admin who asked, null for the schedule. */
export function runRetention(input: { actorId: number | null; now?: Date }): RetentionRun {
	const now = input.now ?? new Date();
	const today = stockholmDay(now);
	const run: RetentionRun = { done: [], failed: null };
	for (const cycle of cycleRows(db())) {
		const due = retentionSteps(cycleRetentionFacts(db(), cycle), today).filter((s) => s.state === 'due');
		for (const { kind } of due) {
			try {
				const count = db().transaction((tx) => {
					// Another run may have finished it since the plan was read.
					if (isStepDone(tx, cycle.id, kind)) return null;
					const result = RETENTION_STEP_WORK[kind].apply(tx, cycle);
					tx.insert(table.retentionStep).values({ cycleId: cycle.id, kind, count: result.count, doneAt: now, doneBy: input.actorId }).run();
					appendAudit(tx, {
						actorId: input.actorId,
						cycleId: cycle.id,
						action: `retention.${kind}`,
						entityType: 'cycle',
						entityId: cycle.id,
						after: { kind, action: RETENTION_KINDS[kind].action, count: result.count, ...result.detail }
					});
					return result.count;
				});
				if (count !== null) run.done.push({ cycleId: cycle.id, year: cycle.year, kind, count });
			} catch (e) {
				run.failed = { cycleId: cycle.id, year: cycle.year, kind, message: failureMessage(e) };
				return run;
			}
		}
	}
	return run;
}


/** What went wrong, as SQLite said it: drizzle wraps a failed statement and keeps the reason as its cause. */
function failureMessage(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	return e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message;
}
