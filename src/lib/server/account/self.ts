/**
 * The unit's own view of each criterion as it handed it in: read only from submitted accounts (a
 * submitted account cannot change until the admin reopens it, which makes it a draft again), so
 * what the feedback sets beside the team's view is what the receipt's checksum covered. A draft's
 * view is never read.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import type { SelfAssessment } from '$lib/domain/account';
import { selfAssessmentOf } from '$lib/domain/self-comparison';

/** Per entry, the submitted self-assessments by criterion id (entries without any left out). */
function submittedSelf(q: Queryable, where: SQL): Map<number, Map<number, SelfAssessment>> {
	const rows = q
		.select({ entryId: table.account.entryId, criterionId: table.accountSelfAssessment.criterionId, band: table.accountSelfAssessment.band, reason: table.accountSelfAssessment.reason })
		.from(table.account)
		.innerJoin(table.entry, eq(table.entry.id, table.account.entryId))
		.innerJoin(table.accountSelfAssessment, eq(table.accountSelfAssessment.accountId, table.account.id))
		.where(and(eq(table.account.status, 'submitted'), where))
		.all();
	const out = new Map<number, Map<number, SelfAssessment>>();
	for (const row of rows) {
		const self = selfAssessmentOf({ band: row.band, reason: row.reason });
		if (!self) continue;
		const views = out.get(row.entryId) ?? new Map<number, SelfAssessment>();
		views.set(row.criterionId, self);
		out.set(row.entryId, views);
	}
	return out;
}

export function entrySelfAssessments(q: Queryable, entryId: number): Map<number, SelfAssessment> {
	return submittedSelf(q, eq(table.entry.id, entryId)).get(entryId) ?? new Map();
}

export function cycleSelfAssessments(q: Queryable, cycleId: number): Map<number, Map<number, SelfAssessment>> {
	return submittedSelf(q, eq(table.entry.cycleId, cycleId));
}
