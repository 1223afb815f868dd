import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { AFTER_CEREMONY, BEFORE_CEREMONY, ORIGIN, feedbackYear } from '../test-support/feedback';
import { approveReport, createMissingReports, currentContent, openReport, saveReport, sendBackNote, sendBackReport } from './reports';
import { releaseAllApproved, releaseReport } from './release';
import { editOf, type ReportContent } from '../../domain/feedback';

let year: ReturnType<typeof feedbackYear>;
let lead: number;
let admin: number;
let ekorren: { id: number; unitId: number };

beforeEach(() => {
	year = feedbackYear();
	lead = year.user('examinator1@demo.test').id;
	admin = year.user('admin@demo.test').id;
	ekorren = year.entryOf('Förskolan Ekorren');
});

/** The reports of the demo's year; last year's released reports of the returning units stay out. */
const reportsThisYear = (status?: 'draft' | 'approved' | 'released') =>
	year.db
		.select({ report: table.feedbackReport })
		.from(table.feedbackReport)
		.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
		.where(and(eq(table.entry.cycleId, year.cycle.id), status ? eq(table.feedbackReport.status, status) : undefined))
		.all()
		.map((r) => r.report);
const audit = (action: string) => year.db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();

describe('the demo in the feedback phase', () => {
	it('has a report for every entry with consensus, some drafts and some approved', () => {
		const reports = reportsThisYear();
		const withConsensus = year.db.select().from(table.consensus).where(eq(table.consensus.status, 'done')).all();
		expect(reports).toHaveLength(withConsensus.length);
		expect(reports.some((r) => r.status === 'draft')).toBe(true);
		expect(reports.some((r) => r.status === 'approved')).toBe(true);
		expect(year.reportOf(ekorren.id).status).toBe('draft');
	});

	it('builds the report from the consensus and the closed decisions', () => {
		const content = year.reportOf(ekorren.id).content as ReportContent;
		const consensus = year.db.select().from(table.consensus).where(eq(table.consensus.entryId, ekorren.id)).get()!;
		expect(content.summary).toBe(consensus.summary);
		expect(content.criteria).toHaveLength(7);
		expect(content.criteria.every((c) => c.band !== null && c.bandText.length > 0 && c.score === null)).toBe(true);
		expect(content.team.filter((t) => t.lead)).toHaveLength(1);
		expect(['award', 'mention', 'none']).toContain(content.jury.outcome);
	});
});

describe('drafting', () => {
	it('creates the report from the consensus when first opened, once', () => {
		year.db.delete(table.feedbackReport).where(eq(table.feedbackReport.entryId, ekorren.id)).run();
		const first = openReport(ekorren.id, lead)!;
		const again = openReport(ekorren.id, lead)!;
		expect(again.id).toBe(first.id);
		expect(audit('feedback.create').filter((a) => a.entityId === String(first.id))).toHaveLength(1);
	});

	it('saves on top of the version it was based on and keeps every version', () => {
		const report = year.reportOf(ekorren.id);
		const edit = editOf(report.content as ReportContent);
		edit.summary = 'Förskolan arbetar målmedvetet med barnens inflytande – även på små och stora möten.';
		edit.criteria[0].strengths = ['Barnråd varje vecka', 'Föräldraenkät som följs upp'];
		const saved = saveReport(ekorren.id, report.version, edit, lead);
		expect(saved).toMatchObject({ ok: true, version: report.version + 1 });
		const after = year.reportOf(ekorren.id);
		expect((after.content as ReportContent).criteria[0].strengths).toEqual(['Barnråd varje vecka', 'Föräldraenkät som följs upp']);
		const revisions = year.db.select().from(table.feedbackReportRevision).where(eq(table.feedbackReportRevision.reportId, report.id)).all();
		expect(revisions.map((r) => r.version)).toEqual([report.version + 1]);
	});

	it('refuses a save based on an old version and returns the saved text, writing nothing', () => {
		const report = year.reportOf(ekorren.id);
		const mine = editOf(report.content as ReportContent);
		const theirs = { ...mine, summary: 'Den andra fliken skrev först.' };
		expect(saveReport(ekorren.id, report.version, theirs, lead).ok).toBe(true);
		const stale = saveReport(ekorren.id, report.version, { ...mine, summary: 'Min text' }, lead);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: report.version + 1, savedBy: 'Anna Lindqvist' } });
		if (stale.ok || stale.reason !== 'conflict') return;
		expect(stale.current.edit.summary).toBe('Den andra fliken skrev först.');
		expect((year.reportOf(ekorren.id).content as ReportContent).summary).toBe('Den andra fliken skrev först.');
	});

	it('refuses texts for other criteria than the report’s', () => {
		const report = year.reportOf(ekorren.id);
		const edit = editOf(report.content as ReportContent);
		expect(saveReport(ekorren.id, report.version, { ...edit, criteria: edit.criteria.slice(1) }, lead)).toEqual({ ok: false, reason: 'criteriaMismatch' });
		expect(year.reportOf(ekorren.id).version).toBe(report.version);
	});

	it('lets the admin create the missing reports in bulk', () => {
		year.db.delete(table.feedbackReport).run();
		const n = createMissingReports(year.cycle.id, admin);
		expect(n).toBe(year.db.select().from(table.consensus).where(eq(table.consensus.status, 'done')).all().length);
		expect(createMissingReports(year.cycle.id, admin)).toBe(0);
	});
});

