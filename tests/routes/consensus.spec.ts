import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { assessmentForm, outcome, scoringEvent, scoringYear, SECRET } from '../../src/lib/server/test-support/scoring';
import type { ConsensusDoc } from '$lib/domain/scoring';
import type { consensusPage } from '../../src/lib/server/consensus/consensus';
import type { scoringPage as ScoringPage } from '../../src/lib/server/scoring/assessments';
import * as page from '../../src/routes/(app)/examiner/entries/[entryId]/consensus/+page.server';
import * as saveEndpoint from '../../src/routes/(app)/examiner/entries/[entryId]/consensus/save/+server';
import * as scoringPage from '../../src/routes/(app)/examiner/entries/[entryId]/+page.server';
import * as adminEntry from '../../src/routes/(app)/admin/progress/[entryId]/+page.server';

let y: ReturnType<typeof scoringYear>;
beforeEach(() => {
	y = scoringYear();
});

const path = `/examiner/entries`;
const statusOf = (r: unknown) => (r as { status?: number }).status ?? (r as { thrown?: number }).thrown;

const consensusDoc = (score: number | null = 60, extra: Partial<ConsensusDoc> = {}): ConsensusDoc => ({
	summary: 'Ett växande systematiskt kvalitetsarbete.',
	recommendFinalist: true,
	criteria: y.criterionIds.map((criterionId) => ({ criterionId, score, strengths: ['Gemensam styrka'], improvements: ['Gemensamt område'] })),
	siteVisit: { date: '2026-10-02', participants: 'Laget och enhetschefen', findings: 'Bilden bekräftades.' },
	...extra
});

async function post(userId: number, json: unknown, entry = y.entryId) {
	const r = await outcome(() => saveEndpoint.POST(scoringEvent(userId, `${path}/${entry}/consensus/save`, { json, params: { entryId: String(entry) } })));
	if ('thrown' in r) return { status: r.thrown, body: null };
	return { status: r.status, body: await r.json() };
}

async function act(name: keyof typeof page.actions, userId: number, form: FormData, entry = y.entryId) {
	return outcome(() => page.actions[name](scoringEvent(userId, `${path}/${entry}/consensus?/${name}`, { form, params: { entryId: String(entry) } })));
}

function consensusForm(doc: ConsensusDoc, version: number, extra: Record<string, string> = {}) {
	const form = new FormData();
	form.set('version', String(version));
	form.set('summary', doc.summary);
	form.set('recommend', doc.recommendFinalist === null ? '' : doc.recommendFinalist ? 'yes' : 'no');
	form.set('siteVisit.date', doc.siteVisit.date ?? '');
	form.set('siteVisit.participants', doc.siteVisit.participants);
	form.set('siteVisit.findings', doc.siteVisit.findings);
	for (const c of doc.criteria) {
		form.set(`criteria.${c.criterionId}.score`, c.score === null ? '' : String(c.score));
		for (const p of c.strengths) form.append(`criteria.${c.criterionId}.strengths`, p);
		for (const p of c.improvements) form.append(`criteria.${c.criterionId}.improvements`, p);
	}
	for (const [k, v] of Object.entries(extra)) form.set(k, v);
	return form;
}

const load = (userId: number, entry = y.entryId) =>
	outcome(() => page.load(scoringEvent(userId, `${path}/${entry}/consensus`, { params: { entryId: String(entry) } }) as never));

describe('the consensus page', () => {
	it('is the lead’s only: 404 for the other team members, other teams and the admin', async () => {
		expect(statusOf(await load(y.drafter))).toBe(404);
		expect(statusOf(await load(y.fresh))).toBe(404);
		expect(statusOf(await load(y.admin))).toBe(404);
		expect(statusOf(await load(y.lead, y.otherEntry))).toBe(404);
		expect((await post(y.drafter, { baseVersion: 0, doc: consensusDoc() })).status).toBe(404);
	});

	it('shows the team’s submitted scores with mean and spread, and merged points as starting points', async () => {
		// examinator12 submits too, with scores far from the lead's on the first criterion.
		const d = y.doc(50, 'Tolv');
		d.criteria[0].score = 100;
		await scoringPage.actions.submit(scoringEvent(y.fresh, `${path}/${y.entryId}?/submit`, { form: assessmentForm(d, 0), params: { entryId: String(y.entryId) } }));
		const data = (await load(y.lead)) as { ready: true } & ReturnType<typeof consensusPage>;
		expect(data.ready).toBe(true);
		const leadScore = y.db.select().from(table.assessmentScore).where(and(eq(table.assessmentScore.assessmentId, y.assessmentOf(y.lead)!.id), eq(table.assessmentScore.criterionId, y.criterionIds[0]))).get()!.score!;
		const first = data.teamView[0];
		expect(first.scores.map((s) => s.score).sort()).toEqual([leadScore, 100].sort());
		expect(first.spread.mean).toBe((leadScore + 100) / 2);
		expect(first.spread.divergent).toBe(100 - leadScore >= y.cycle.divergenceThreshold);
		expect(data.consensus.version).toBe(0);
		expect(data.consensus.doc.criteria[0].strengths).toEqual([`${SECRET.lead} styrka`, 'Tolv styrka']);
		expect(data.consensus.doc.criteria[0].score).toBeNull();
		// The draft and everyone's private notes stay out.
		expect(JSON.stringify(data)).not.toContain(SECRET.draft);
		expect(JSON.stringify(data)).not.toContain(SECRET.notes);
	});

	it('holds independence for a lead who has not submitted', async () => {
		y.db.update(table.assessment).set({ status: 'draft' }).where(eq(table.assessment.id, y.assessmentOf(y.lead)!.id)).run();
		const data = await load(y.lead);
		expect(data).toMatchObject({ ready: false });
		expect('team' in (data as object)).toBe(false);
		expect(JSON.stringify(data)).not.toContain(SECRET.draft);
		const before = y.snapshot();
		expect((await post(y.lead, { baseVersion: 0, doc: consensusDoc() })).status).toBe(403);
		expect(statusOf(await act('save', y.lead, consensusForm(consensusDoc(), 0)))).toBe(403);
		expect(y.snapshot()).toEqual(before);
	});
});

