/**
 * Releasing reports: only approved ones, by default only once the decisions are closed and the
 * ceremony is over (an override needs a reason). The report is frozen as released, every contact of
 * the unit gets a user (so a sign-in link works) and an e-mail through the outbox — all in one
 * transaction, so a release never happens without its e-mails or the other way round.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { enqueueMail } from '../mail/outbox';
import { normaliseEmail } from '../auth/login';
import { currentContent, getReport, type Report } from './reports';
import { checkRelease, releaseBlockers, type ReleaseBlocker, type ReleaseCheck } from '../../domain/feedback';
import { stockholmDay } from '../../domain/dates';
import { messages } from '../../i18n';

export interface ReleaseOptions {
	actorId: number;
	overrideReason: string;
	/** The public address links in e-mail point to. */
	origin: string;
	now?: Date;
}

export type ReleaseFailure = Exclude<ReleaseCheck, { ok: true }>['reason'] | 'notFound' | 'noneApproved';
export type ReleaseResult = { ok: true; released: number; mails: number } | { ok: false; reason: ReleaseFailure };

type Cycle = typeof table.cycle.$inferSelect;

export function blockersFor(cycle: Pick<Cycle, 'decisionsClosedAt' | 'ceremonyDate'>, now = new Date()): ReleaseBlocker[] {
	return releaseBlockers({ decisionsClosed: cycle.decisionsClosedAt !== null, ceremonyDate: cycle.ceremonyDate }, stockholmDay(now));
}

function cycleOfEntry(tx: Tx, entryId: number): Cycle {
	return tx
		.select({ cycle: table.cycle })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.where(eq(table.entry.id, entryId))
		.get()!.cycle;
}

export function releaseReport(reportId: number, options: ReleaseOptions): ReleaseResult {
	const now = options.now ?? new Date();
	return db().transaction((tx) => {
		const report = getReport(reportId, tx);
		if (!report) return { ok: false, reason: 'notFound' };
		const cycle = cycleOfEntry(tx, report.entryId);
		const check = checkRelease(report.status, blockersFor(cycle, now), options.overrideReason);
		if (!check.ok) return check;
		const mails = releaseOne(tx, report, cycle, check.overridden, options, now);
		return { ok: true, released: 1, mails };
	});
}

/** Releases every approved report of the cycle at once, or none of them. */
export function releaseAllApproved(cycleId: number, options: ReleaseOptions): ReleaseResult {
	const now = options.now ?? new Date();
	return db().transaction((tx) => {
		const cycle = tx.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
		if (!cycle) return { ok: false, reason: 'notFound' };
		const reports = tx
			.select({ report: table.feedbackReport })
			.from(table.feedbackReport)
			.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
			.where(and(eq(table.entry.cycleId, cycleId), eq(table.feedbackReport.status, 'approved')))
			.all()
			.map((r) => r.report);
		if (reports.length === 0) return { ok: false, reason: 'noneApproved' };
		const check = checkRelease('approved', blockersFor(cycle, now), options.overrideReason);
		if (!check.ok) return check;
		let mails = 0;
		for (const report of reports) mails += releaseOne(tx, report, cycle, check.overridden, options, now);
		return { ok: true, released: reports.length, mails };
	});
}

function releaseOne(tx: Tx, report: Report, cycle: Cycle, overridden: boolean, options: ReleaseOptions, now: Date): number {
	const content = currentContent(report, tx);
	tx.update(table.feedbackReport)
		.set({ status: 'released', content, releasedBy: options.actorId, releasedAt: now, version: report.version + 1, updatedAt: now })
		.where(eq(table.feedbackReport.id, report.id))
		.run();
	const entry = tx.select({ unitId: table.entry.unitId }).from(table.entry).where(eq(table.entry.id, report.entryId)).get()!;
	const contacts = tx.select().from(table.unitContact).where(eq(table.unitContact.unitId, entry.unitId)).all();
	const m = messages('sv').feedback.mail;
	const origin = options.origin.replace(/\/+$/, '');
	const link = `${origin}/reports/${report.id}`;
	const loginLink = `${origin}/login/link?redirectTo=${encodeURIComponent(`/reports/${report.id}`)}`;
	for (const contact of contacts) {
		ensureContactUser(tx, contact, options.actorId, cycle.id);
		enqueueMail(
			tx,
			{
				to: contact.email,
				subject: m.releasedSubject(content.unit.name, content.cycle.name),
				text: m.releasedBody(contact.name, content.unit.name, content.cycle.name, link, loginLink)
			},
			now
		);
	}
	appendAudit(tx, {
		actorId: options.actorId,
		cycleId: cycle.id,
		action: 'feedback.release',
		entityType: 'feedback_report',
		entityId: report.id,
		before: { status: report.status, version: report.version },
		after: { status: 'released', version: report.version + 1, overridden, mailedTo: contacts.map((c) => c.email) },
		reason: overridden ? options.overrideReason.trim() : null
	});
	return contacts.length;
}

/**
 * A contact without a user gets one, with no password, so that a one-time sign-in link can
 * find them; an existing user with the same address is linked instead. A link to a user whose
 * address is not the contact's is not kept: the address decides who the contact is.
 */
function ensureContactUser(tx: Tx, contact: typeof table.unitContact.$inferSelect, actorId: number, cycleId: number): number {
	const email = normaliseEmail(contact.email);
	const existing = tx.select({ id: table.user.id }).from(table.user).where(eq(table.user.email, email)).get();
	if (contact.userId !== null && contact.userId === existing?.id) return contact.userId;
	const userId =
		existing?.id ??
		tx.insert(table.user).values({ email, name: contact.name, passwordHash: null }).returning({ id: table.user.id }).get().id;
	tx.update(table.unitContact).set({ userId }).where(eq(table.unitContact.id, contact.id)).run();
	appendAudit(tx, {
		actorId,
		cycleId,
		action: existing ? 'unitContact.linkUser' : 'unitContact.createUser',
		entityType: 'unit_contact',
		entityId: contact.id,
		after: { userId, email }
	});
	return userId;
}
