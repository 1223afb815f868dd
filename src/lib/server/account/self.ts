/**
 * The unit's own view of each criterion as it handed it in: read from the account's revision at
 * its submitted version, the document the receipt's checksum covers, so that what the feedback
 * sets beside the team's view is exactly what was submitted. A draft's view is never read.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import type { AccountDoc, SelfAssessment } from '$lib/domain/account';
import { selfAssessmentOf } from '$lib/domain/self-comparison';

/** Per entry, the submitted self-assessments by criterion id (entries without any left out). */
function submittedSelf(q: Queryable, where: SQL): Map<number, Map<number, SelfAssessment>> {
	const rows = q
		.select({ entryId: table.account.entryId, snapshot: table.accountRevision.snapshot })
		.from(table.account)
		.innerJoin(table.entry, eq(table.entry.id, table.account.entryId))
		.innerJoin(table.accountRevision, and(eq(table.accountRevision.accountId, table.account.id), eq(table.accountRevision.version, table.account.version)))
		.where(and(eq(table.account.status, 'submitted'), where))
		.all();
	const out = new Map<number, Map<number, SelfAssessment>>();
	for (const row of rows) {
		const criteria = (row.snapshot as Partial<AccountDoc> | null)?.criteria;
		if (!Array.isArray(criteria)) continue;
		const views = new Map<number, SelfAssessment>();
		for (const c of criteria) {
			const self = selfAssessmentOf(c?.self);
			if (self && typeof c.criterionId === 'number') views.set(c.criterionId, self);
		}
		if (views.size > 0) out.set(row.entryId, views);
	}
	return out;
}

export function entrySelfAssessments(q: Queryable, entryId: number): Map<number, SelfAssessment> {
	return submittedSelf(q, eq(table.entry.id, entryId)).get(entryId) ?? new Map();
}

export function cycleSelfAssessments(q: Queryable, cycleId: number): Map<number, Map<number, SelfAssessment>> {
	return submittedSelf(q, eq(table.entry.cycleId, cycleId));
}
