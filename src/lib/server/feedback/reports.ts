/**
 * Drafting and approving feedback reports: created from the consensus, saved by the lead with a
 * version (an old version is refused, never overwritten), approved or sent back by the admin.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { loadReportSource } from './source';
import {
	applyEdit,
	buildReportContent,
	editOf,
	mayApprove,
	mayEdit,
	maySendBack,
	refreshFacts,
	type ReportContent,
	type ReportEdit
} from '../../domain/feedback';

export type Report = typeof table.feedbackReport.$inferSelect;

export function getReport(id: number, q: Queryable = db()): Report | null {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	return q.select().from(table.feedbackReport).where(eq(table.feedbackReport.id, id)).get() ?? null;
}

export function getReportForEntry(entryId: number, q: Queryable = db()): Report | null {
	return q.select().from(table.feedbackReport).where(eq(table.feedbackReport.entryId, entryId)).get() ?? null;
}

/** The report as readers see it: until release its facts follow the sources; after, it is frozen. */
export function currentContent(report: Report, q: Queryable = db()): ReportContent {
	const stored = report.content as ReportContent;
	if (report.status === 'released') return stored;
	const source = loadReportSource(q, report.entryId);
	return source ? refreshFacts(stored, buildReportContent(source)) : stored;
}

function consensusDone(q: Queryable, entryId: number): boolean {
	const row = q.select({ status: table.consensus.status }).from(table.consensus).where(eq(table.consensus.entryId, entryId)).get();
	return row?.status === 'done';
}

/** Creates the report from the finished consensus, inside the caller's transaction. */
export function createReport(q: Queryable, entryId: number, actorId: number | null, now = new Date()): Report | null {
	if (!consensusDone(q, entryId)) return null;
	const source = loadReportSource(q, entryId);
	if (!source) return null;
	const content = buildReportContent(source);
	const report = q
		.insert(table.feedbackReport)
		.values({ entryId, content, status: 'draft', version: 1, updatedAt: now })
		.returning()
		.get();
	appendAudit(q, {
		actorId,
		cycleId: entryCycle(q, entryId),
		action: 'feedback.create',
		entityType: 'feedback_report',
		entityId: report.id,
		after: { entryId, status: 'draft' }
	});
	return report;
}

function entryCycle(q: Queryable, entryId: number): number | null {
	return q.select({ cycleId: table.entry.cycleId }).from(table.entry).where(eq(table.entry.id, entryId)).get()?.cycleId ?? null;
}

/** The entry's report, created from the consensus on first opening; null while the consensus is not done. */
export function openReport(entryId: number, actorId: number): Report | null {
	return db().transaction((tx) => getReportForEntry(entryId, tx) ?? createReport(tx, entryId, actorId));
}

/** The admin's bulk creation: a report for every entry of the cycle whose consensus is done. */
export function createMissingReports(cycleId: number, actorId: number): number {
	return db().transaction((tx) => {
		const entries = tx
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
			.leftJoin(table.feedbackReport, eq(table.feedbackReport.entryId, table.entry.id))
			.where(and(eq(table.entry.cycleId, cycleId), eq(table.consensus.status, 'done'), isNull(table.feedbackReport.id)))
			.all();
		let created = 0;
		for (const e of entries) if (createReport(tx, e.id, actorId)) created++;
		return created;
	});
}

export interface SavedState {
	version: number;
	edit: ReportEdit;
	updatedAt: Date;
	savedBy: string | null;
}

export type SaveResult =
	| { ok: true; version: number; updatedAt: Date }
	| { ok: false; reason: 'conflict'; current: SavedState }
	| { ok: false; reason: 'notFound' | 'notEditable' | 'criteriaMismatch' };

/** Who saved the report's current version, from its revisions. */
function lastSaver(q: Queryable, reportId: number): string | null {
	return (
		q
			.select({ name: table.user.name })
			.from(table.feedbackReportRevision)
			.innerJoin(table.user, eq(table.user.id, table.feedbackReportRevision.savedBy))
			.where(eq(table.feedbackReportRevision.reportId, reportId))
			.orderBy(desc(table.feedbackReportRevision.version))
			.get()?.name ?? null
	);
}

export function savedState(report: Report, q: Queryable = db()): SavedState {
	return { version: report.version, edit: editOf(report.content as ReportContent), updatedAt: report.updatedAt, savedBy: lastSaver(q, report.id) };
}

