import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { closeDecisions, closingGaps, decisionsVersion, classDecisions, meetingOf, meetingVersion, recordClassDecision, recordMeeting } from './decisions';
import { castBallot, withdrawBallot } from './ballots';
import { decisionIssueErrors, parseDecisionForm } from './form';
import { juryYear } from '../test-support/jury';
import { messages } from '$lib/i18n';
import { NONE_BARRED } from '$lib/domain/entry-state';

const m = messages('sv').juryWork.errors;
let y: ReturnType<typeof juryYear>;
let chair: { userId: number; cycleId: number };
beforeEach(() => {
	y = juryYear('jury');
	chair = { userId: y.userId('ordforande@demo.test'), cycleId: y.cycle.id };
});

const version = (classId: number) => decisionsVersion(classDecisions(y.db, classId, NONE_BARRED));
const entryOf = (unitName: string) =>
	y.db
		.select({ id: table.entry.id })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(eq(table.unit.name, unitName))
		.get()!.id;
const award = (entryId: number, citation = 'För ett föredömligt kvalitetsarbete.') => ({ entryId: String(entryId), outcome: 'award' as const, citation });
const mention = (entryId: number, citation = 'För ett engagerat förbättringsarbete.') => ({ entryId: String(entryId), outcome: 'mention' as const, citation });
const decideAll = () => {
	for (const c of y.classes) {
		const result = recordClassDecision(chair, c.id, version(c.id), { items: [], noAward: true, reason: 'Ingen kandidat når nivån.' });
		expect(result).toEqual({ ok: true });
	}
};

