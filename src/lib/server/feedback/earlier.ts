/**
 * A returning unit's last released report: the unit's entry in the latest earlier cycle whose
 * report went out. Its frozen content gives the bands the report compares with and the
 * improvement areas the lead sees while writing the new one. Only ever asked for the unit of the
 * entry at hand, so nobody reaches another unit's report through it.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import type { ReportContent } from '../../domain/feedback';

export interface EarlierReport {
	year: number;
	content: ReportContent;
}

export function earlierReport(q: Queryable, unitId: number, beforeYear: number): EarlierReport | null {
	const row = q
		.select({ year: table.cycle.year, content: table.feedbackReport.content })
		.from(table.feedbackReport)
		.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.where(and(eq(table.entry.unitId, unitId), lt(table.cycle.year, beforeYear), eq(table.feedbackReport.status, 'released')))
		.orderBy(desc(table.cycle.year))
		.get();
	return row ? { year: row.year, content: row.content as ReportContent } : null;
}

/** What the lead sees beside the editor: last time's improvement areas, per criterion with any. */
export function earlierImprovements(unitId: number, beforeYear: number) {
	const earlier = earlierReport(db(), unitId, beforeYear);
	if (!earlier) return null;
	return {
		year: earlier.year,
		criteria: earlier.content.criteria
			.filter((c) => c.improvements.length > 0)
			.map((c) => ({ key: c.key, titleSv: c.titleSv, titleEn: c.titleEn, improvements: c.improvements }))
	};
}
