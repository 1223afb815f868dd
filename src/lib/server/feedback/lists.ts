/** The lists around reports: the admin's per class, the lead's own entries. */
import { asc, count, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import type { ReportStatus } from '../../domain/feedback';
import { selectTeamEntries } from '../assignment/team-entries';
import { selectEntries } from '../registry/entry-names';

export type ReportState = ReportStatus | 'none';

export interface ReportRow {
	entryId: number;
	unitName: string;
	organisation: string;
	reportId: number | null;
	status: ReportState;
	version: number | null;
	updatedAt: Date | null;
	releasedAt: Date | null;
	consensusDone: boolean;
	contacts: number;
}

/** Every assessed entry of the cycle (it has a team) with its report's state, grouped by class. */
export function reportsByClass(cycleId: number) {
	const d = db();
	const classes = d
		.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id))
		.all();
	const contactCounts = new Map(
		d
			.select({ unitId: table.unitContact.unitId, n: count() })
			.from(table.unitContact)
			.groupBy(table.unitContact.unitId)
			.all()
			.map((r) => [r.unitId, r.n])
	);
	const rows = selectEntries(d, {
		classId: table.entry.classId,
		unitId: table.unit.id,
		reportId: table.feedbackReport.id,
		status: table.feedbackReport.status,
		version: table.feedbackReport.version,
		updatedAt: table.feedbackReport.updatedAt,
		releasedAt: table.feedbackReport.releasedAt,
		consensus: table.consensus.status
	})
		.innerJoin(table.teamEntry, eq(table.teamEntry.entryId, table.entry.id))
		.leftJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
		.leftJoin(table.feedbackReport, eq(table.feedbackReport.entryId, table.entry.id))
		.where(eq(table.entry.cycleId, cycleId))
		.orderBy(asc(table.unit.name))
		.all();
	const toRow = (r: (typeof rows)[number]): ReportRow => ({
		entryId: r.entryId,
		unitName: r.unitName,
		organisation: r.organisation,
		reportId: r.reportId,
		status: r.status ?? 'none',
		version: r.version,
		updatedAt: r.updatedAt,
		releasedAt: r.releasedAt,
		consensusDone: r.consensus === 'done',
		contacts: contactCounts.get(r.unitId) ?? 0
	});
	const counts: Record<ReportState, number> = { none: 0, draft: 0, approved: 0, released: 0 };
	for (const r of rows) counts[r.status ?? 'none']++;
	return {
		classes: classes
			.map((c) => ({ ...c, rows: rows.filter((r) => r.classId === c.id).map(toRow) }))
			.filter((c) => c.rows.length > 0),
		counts,
		missing: rows.filter((r) => r.reportId === null && r.consensus === 'done').length
	};
}

/** The entries of the teams a person leads in a cycle, with their reports' state. */
export function leadReports(userId: number, cycleId: number) {
	return selectTeamEntries(db(), { userId, cycleId, leadOnly: true }, { reportId: table.feedbackReport.id, status: table.feedbackReport.status })
		.leftJoin(table.feedbackReport, eq(table.feedbackReport.entryId, table.entry.id))
		.orderBy(asc(table.unit.name))
		.all()
		.map((r) => ({ ...r, status: (r.status ?? 'none') as ReportState }));
}
