import { describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import * as table from '../db/schema';
import { feedbackYear } from '../test-support/feedback';
import { changePhase } from '../cycles/phase';
import { isPseudonymAddress } from '$lib/domain/retention';
import { runRetention } from './run';
import { retentionOverview } from './plan';

const DAY = 86_400_000;
const NOTE = 'PRIVAT-ANTECKNING';

/**
 * The demo year archived today, with draft revisions and private notes on every assessment, three
 * saved versions of every written account and feedback report, and with one examiner who also
 * serves in next year's cycle.
 */
function archivedYear() {
	const year = feedbackYear();
	const { db, cycle, user } = year;
	const admin = user('admin@demo.test');
	const assessments = db.select().from(table.assessment).innerJoin(table.entry, eq(table.entry.id, table.assessment.entryId)).where(eq(table.entry.cycleId, cycle.id)).all().map((r) => r.assessment);
	for (const a of assessments) {
		db.update(table.assessment).set({ notes: NOTE }).where(eq(table.assessment.id, a.id)).run();
		db.update(table.assessmentScore).set({ notes: NOTE }).where(eq(table.assessmentScore.assessmentId, a.id)).run();
		for (const version of [1, 2, 3]) {
			const doc = { notes: `${NOTE} ${version}`, criteria: [{ criterionId: 1, score: 50, strengths: [`Styrka ${version}`], improvements: [], notes: NOTE }] };
			db.insert(table.assessmentRevision).values({ assessmentId: a.id, version, snapshot: doc, savedBy: a.examinerId }).run();
		}
	}
	const accounts = db.select().from(table.account).all();
	// This year's reports; the demo also has last year's for its returning units.
	const reports = db.select().from(table.feedbackReport).innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId)).where(eq(table.entry.cycleId, cycle.id)).all().map((r) => r.feedback_report);
	const contact = user('enhet1@demo.test');
	// Three saved versions of every account and report, in place of the one the demo keeps of an account handed in with a self-assessment.
	db.delete(table.accountRevision).run();
	for (const version of [1, 2, 3]) {
		for (const a of accounts) db.insert(table.accountRevision).values({ accountId: a.id, version, snapshot: { introduction: `Utkast ${version}`, criteria: [] }, savedBy: contact.id }).run();
		for (const r of reports) db.insert(table.feedbackReportRevision).values({ reportId: r.id, version, content: { summary: `Utkast ${version}` }, savedBy: admin.id }).run();
	}
	// A coordinator's proposal of a unit, naming a contact who never signed in.
	const coordinator = db.select().from(table.coordinator).get()!;
	const classId = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).get()!.id;
	const proposal = db
		.insert(table.unitProposal)
		.values({ cycleId: cycle.id, organisationId: coordinator.organisationId, name: 'Nya enheten', classId, contactName: 'Nora Ny', contactEmail: 'nora.ny@demo.test', proposedBy: coordinator.userId })
		.returning()
		.get();
	const next = db.insert(table.cycle).values({ year: 2027, name: 'Kvalitetsutmärkelsen 2027' }).returning().get();
	const stays = user('examinator2@demo.test');
	const examinerOne = user('examinator1@demo.test');
	db.insert(table.session).values({ id: 'x'.repeat(64), userId: examinerOne.id, expiresAt: new Date(Date.now() + DAY) }).run();
	db.insert(table.cycleRole).values({ cycleId: next.id, userId: stays.id, role: 'examiner' }).run();
	// Another proposed contact is proposed again next year: they still take part.
	const again = { organisationId: coordinator.organisationId, name: 'Andra enheten', classId, contactName: 'Sam Sen', contactEmail: 'sam.sen@demo.test', proposedBy: coordinator.userId };
	const proposedAgain = db.insert(table.unitProposal).values({ cycleId: cycle.id, ...again }).returning().get();
	db.insert(table.unitProposal).values({ cycleId: next.id, ...again }).run();
	const archived = changePhase({ cycleId: cycle.id, to: 'archived', reason: 'Året är slut', actorId: admin.id });
	expect(archived).toMatchObject({ ok: true });
	const now = Date.now();
	const after = (days: number) => new Date(now + days * DAY);
	const count = (t: string) => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t}`))!.n;
	const notesLeft = () =>
		db.get<{ n: number }>(sql`
			SELECT (SELECT count(*) FROM assessment WHERE notes <> '') + (SELECT count(*) FROM assessment_score WHERE notes <> '')
			+ (SELECT count(*) FROM assessment_revision WHERE snapshot LIKE ${'%' + NOTE + '%'}) AS n`)!.n;
	const kept = () => ({
		assessments: db.select({ id: table.assessment.id, status: table.assessment.status }).from(table.assessment).all(),
		scores: db.select({ a: table.assessmentScore.assessmentId, c: table.assessmentScore.criterionId, s: table.assessmentScore.score }).from(table.assessmentScore).all(),
		decisions: db.select().from(table.decision).all(),
		reports: db.select().from(table.feedbackReport).all(),
		consensus: db.select().from(table.consensus).all(),
		accounts: db.select().from(table.account).all(),
		accountAnswers: db.select().from(table.accountAnswer).all(),
		audit: db.select().from(table.auditLog).all()
	});
	const retentionAudits = () => db.select().from(table.auditLog).where(like(table.auditLog.action, 'retention.%')).all();
	return { ...year, admin, stays, examinerOne, assessments, accounts, reports, proposal, proposedAgain, after, count, notesLeft, kept, retentionAudits };
}

describe('the retention run on the archived demo year', { timeout: 30_000 }, () => {
	it('removes nothing before the set time', () => {
		const y = archivedYear();
		const before = y.kept();
		const run = runRetention({ actorId: y.admin.id, now: y.after(80) });
		expect(run.done.filter((s) => s.year === 2026)).toEqual([]);
		expect(y.notesLeft()).toBeGreaterThan(0);
		expect(y.count('assessment_revision')).toBe(3 * y.assessments.length);
		expect(y.count('account_revision')).toBe(3 * y.accounts.length);
		expect(y.count('feedback_report_revision')).toBe(3 * y.reports.length);
		expect(y.kept().decisions).toEqual(before.decisions);
	});

	it('after three months deletes private notes and draft revisions, and keeps the records', () => {
		const y = archivedYear();
		const before = y.kept();
		const run = runRetention({ actorId: y.admin.id, now: y.after(95) });
		expect(run.failed).toBeNull();
		const n = y.assessments.length;
		const [accounts, reports] = [y.accounts.length, y.reports.length];
		expect(accounts).toBeGreaterThan(10);
		expect(reports).toBeGreaterThan(5);
		expect(run.done.filter((s) => s.year === 2026)).toEqual([
			{ cycleId: y.cycle.id, year: 2026, kind: 'privateNotes', count: n },
			{ cycleId: y.cycle.id, year: 2026, kind: 'assessmentDrafts', count: 2 * n },
			{ cycleId: y.cycle.id, year: 2026, kind: 'accountDrafts', count: 2 * accounts },
			{ cycleId: y.cycle.id, year: 2026, kind: 'reportDrafts', count: 2 * reports }
		]);
		// Of the accounts and reports, only the last saved version stays beside the record itself.
		expect(y.db.select().from(table.accountRevision).all().map((r) => [r.accountId, r.version])).toEqual(y.accounts.map((a) => [a.id, 3]));
		expect(y.db.select().from(table.feedbackReportRevision).all().map((r) => [r.reportId, r.version])).toEqual(y.reports.map((r) => [r.id, 3]));
		expect(y.notesLeft()).toBe(0);
		// The last revision of each assessment stays, its text but the notes intact.
		const revisions = y.db.select().from(table.assessmentRevision).all();
		expect(revisions.map((r) => r.version)).toEqual(Array(n).fill(3));
		expect((revisions[0].snapshot as { criteria: { strengths: string[] }[] }).criteria[0].strengths).toEqual(['Styrka 3']);
		const after = y.kept();
		expect(after.assessments).toEqual(before.assessments);
		expect(after.scores).toEqual(before.scores);
		expect(after.decisions).toEqual(before.decisions);
		expect(after.reports).toEqual(before.reports);
		expect(after.consensus).toEqual(before.consensus);
		// The submitted accounts with their receipts, and their answers, are the record.
		expect(after.accounts.filter((a) => a.status === 'submitted' && a.receiptSha256).length).toBeGreaterThan(10);
		expect(after.accounts).toEqual(before.accounts);
		expect(after.accountAnswers).toEqual(before.accountAnswers);
		// The log only grew: every earlier row is as it was.
		expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
		expect(y.retentionAudits().filter((a) => a.cycleId === y.cycle.id).map((a) => [a.action, a.actorId, a.after])).toEqual([
			['retention.privateNotes', y.admin.id, { kind: 'privateNotes', action: 'delete', count: n }],
			['retention.assessmentDrafts', y.admin.id, { kind: 'assessmentDrafts', action: 'delete', count: 2 * n }],
			['retention.accountDrafts', y.admin.id, { kind: 'accountDrafts', action: 'delete', count: 2 * accounts }],
			['retention.reportDrafts', y.admin.id, { kind: 'reportDrafts', action: 'delete', count: 2 * reports }]
		]);
		// Nobody is pseudonymised yet.
		expect(y.db.select().from(table.user).all().filter((u) => isPseudonymAddress(u.email))).toEqual([]);
	});

	it('after two years pseudonymises examiners and contacts with no later part, and keeps the rest', () => {
		const y = archivedYear();
		const names = new Map(y.db.select().from(table.user).all().map((u) => [u.email, u.name]));
		const run = runRetention({ actorId: null, now: y.after(740) });
		expect(run.failed).toBeNull();
		const step = run.done.find((s) => s.year === 2026 && s.kind === 'personalData')!;
		expect(step.count).toBeGreaterThan(10);
		const byId = new Map(y.db.select().from(table.user).all().map((u) => [u.id, u]));
		expect(byId.get(y.admin.id)!.name).toBe(names.get('admin@demo.test'));
		expect(byId.get(y.stays.id)!.email).toBe('examinator2@demo.test');
		expect(y.db.select().from(table.user).where(eq(table.user.email, 'jury1@demo.test')).get()!.name).toBe(names.get('jury1@demo.test'));
		expect(y.db.select().from(table.user).where(eq(table.user.email, 'ordforande@demo.test')).get()).toBeDefined();
		// examinator1 served in 2026 only: a pseudonym, no way to sign in, the assessments still theirs.
		const gone = byId.get(y.examinerOne.id)!;
		expect(gone).toMatchObject({ name: `Pseudonym P${gone.id}`, email: `p${gone.id}@pseudonymiserad.invalid`, passwordHash: null });
		expect(y.db.select().from(table.assessment).where(eq(table.assessment.examinerId, gone.id)).all().length).toBeGreaterThan(0);
		expect(y.db.select().from(table.session).where(eq(table.session.userId, gone.id)).all()).toEqual([]);
		// Unit contacts of the year's entries, with or without an account.
		const contacts = y.db.select().from(table.unitContact).innerJoin(table.entry, eq(table.entry.unitId, table.unitContact.unitId)).where(eq(table.entry.cycleId, y.cycle.id)).all();
		expect(contacts.length).toBeGreaterThan(0);
		for (const c of contacts) {
			expect(isPseudonymAddress(c.unit_contact.email)).toBe(true);
			expect(c.unit_contact.phone).toBeNull();
		}
		// The contact named in a proposal of the year, with no other part, too.
		expect(y.db.select().from(table.unitProposal).where(eq(table.unitProposal.id, y.proposal.id)).get()).toMatchObject({ contactName: `Pseudonym F${y.proposal.id}`, contactEmail: `f${y.proposal.id}@pseudonymiserad.invalid` });
		const audit = y.retentionAudits().find((a) => a.action === 'retention.personalData' && a.cycleId === y.cycle.id)!;
		expect((audit.after as { proposalIds: number[] }).proposalIds).toEqual([y.proposal.id]);
		expect(y.db.select().from(table.unitProposal).where(eq(table.unitProposal.id, y.proposedAgain.id)).get()!.contactEmail).toBe('sam.sen@demo.test');
		expect(audit.actorId).toBeNull();
		expect(JSON.stringify(audit.after)).not.toMatch(/@demo\.test/);
		expect((audit.after as { count: number }).count).toBe(step.count);
	});

	it('is resumable: a second run finds nothing more to do', () => {
		const y = archivedYear();
		runRetention({ actorId: y.admin.id, now: y.after(740) });
		const audits = y.retentionAudits().length;
		const again = runRetention({ actorId: y.admin.id, now: y.after(800) });
		expect(again).toEqual({ done: [], failed: null });
		expect(y.retentionAudits()).toHaveLength(audits);
	});

	it('a failure mid-step leaves that kind untouched, keeps the steps before it, and a rerun continues', () => {
		const y = archivedYear();
		const contactsBefore = y.db.select().from(table.unitContact).all();
		// Fails on the pseudonymising of one examiner, after others in the same step were changed.
		const victim = y.user('examinator18@demo.test');
		y.db.run(sql.raw(`CREATE TEMP TRIGGER fail_once BEFORE UPDATE OF name ON user WHEN OLD.id = ${victim.id} BEGIN SELECT RAISE(ABORT, 'disk full'); END`));
		const run = runRetention({ actorId: y.admin.id, now: y.after(740) });
		expect(run.failed).toMatchObject({ year: 2026, kind: 'personalData', message: expect.stringContaining('disk full') });
		expect(run.done.filter((s) => s.year === 2026).map((s) => s.kind)).toEqual(['privateNotes', 'assessmentDrafts', 'accountDrafts', 'reportDrafts']);
		expect(y.notesLeft()).toBe(0);
		expect(y.db.select().from(table.user).all().filter((u) => isPseudonymAddress(u.email))).toEqual([]);
		expect(y.db.select().from(table.unitContact).all()).toEqual(contactsBefore);
		expect(y.db.select().from(table.retentionStep).where(and(eq(table.retentionStep.cycleId, y.cycle.id), eq(table.retentionStep.kind, 'personalData'))).all()).toEqual([]);
		expect(y.retentionAudits().some((a) => a.action === 'retention.personalData' && a.cycleId === y.cycle.id)).toBe(false);

		y.db.run(sql`DROP TRIGGER fail_once`);
		const rerun = runRetention({ actorId: y.admin.id, now: y.after(741) });
		expect(rerun.failed).toBeNull();
		expect(rerun.done.filter((s) => s.year === 2026).map((s) => s.kind)).toEqual(['personalData']);
		expect(y.db.select().from(table.user).where(eq(table.user.id, victim.id)).get()!.name).toBe(`Pseudonym P${victim.id}`);
	});

	it('a failure inside a deletion leaves every note in place', () => {
		const y = archivedYear();
		const last = y.assessments[y.assessments.length - 1];
		y.db.run(sql.raw(`CREATE TEMP TRIGGER fail_once BEFORE UPDATE OF notes ON assessment WHEN OLD.id = ${last.id} BEGIN SELECT RAISE(ABORT, 'disk full'); END`));
		const notes = y.notesLeft();
		const run = runRetention({ actorId: y.admin.id, now: y.after(95) });
		expect(run.failed).toMatchObject({ kind: 'privateNotes' });
		expect(run.done.filter((s) => s.year === 2026)).toEqual([]);
		expect(y.notesLeft()).toBe(notes);
		expect(y.count('assessment_revision')).toBe(3 * y.assessments.length);
	});

	it('shows per cycle when each kind falls due and how much it would touch', () => {
		const y = archivedYear();
		const overview = retentionOverview(y.after(10)).find((c) => c.year === 2026)!;
		expect(overview.archivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(overview.steps.map((s) => [s.kind, s.state, s.count])).toEqual([
			['privateNotes', 'waiting', y.assessments.length],
			['assessmentDrafts', 'waiting', 2 * y.assessments.length],
			['accountDrafts', 'waiting', 2 * y.accounts.length],
			['reportDrafts', 'waiting', 2 * y.reports.length],
			['personalData', 'waiting', expect.any(Number)]
		]);
		runRetention({ actorId: y.admin.id, now: y.after(95) });
		const later = retentionOverview(y.after(96)).find((c) => c.year === 2026)!;
		expect(later.steps.map((s) => [s.kind, s.state, s.count])).toEqual([
			['privateNotes', 'done', y.assessments.length],
			['assessmentDrafts', 'done', 2 * y.assessments.length],
			['accountDrafts', 'done', 2 * y.accounts.length],
			['reportDrafts', 'done', 2 * y.reports.length],
			['personalData', 'waiting', expect.any(Number)]
		]);
	});
});