describe('approval', () => {
	it('approves the version the admin read, locks it, and can send it back with a note', () => {
		const report = year.reportOf(ekorren.id);
		expect(approveReport(report.id, report.version - 1, admin)).toEqual({ ok: false, reason: 'changed' });
		expect(approveReport(report.id, report.version, admin)).toEqual({ ok: true });
		const approved = year.reportOf(ekorren.id);
		expect(approved).toMatchObject({ status: 'approved', approvedBy: admin });
		expect(saveReport(ekorren.id, approved.version, editOf(approved.content as ReportContent), lead)).toEqual({ ok: false, reason: 'notEditable' });
		expect(sendBackReport(report.id, 'Skriv utvecklingsområdena mer konkret.', admin)).toEqual({ ok: true });
		const back = year.reportOf(ekorren.id);
		expect(back.status).toBe('draft');
		expect(sendBackNote(back)).toMatchObject({ by: 'Lena Kvist', reason: 'Skriv utvecklingsområdena mer konkret.' });
		expect(audit('feedback.approve')).toHaveLength(1);
		expect(audit('feedback.sendBack')[0].reason).toBe('Skriv utvecklingsområdena mer konkret.');
	});
});

describe('release', () => {
	const approvedEkorren = () => {
		const r = year.reportOf(ekorren.id);
		approveReport(r.id, r.version, admin);
		return year.reportOf(ekorren.id);
	};

	it('is refused for a draft, and before the ceremony without a reason', () => {
		const draft = year.reportOf(ekorren.id);
		expect(releaseReport(draft.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY })).toEqual({ ok: false, reason: 'notApproved' });
		const report = approvedEkorren();
		expect(releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: BEFORE_CEREMONY })).toEqual({ ok: false, reason: 'blocked' });
		expect(releaseReport(report.id, { actorId: admin, overrideReason: 'kort', origin: ORIGIN, now: BEFORE_CEREMONY })).toEqual({ ok: false, reason: 'reasonTooShort' });
		expect(year.reportOf(ekorren.id).status).toBe('approved');
		expect(year.db.select().from(table.outbox).all()).toHaveLength(0);
	});

	it('releases with an override reason before the ceremony, logged', () => {
		const report = approvedEkorren();
		const reason = 'Enheten ska presentera rapporten på sin planeringsdag.';
		expect(releaseReport(report.id, { actorId: admin, overrideReason: reason, origin: ORIGIN, now: BEFORE_CEREMONY })).toMatchObject({ ok: true, released: 1 });
		const [entry] = audit('feedback.release');
		expect(entry.reason).toBe(reason);
		expect(entry.after).toMatchObject({ status: 'released', overridden: true });
	});

	it('freezes the report, gives every contact a user and queues an e-mail with the link', () => {
		const report = approvedEkorren();
		const contacts = year.db.select().from(table.unitContact).where(eq(table.unitContact.unitId, ekorren.unitId)).all();
		expect(contacts.every((c) => c.userId === null)).toBe(true);
		const result = releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY });
		expect(result).toEqual({ ok: true, released: 1, mails: contacts.length });
		const released = year.reportOf(ekorren.id);
		expect(released).toMatchObject({ status: 'released', releasedBy: admin, releasedAt: AFTER_CEREMONY });
		const linked = year.db.select().from(table.unitContact).where(eq(table.unitContact.unitId, ekorren.unitId)).all();
		for (const c of linked) {
			const u = year.db.select().from(table.user).where(eq(table.user.id, c.userId!)).get()!;
			expect(u).toMatchObject({ email: c.email, passwordHash: null, isAdmin: false });
		}
		const mail = year.db.select().from(table.outbox).all();
		expect(mail.map((m) => m.toAddress)).toEqual(contacts.map((c) => c.email));
		expect(mail[0].subject).toBe('Återkopplingsrapport för Förskolan Ekorren – Kvalitetsutmärkelsen 2026');
		expect(mail[0].bodyText).toContain(`${ORIGIN}/reports/${report.id}`);
		expect(mail[0].status).toBe('queued');
		expect(releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY })).toEqual({ ok: false, reason: 'alreadyReleased' });
	});

	it('keeps the released text even when the sources change afterwards', () => {
		const report = approvedEkorren();
		releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY });
		year.db.update(table.unit).set({ name: 'Förskolan Ekorren (nytt namn)' }).where(eq(table.unit.id, ekorren.unitId)).run();
		expect(currentContent(year.reportOf(ekorren.id)).unit.name).toBe('Förskolan Ekorren');
	});

	it('shows a draft with the facts as they are now', () => {
		year.db.update(table.unit).set({ name: 'Förskolan Ekorren i Farsta' }).where(eq(table.unit.id, ekorren.unitId)).run();
		expect(currentContent(year.reportOf(ekorren.id)).unit.name).toBe('Förskolan Ekorren i Farsta');
	});

	it('releases all approved reports of the cycle at once, and only those', () => {
		const approved = reportsThisYear('approved');
		const drafts = reportsThisYear('draft');
		const result = releaseAllApproved(year.cycle.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY });
		expect(result).toMatchObject({ ok: true, released: approved.length });
		const released = reportsThisYear('released');
		expect(released.map((r) => r.id).sort()).toEqual(approved.map((r) => r.id).sort());
		expect(year.db.select().from(table.feedbackReport).where(eq(table.feedbackReport.status, 'draft')).all()).toHaveLength(drafts.length);
		expect(audit('feedback.release')).toHaveLength(approved.length);
		expect(releaseAllApproved(year.cycle.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY })).toEqual({ ok: false, reason: 'noneApproved' });
	});

	it('links a contact whose address already has a user instead of creating another', () => {
		const report = approvedEkorren();
		const contact = year.db.select().from(table.unitContact).where(eq(table.unitContact.unitId, ekorren.unitId)).get()!;
		const existing = year.db.insert(table.user).values({ email: contact.email, name: 'Redan här' }).returning().get();
		releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY });
		expect(year.db.select().from(table.unitContact).where(and(eq(table.unitContact.id, contact.id))).get()!.userId).toBe(existing.id);
		expect(audit('unitContact.linkUser')).toHaveLength(1);
	});
});

describe('the demo’s contact account', () => {
	it('is the contact the released report of its unit is mailed to, greeted by name', () => {
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const report = year.reportOf(hemlosa.id);
		expect(report.status).toBe('approved');
		expect(releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY })).toMatchObject({ ok: true });
		const contact = year.user('enhet1@demo.test');
		const [mail] = year.db.select().from(table.outbox).all();
		expect(mail.toAddress).toBe('enhet1@demo.test');
		expect(mail.bodyText.startsWith(`Hej ${contact.name}!`)).toBe(true);
		expect(contact.name).not.toMatch(/Kontaktperson/);
	});
});