/**
 * Saves the lead's texts on top of `baseVersion`. Another save since then is a conflict and the
 * caller gets the saved state to show beside the person's own text. Every saved state is kept.
 */
export function saveReport(entryId: number, baseVersion: number, edit: ReportEdit, actorId: number, now = new Date()): SaveResult {
	return db().transaction((tx) => {
		const report = getReportForEntry(entryId, tx);
		if (!report) return { ok: false, reason: 'notFound' };
		if (!mayEdit(report.status)) return { ok: false, reason: 'notEditable' };
		if (report.version !== baseVersion) return { ok: false, reason: 'conflict', current: savedState(report, tx) };
		const applied = applyEdit(currentContent(report, tx), edit);
		if (!applied.ok) return { ok: false, reason: 'criteriaMismatch' };
		const version = report.version + 1;
		const changed = tx
			.update(table.feedbackReport)
			.set({ content: applied.content, version, updatedAt: now })
			.where(and(eq(table.feedbackReport.id, report.id), eq(table.feedbackReport.version, baseVersion)))
			.run().changes;
		if (changed !== 1) return { ok: false, reason: 'conflict', current: savedState(getReport(report.id, tx)!, tx) };
		tx.insert(table.feedbackReportRevision).values({ reportId: report.id, version, content: applied.content, savedBy: actorId, createdAt: now }).run();
		return { ok: true, version, updatedAt: now };
	});
}

export type ReviewResult = { ok: true } | { ok: false; reason: 'notFound' | 'changed' | 'notDraft' | 'notApproved' };
type Refusal = Exclude<ReviewResult, { ok: true }>['reason'];

/**
 * The admin's review moves the report to `status` with a new version, the approval recorded only
 * on an approved report, and logs the step; `refuse` names why the report may not take it.
 */
function review(
	reportId: number,
	actorId: number,
	now: Date,
	step: { action: string; status: 'approved' | 'draft'; reason?: string },
	refuse: (report: Report) => Refusal | null
): ReviewResult {
	return db().transaction((tx) => {
		const report = getReport(reportId, tx);
		if (!report) return { ok: false, reason: 'notFound' };
		const refusal = refuse(report);
		if (refusal) return { ok: false, reason: refusal };
		const approved = step.status === 'approved';
		const version = report.version + 1;
		tx.update(table.feedbackReport)
			.set({ status: step.status, approvedBy: approved ? actorId : null, approvedAt: approved ? now : null, version, updatedAt: now })
			.where(eq(table.feedbackReport.id, reportId))
			.run();
		appendAudit(tx, {
			actorId,
			cycleId: entryCycle(tx, report.entryId),
			action: step.action,
			entityType: 'feedback_report',
			entityId: reportId,
			before: { status: report.status, version: report.version },
			after: { status: step.status, version },
			reason: step.reason
		});
		return { ok: true };
	});
}

/** The admin approves a draft as read (at `version`); a newer save makes them read again. */
export function approveReport(reportId: number, version: number, actorId: number, now = new Date()): ReviewResult {
	return review(reportId, actorId, now, { action: 'feedback.approve', status: 'approved' }, (report) =>
		!mayApprove(report.status) ? 'notDraft' : report.version !== version ? 'changed' : null
	);
}

/** The admin sends an approved report back to the lead, saying what to change. */
export function sendBackReport(reportId: number, reason: string, actorId: number, now = new Date()): ReviewResult {
	return review(reportId, actorId, now, { action: 'feedback.sendBack', status: 'draft', reason }, (report) =>
		maySendBack(report.status) ? null : 'notApproved'
	);
}

/** The latest "sent back" note for a report still in draft, for the lead. */
export function sendBackNote(report: Report): { by: string; reason: string; at: Date } | null {
	if (report.status !== 'draft') return null;
	const row = db()
		.select({ by: table.user.name, reason: table.auditLog.reason, at: table.auditLog.at, action: table.auditLog.action })
		.from(table.auditLog)
		.leftJoin(table.user, eq(table.user.id, table.auditLog.actorId))
		.where(
			and(
				eq(table.auditLog.entityType, 'feedback_report'),
				eq(table.auditLog.entityId, String(report.id)),
				inArray(table.auditLog.action, ['feedback.sendBack', 'feedback.approve'])
			)
		)
		.orderBy(desc(table.auditLog.id))
		.get();
	return row && row.action === 'feedback.sendBack' ? { by: row.by ?? '', reason: row.reason ?? '', at: row.at } : null;
}