describe('saving the consensus', () => {
	it('autosaves with versions, refuses an old version and audits every change with before and after', async () => {
		const first = await post(y.lead, { baseVersion: 0, doc: consensusDoc(60) });
		expect(first).toMatchObject({ status: 200, body: { version: 1 } });
		const next = consensusDoc(60, { summary: 'Ändrad sammanfattning.' });
		expect((await post(y.lead, { baseVersion: 1, doc: next })).body.version).toBe(2);

		const before = y.snapshot();
		const stale = await post(y.lead, { baseVersion: 1, doc: consensusDoc(70) });
		expect(stale.status).toBe(409);
		expect(stale.body.current.doc.summary).toBe('Ändrad sammanfattning.');
		expect(y.snapshot()).toEqual(before);

		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.entityType, 'consensus')).all();
		expect(audit.map((a) => a.action)).toEqual(['consensus.save', 'consensus.save']);
		expect(audit[1].before).toEqual({ version: 1, status: 'draft', summary: 'Ett växande systematiskt kvalitetsarbete.' });
		expect(audit[1].after).toEqual({ version: 2, status: 'draft', summary: 'Ändrad sammanfattning.' });
		const visit = y.db.select().from(table.siteVisit).where(eq(table.siteVisit.entryId, y.entryId)).get()!;
		expect(visit).toMatchObject({ visitDate: '2026-10-02', participants: 'Laget och enhetschefen', findings: 'Bilden bekräftades.' });
	});

	it('is done only when every criterion is agreed, then read-only until the lead reopens it with a reason', async () => {
		const partial = consensusDoc(60);
		partial.criteria[6].score = null;
		const before = y.snapshot();
		const refused = (await act('done', y.lead, consensusForm(partial, 0))) as { status: number; data: { message: string } };
		expect(refused.status).toBe(400);
		expect(refused.data.message).toContain('Jämställdhet');
		expect(y.snapshot()).toEqual(before);

		expect(await act('done', y.lead, consensusForm(consensusDoc(60), 0))).toEqual({ done: true });
		const row = y.db.select().from(table.consensus).where(eq(table.consensus.entryId, y.entryId)).get()!;
		expect(row).toMatchObject({ status: 'done', recommendFinalist: true, version: 1 });
		expect((await post(y.lead, { baseVersion: 1, doc: consensusDoc(70) })).status).toBe(409);

		const noReason = new FormData();
		expect(statusOf(await act('reopen', y.lead, noReason))).toBe(400);
		const reason = new FormData();
		reason.set('reason', 'Platsbesöket ändrade bilden');
		expect(await act('reopen', y.lead, reason)).toEqual({ reopened: true });
		const reopened = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'consensus.reopen')).get()!;
		expect(reopened).toMatchObject({ reason: 'Platsbesöket ändrade bilden', before: { status: 'done', version: 1 }, after: { status: 'draft', version: 2 } });
		expect((await post(y.lead, { baseVersion: 2, doc: consensusDoc(70) })).status).toBe(200);
	});

	it('adds a team point with the no-JavaScript button, and refuses bad input', async () => {
		const doc = consensusDoc(60);
		doc.criteria[0].strengths = [];
		expect(await act('save', y.lead, consensusForm(doc, 0, { op: `criteria.${y.criterionIds[0]}.strengths.use.0` }))).toEqual({ saved: true, version: 1 });
		const saved = y.db.select().from(table.consensusScore).where(eq(table.consensusScore.criterionId, y.criterionIds[0])).all().at(-1)!;
		expect(saved.strengths).toEqual([`${SECRET.lead} styrka`]);

		const before = y.snapshot();
		expect((await post(y.lead, { baseVersion: 1, doc: consensusDoc(63) })).body.message).toContain('multipel av 5');
		expect((await post(y.lead, { baseVersion: 1, doc: consensusDoc(60, { siteVisit: { date: '2026-02-30', participants: '', findings: '' } }) })).body.message).toContain('ÅÅÅÅ-MM-DD');
		expect(statusOf(await act('save', y.lead, consensusForm(consensusDoc(60), 1, { recommend: 'kanske' })))).toBe(400);
		const foreign = consensusDoc(60);
		foreign.criteria[0].criterionId = y.oldCriterion;
		expect((await post(y.lead, { baseVersion: 1, doc: foreign })).status).toBe(400);
		y.setPhase('jury');
		expect((await post(y.lead, { baseVersion: 1, doc: consensusDoc(60) })).status).toBe(403);
		expect(y.snapshot()).toEqual(before);
	});
});