describe('recordClassDecision', () => {
	it('records the award and a mention with their citations, in the audit log', () => {
		const classId = y.classes[0].id;
		const [a, b] = y.finalists(classId);
		expect(recordClassDecision(chair, classId, version(classId), { items: [award(a), mention(b)], noAward: false, reason: '' })).toEqual({ ok: true });
		const rows = classDecisions(y.db, classId, NONE_BARRED);
		expect(rows.map((r) => [r.entryId, r.outcome, r.citation, r.decidedBy])).toEqual([
			[a, 'award', 'För ett föredömligt kvalitetsarbete.', chair.userId],
			[b, 'mention', 'För ett engagerat förbättringsarbete.', chair.userId]
		]);
		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'decision.record')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: chair.userId, entityType: 'award_class', entityId: String(classId), before: [] });
		expect(audit[0].after).toHaveLength(2);
	});

	it('replaces the class’s decisions on a later save, and refuses a save based on what has since changed', () => {
		const classId = y.classes[0].id;
		const [a, b] = y.finalists(classId);
		const first = version(classId);
		expect(recordClassDecision(chair, classId, first, { items: [award(a)], noAward: false, reason: '' })).toEqual({ ok: true });
		const before = y.snapshot();
		expect(recordClassDecision(chair, classId, first, { items: [award(b)], noAward: false, reason: '' })).toEqual({ ok: false, refusal: 'conflict' });
		expect(y.snapshot()).toEqual(before);
		expect(recordClassDecision(chair, classId, version(classId), { items: [mention(a)], noAward: true, reason: 'Skäl.' })).toEqual({ ok: true });
		expect(classDecisions(y.db, classId, NONE_BARRED).map((r) => r.outcome)).toEqual(['mention', 'none']);
	});

	it('lets E8 block the award with its reason, and writes nothing', () => {
		const classId = y.classes[1].id;
		const deficit = entryOf('Sjöstadsskolan');
		expect(y.finalists(classId)).toContain(deficit);
		const before = y.snapshot();
		const result = recordClassDecision(chair, classId, version(classId), { items: [award(deficit)], noAward: false, reason: '' });
		expect(result).toMatchObject({ ok: false, issues: [{ code: 'award-blocked', entryId: String(deficit) }] });
		if (result.ok || !('issues' in result)) throw new Error('expected issues');
		const message = decisionIssueErrors(result.issues, m)[`outcome-${deficit}`];
		expect(message).toContain('underskott');
		expect(y.snapshot()).toEqual(before);
		// A mention is not blocked by E8.
		expect(recordClassDecision(chair, classId, version(classId), { items: [mention(deficit)], noAward: false, reason: '' })).toEqual({ ok: true });
	});

	it('refuses a missing citation, an entry outside the finalists and one the chair is conflicted on', () => {
		const classId = y.classes[0].id;
		const [a] = y.finalists(classId);
		const before = y.snapshot();
		const v = version(classId);
		expect(recordClassDecision(chair, classId, v, { items: [award(a, '')], noAward: false, reason: '' })).toMatchObject({ ok: false, issues: [{ code: 'citation-required' }] });
		const otherClassFinalist = y.finalists(y.classes[1].id)[0];
		expect(recordClassDecision(chair, classId, v, { items: [mention(otherClassFinalist)], noAward: false, reason: '' })).toMatchObject({ ok: false, issues: [{ code: 'unknown-entry' }] });
		y.db.insert(table.conflict).values({ userId: chair.userId, entryId: a, reason: 'relative', declaredBy: chair.userId }).run();
		const withConflict = y.snapshot();
		// The same answer as for any entry that is no finalist of the class.
		expect(recordClassDecision(chair, classId, v, { items: [award(a)], noAward: false, reason: '' })).toMatchObject({ ok: false, issues: [{ code: 'unknown-entry' }] });
		expect(y.snapshot()).toEqual(withConflict);
		expect(before.decisions).toEqual(withConflict.decisions);
	});

	it('neither shows the chair nor replaces a decision on an entry they have since become barred from', () => {
		const classId = y.classes[0].id;
		const [a, b] = y.finalists(classId);
		expect(recordClassDecision(chair, classId, version(classId), { items: [award(a), mention(b)], noAward: false, reason: '' })).toEqual({ ok: true });
		y.db.insert(table.conflict).values({ userId: chair.userId, entryId: a, reason: 'relative', declaredBy: chair.userId }).run();
		const seen = classDecisions(y.db, classId, new Set([a]));
		expect(seen.map((r) => r.entryId)).toEqual([b]);
		const again = { items: [mention(b, 'En ny motivering.')], noAward: false, reason: '' };
		expect(recordClassDecision(chair, classId, decisionsVersion(seen), again)).toEqual({ ok: true });
		expect(classDecisions(y.db, classId, NONE_BARRED).map((r) => [r.entryId, r.outcome, r.citation])).toEqual([
			[a, 'award', 'För ett föredömligt kvalitetsarbete.'],
			[b, 'mention', 'En ny motivering.']
		]);
	});

	it('refuses jurors, examiners, unit contacts and the admin: only the chair decides', () => {
		const classId = y.classes[0].id;
		const [a] = y.finalists(classId);
		const before = y.snapshot();
		for (const email of ['jury1@demo.test', 'examinator1@demo.test', 'enhet1@demo.test', 'admin@demo.test']) {
			const actor = { userId: y.userId(email), cycleId: y.cycle.id };
			expect(recordClassDecision(actor, classId, version(classId), { items: [award(a)], noAward: false, reason: '' })).toEqual({ ok: false, refusal: 'forbidden' });
			expect(recordMeeting(actor, meetingVersion(meetingOf(y.db, y.cycle.id)), { meetingDate: '2026-10-29', place: 'X', presentUserIds: [actor.userId] })).toEqual({ ok: false, refusal: 'forbidden' });
			expect(closeDecisions(actor, true)).toEqual({ ok: false, refusal: 'forbidden' });
		}
		expect(y.snapshot()).toEqual(before);
	});

	it('is closed outside the jury phase', () => {
		y.db.update(table.cycle).set({ phase: 'consensus' }).where(eq(table.cycle.id, y.cycle.id)).run();
		const classId = y.classes[0].id;
		expect(recordClassDecision(chair, classId, version(classId), { items: [], noAward: true, reason: 'Skäl' })).toEqual({ ok: false, refusal: 'not-open' });
	});
});

