/**
 * The demo's feedback reports (phase 'feedback'): one per entry with a finished consensus, built
 * by the same code as in the tool. Every second team's reports are approved, the rest are drafts,
 * so the admin's list has both to show.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import * as table from '../db/schema';
import { createReport } from '../feedback/reports';

export function seedFeedbackReports(tx: Tx, cycleId: number, at: Date): void {
	const adminId = tx.select({ id: table.user.id }).from(table.user).where(eq(table.user.isAdmin, true)).get()?.id ?? null;
	const teams = tx.select({ id: table.team.id }).from(table.team).where(eq(table.team.cycleId, cycleId)).orderBy(asc(table.team.id)).all();
	teams.forEach((team, t) => {
		const lead = tx
			.select({ userId: table.teamMember.userId })
			.from(table.teamMember)
			.where(and(eq(table.teamMember.teamId, team.id), eq(table.teamMember.isLead, true)))
			.get();
		const entries = tx.select({ entryId: table.teamEntry.entryId }).from(table.teamEntry).where(eq(table.teamEntry.teamId, team.id)).orderBy(asc(table.teamEntry.entryId)).all();
		for (const { entryId } of entries) {
			const report = createReport(tx, entryId, lead?.userId ?? null, at);
			if (!report || t % 2 === 0) continue;
			tx.update(table.feedbackReport)
				.set({ status: 'approved', approvedBy: adminId, approvedAt: at, version: report.version + 1 })
				.where(eq(table.feedbackReport.id, report.id))
				.run();
		}
	});
}