describe('field names', () => {
	it('a refused form names each field as the page does', async () => {
		const doc = consensusDoc(63, { siteVisit: { date: '2026-02-30', participants: '', findings: '' } });
		const r = (await act('save', y.lead, consensusForm(doc, 0, { recommend: 'kanske' }))) as { status: number; data: { errors: Record<string, string> } };
		expect(r.status).toBe(400);
		expect(Object.keys(r.data.errors).sort()).toEqual(
			['recommend', 'siteVisit.date', ...y.criterionIds.map((id) => `criteria.${id}.score`)].sort()
		);
	});
});

describe('reopening an assessment', () => {
	const reasonForm = (examiner: number, reason = 'Poängen på resultat behöver ses över') => {
		const form = new FormData();
		form.set('examiner', String(examiner));
		form.set('reason', reason);
		return form;
	};

	it('the lead reopens a submitted assessment with a reason, logged with before and after', async () => {
		const leadAssessment = y.assessmentOf(y.lead)!;
		expect(await act('reopenAssessment', y.lead, reasonForm(y.lead))).toEqual({ reopenedAssessment: expect.any(String) });
		expect(y.assessmentOf(y.lead)).toMatchObject({ status: 'draft', version: leadAssessment.version + 1, submittedAt: null });
		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'assessment.reopen')).get()!;
		expect(audit).toMatchObject({
			actorId: y.lead,
			reason: 'Poängen på resultat behöver ses över',
			before: { status: 'submitted', version: leadAssessment.version },
			after: { status: 'draft', version: leadAssessment.version + 1 }
		});
		// The examiner's page tells why.
		const loaded = (await scoringPage.load(scoringEvent(y.lead, `${path}/${y.entryId}`, { params: { entryId: String(y.entryId) } }) as never)) as ReturnType<typeof ScoringPage>;
		expect(loaded.assessment.reopenReason).toBe('Poängen på resultat behöver ses över');
	});

	it('refuses without a reason, for a draft, and for anyone but the lead or the admin', async () => {
		const before = y.snapshot();
		expect(statusOf(await act('reopenAssessment', y.lead, reasonForm(y.lead, '')))).toBe(400);
		expect(statusOf(await act('reopenAssessment', y.lead, reasonForm(y.drafter)))).toBe(409);
		expect(statusOf(await act('reopenAssessment', y.drafter, reasonForm(y.lead)))).toBe(404);
		expect(statusOf(await act('reopenAssessment', y.lead, reasonForm(y.lead), y.otherEntry))).toBe(404);
		expect(y.snapshot()).toEqual(before);
	});

	it('refuses a lead who has not submitted their own, with one answer whatever the teammate’s state', async () => {
		y.db.update(table.assessment).set({ status: 'draft', submittedAt: null }).where(eq(table.assessment.examinerId, y.lead)).run();
		y.db.update(table.assessment).set({ status: 'submitted', submittedAt: new Date() }).where(eq(table.assessment.examinerId, y.drafter)).run();
		const before = y.snapshot();
		const answers = [];
		for (const teammate of [y.drafter, y.fresh, y.lead]) answers.push(await act('reopenAssessment', y.lead, reasonForm(teammate)));
		for (const answer of answers) expect(statusOf(answer)).toBe(403);
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		expect(y.snapshot()).toEqual(before);
	});

	it('the admin reopens from the progress page; nobody else reaches it', async () => {
		const form = reasonForm(y.lead, 'Begärt av examinatorn');
		const ev = (userId: number) => scoringEvent(userId, `/admin/progress/${y.entryId}?/reopen`, { form, params: { entryId: String(y.entryId) } });
		expect(statusOf(await outcome(() => adminEntry.actions.reopen(ev(y.lead))))).toBe(404);
		const loaded = (await adminEntry.load(scoringEvent(y.admin, `/admin/progress/${y.entryId}`, { params: { entryId: String(y.entryId) } }) as never)) as { team: import('../../src/lib/server/scoring/assessments').TeamAssessment[] };
		expect(loaded.team.find((t) => t.userId === y.lead)?.status).toBe('submitted');
		expect(JSON.stringify(loaded)).not.toContain(SECRET.notes);
		expect(await adminEntry.actions.reopen(ev(y.admin))).toMatchObject({ reopened: expect.any(String) });
		expect(y.assessmentOf(y.lead)?.status).toBe('draft');
		expect(y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'assessment.reopen')).get()).toMatchObject({ actorId: y.admin, reason: 'Begärt av examinatorn' });
	});
});