describe('recordMeeting', () => {
	it('records date, place and who was present, logged; only jury members can be present', () => {
		const jury1 = y.userId('jury1@demo.test');
		const v = meetingVersion(meetingOf(y.db, y.cycle.id));
		const examiner = y.userId('examinator1@demo.test');
		expect(recordMeeting(chair, v, { meetingDate: '2026-10-29', place: 'Rådssalen', presentUserIds: [chair.userId, examiner] })).toEqual({ ok: false, notMember: [examiner] });
		expect(recordMeeting(chair, v, { meetingDate: '2026-10-29', place: 'Rådssalen', presentUserIds: [chair.userId, jury1] })).toEqual({ ok: true });
		expect(meetingOf(y.db, y.cycle.id)).toMatchObject({ meetingDate: '2026-10-29', place: 'Rådssalen', presentUserIds: [chair.userId, jury1] });
		expect(y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'jury.meeting')).all()).toHaveLength(1);
		expect(recordMeeting(chair, v, { meetingDate: '2026-10-30', place: '', presentUserIds: [chair.userId] })).toEqual({ ok: false, refusal: 'conflict' });
	});
});

describe('closeDecisions', () => {
	it('needs the confirmation, a decision in every class and the meeting recorded', () => {
		const before = y.snapshot();
		expect(closeDecisions(chair, false)).toEqual({ ok: false, unconfirmed: true });
		const gaps = closeDecisions(chair, true);
		expect(gaps).toEqual({ ok: false, gaps: { undecidedClassIds: y.classes.map((c) => c.id), meetingMissing: false } });
		expect(y.snapshot()).toEqual(before);
		y.db.update(table.juryMeeting).set({ presentUserIds: [] }).run();
		expect(closingGaps(y.db, y.cycle.id).meetingMissing).toBe(true);
	});

	it('closes for good: stamps the cycle, logs it, and after that nothing changes by any write', () => {
		decideAll();
		expect(closeDecisions(chair, true)).toEqual({ ok: true });
		const cycle = y.reloadCycle();
		expect(cycle.decisionsClosedAt).toBeInstanceOf(Date);
		expect(cycle.decisionsClosedBy).toBe(chair.userId);
		expect(cycle.version).toBe(y.cycle.version + 1);
		const closing = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'decisions.close')).all();
		expect(closing).toHaveLength(1);

		const before = y.snapshot();
		const classId = y.classes[0].id;
		const [a] = y.finalists(classId);
		const jury1 = { userId: y.userId('jury1@demo.test'), cycleId: y.cycle.id, classId };
		expect(recordClassDecision(chair, classId, version(classId), { items: [award(a)], noAward: false, reason: '' })).toEqual({ ok: false, refusal: 'closed' });
		expect(recordMeeting(chair, meetingVersion(meetingOf(y.db, y.cycle.id)), { meetingDate: '2026-11-01', place: 'X', presentUserIds: [chair.userId] })).toEqual({ ok: false, refusal: 'closed' });
		expect(closeDecisions(chair, true)).toEqual({ ok: false, refusal: 'closed' });
		expect(castBallot(jury1, [[String(a)]])).toEqual({ ok: false, refusal: 'closed' });
		expect(withdrawBallot(jury1)).toEqual({ ok: false, refusal: 'closed' });
		expect(castBallot({ ...jury1, userId: chair.userId }, [[String(a)]])).toEqual({ ok: false, refusal: 'closed' });
		expect(y.snapshot()).toEqual(before);
	});
});

describe('parseDecisionForm', () => {
	const form = (fields: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of fields) f.append(k, v);
		return f;
	};

	it('reads outcomes and citations per entry, skipping entries without an outcome', () => {
		const parsed = parseDecisionForm(
			form([['version', 'v1'], ['outcome-5', 'award'], ['citation-5', ' Motivering '], ['outcome-6', ''], ['citation-6', 'utkast'], ['noAwardReason', '']]),
			m
		);
		expect(parsed).toMatchObject({ ok: true, version: 'v1', input: { items: [{ entryId: '5', outcome: 'award', citation: 'Motivering' }], noAward: false, reason: '' } });
	});

	it('puts a too long citation, an unknown outcome and a too long reason at their fields', () => {
		const parsed = parseDecisionForm(
			form([['outcome-5', 'award'], ['citation-5', 'x'.repeat(1001)], ['outcome-6', 'gold'], ['noAward', 'on'], ['noAwardReason', 'y'.repeat(1001)]]),
			m
		);
		expect(parsed).toMatchObject({
			ok: false,
			errors: { 'citation-5': m.citationTooLong, 'outcome-6': m.badOutcome, noAwardReason: m.reasonTooLong }
		});
		expect(parseDecisionForm(form([['outcome-5', 'award'], ['citation-5', 'x'.repeat(1000)]]), m).ok).toBe(true);
	});
});
