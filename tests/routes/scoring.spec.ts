import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { readAssessment } from '../../src/lib/server/scoring/save';
import type { scoringPage } from '../../src/lib/server/scoring/assessments';
import { assessmentForm, outcome, scoringEvent, scoringYear, SECRET } from '../../src/lib/server/test-support/scoring';
import * as page from '../../src/routes/(app)/examiner/entries/[entryId]/+page.server';
import * as saveEndpoint from '../../src/routes/(app)/examiner/entries/[entryId]/save/+server';
import * as revisionsEndpoint from '../../src/routes/(app)/examiner/entries/[entryId]/revisions/+server';

let y: ReturnType<typeof scoringYear>;
beforeEach(() => {
	y = scoringYear();
});

const path = (entry = y.entryId) => `/examiner/entries/${entry}`;
const params = (entry = y.entryId) => ({ entryId: String(entry) });

type ScoringData = ReturnType<typeof scoringPage>;
const loadPage = async (userId: number, entry = y.entryId) =>
	(await page.load(scoringEvent(userId, path(entry), { params: params(entry) }) as never)) as ScoringData;

async function post(userId: number | null, json: unknown, entry = y.entryId) {
	const response = await saveEndpoint.POST(scoringEvent(userId, `${path(entry)}/save`, { json, params: params(entry) }));
	return { status: response.status, body: await response.json() };
}

async function act(name: keyof typeof page.actions, userId: number, form: FormData, entry = y.entryId) {
	return outcome(() => page.actions[name](scoringEvent(userId, `${path(entry)}?/${name}`, { form, params: params(entry) })));
}

const statusOf = (r: unknown) => (r as { status?: number; thrown?: number }).status ?? (r as { thrown?: number }).thrown;

describe('autosave and versions', () => {
	it('creates the assessment on the first save and refuses a save based on an old version', async () => {
		const first = await post(y.fresh, { baseVersion: 0, doc: y.doc(50, 'Första') });
		expect(first).toMatchObject({ status: 200, body: { version: 1 } });
		const second = await post(y.fresh, { baseVersion: 1, doc: y.doc(55, 'Andra') });
		expect(second).toMatchObject({ status: 200, body: { version: 2 } });

		const before = y.snapshot();
		const stale = await post(y.fresh, { baseVersion: 1, doc: y.doc(60, 'Gammal flik') });
		expect(stale.status).toBe(409);
		expect(stale.body.reason).toBe('conflict');
		expect(stale.body.current.version).toBe(2);
		expect(stale.body.current.doc.criteria[0].strengths).toEqual(['Andra styrka']);
		expect(y.snapshot()).toEqual(before);

		const again = await post(y.fresh, { baseVersion: 0, doc: y.doc(60, 'Ny flik') });
		expect(again.status).toBe(409);
		expect(y.snapshot()).toEqual(before);
	});

	it('keeps every saved state as a revision, and restores an earlier text as a new version', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(50, 'Ett') });
		await post(y.fresh, { baseVersion: 1, doc: y.doc(50, 'Två') });
		await post(y.fresh, { baseVersion: 2, doc: y.doc(50, 'Tre') });
		const own = y.assessmentOf(y.fresh)!;
		const revisions = y.db.select().from(table.assessmentRevision).where(eq(table.assessmentRevision.assessmentId, own.id)).all();
		expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
		expect((revisions[0].snapshot as { notes: string }).notes).toBe('Ett anteckning');

		const listed = await (await revisionsEndpoint.GET(scoringEvent(y.fresh, `${path()}/revisions`, { params: params() }))).json();
		expect(listed.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);

		const form = new FormData();
		form.set('revision', String(revisions[0].id));
		form.set('version', '3');
		expect(await act('restore', y.fresh, form)).toEqual({ saved: true, version: 4, restored: 1 });
		expect(readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc.notes).toBe('Ett anteckning');
	});

	it('will not restore another examiner’s revision', async () => {
		const theirs = y.db.select().from(table.assessmentRevision).all();
		await post(y.fresh, { baseVersion: 0, doc: y.doc() });
		const other = y.db.insert(table.assessmentRevision).values({ assessmentId: y.assessmentOf(y.drafter)!.id, version: 1, snapshot: y.doc(5, SECRET.draft), savedBy: y.drafter }).returning().get();
		expect(theirs.length).toBe(0);
		const form = new FormData();
		form.set('revision', String(other.id));
		form.set('version', '1');
		const before = y.snapshot();
		expect(statusOf(await act('restore', y.fresh, form))).toBe(404);
		expect(y.snapshot()).toEqual(before);
	});

	it('writes every criterion again when the version moved without a save of this process', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(50) });
		const own = y.assessmentOf(y.fresh)!;
		// Another writer (a reopen, another process) moves the version and changes a row.
		y.db.update(table.assessment).set({ version: 2 }).where(eq(table.assessment.id, own.id)).run();
		y.db.update(table.assessmentScore).set({ score: 95 }).where(eq(table.assessmentScore.criterionId, y.criterionIds[3])).run();
		const next = y.doc(50);
		next.criteria[0].score = 55;
		expect((await post(y.fresh, { baseVersion: 2, doc: next })).status).toBe(200);
		const saved = readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc;
		expect(saved.criteria.map((c) => c.score)).toEqual([55, 50, 50, 50, 50, 50, 50]);
		// And a save on top of its own version changes what changed, and nothing else.
		next.criteria[6].strengths = ['Ny styrka'];
		expect((await post(y.fresh, { baseVersion: 3, doc: next })).status).toBe(200);
		expect(readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc).toEqual(next);
	});

	it('keeps line breaks and trims what is typed', async () => {
		const d = y.doc(50);
		d.criteria[0].strengths = ['  Rad ett\r\nrad två  ', '   '];
		await post(y.fresh, { baseVersion: 0, doc: d });
		expect(readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc.criteria[0].strengths).toEqual(['Rad ett\nrad två']);
	});

	it('saves the no-JavaScript form, applying a list button, and reports a conflict with both texts', async () => {
		const d = y.doc(50);
		d.criteria[0].strengths = ['A', 'B'];
		const moved = await act('save', y.fresh, assessmentForm(d, 0, { op: `criteria.${y.criterionIds[0]}.strengths.up.1` }));
		expect(moved).toEqual({ saved: true, version: 1 });
		expect(readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc.criteria[0].strengths).toEqual(['B', 'A']);

		const stale = (await act('save', y.fresh, assessmentForm(y.doc(70, 'Gammal'), 0))) as { status: number; data: { conflict: { mine: { notes: string }; theirs: { version: number } } } };
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.mine.notes).toBe('Gammal anteckning');
		expect(stale.data.conflict.theirs.version).toBe(1);
	});

	it('resolves a conflict field by field on top of the version saved now', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(50, 'Sparad') });
		const mine = y.doc(70, 'Min');
		const form = new FormData();
		form.set('mine', JSON.stringify(mine));
		form.set('version', '1');
		form.set(`take.criteria.${y.criterionIds[0]}.score`, 'theirs');
		form.set('take.notes', 'mine');
		expect(await act('resolve', y.fresh, form)).toEqual({ saved: true, version: 2 });
		const saved = readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc;
		expect(saved.criteria[0].score).toBe(50);
		expect(saved.criteria[1].score).toBe(70);
		expect(saved.notes).toBe('Min anteckning');

		form.set('version', '1');
		expect(statusOf(await act('resolve', y.fresh, form))).toBe(409);
	});
});

describe('bad input is refused with a clear message and nothing written', () => {
	const refused = async (json: unknown, status = 400, userId = y.fresh, entry = y.entryId) => {
		const before = y.snapshot();
		const r = await outcome(() => post(userId, json, entry));
		expect(statusOf(r) ?? (r as { status: number }).status).toBe(status);
		expect(y.snapshot()).toEqual(before);
		return r as { status: number; body: { message: string; errors?: Record<string, string> } };
	};

	it('a score that is not a multiple of the step', async () => {
		const d = y.doc(50);
		d.criteria[2].score = 52;
		const r = await refused({ baseVersion: 0, doc: d });
		expect(r.body.errors).toEqual({ [`criteria.${y.criterionIds[2]}.score`]: 'Poängen måste vara en multipel av 5 (0, 5, 10 … 100).' });
	});

	it('a score of the step 10 cycle off its step', async () => {
		y.db.update(table.cycle).set({ scaleStep: 10 }).where(eq(table.cycle.id, y.cycle.id)).run();
		const r = await refused({ baseVersion: 0, doc: y.doc(55) });
		expect(r.body.message).toContain('multipel av 10');
	});

	it('scores outside 0–100, and not whole', async () => {
		expect((await refused({ baseVersion: 0, doc: y.doc(105) })).body.message).toBe('Poängen måste vara mellan 0 och 100.');
		expect((await refused({ baseVersion: 0, doc: y.doc(-5) })).body.message).toBe('Poängen måste vara mellan 0 och 100.');
		expect((await refused({ baseVersion: 0, doc: y.doc(12.5) })).body.message).toBe('Poängen måste vara ett heltal.');
		expect((await refused({ baseVersion: 0, doc: { ...y.doc(), criteria: y.doc().criteria.map((c) => ({ ...c, score: '50' })) } })).body.message).toBe(
			'Poängen måste vara ett heltal.'
		);
	});

	it('a criterion of another cycle, or a missing criterion', async () => {
		const d = y.doc(50);
		d.criteria[0].criterionId = y.oldCriterion;
		expect((await refused({ baseVersion: 0, doc: d })).body.message).toBe('Bedömningsgrunden hör inte till årets bedömningsmodell. Ladda om sidan.');
		const short = y.doc(50);
		short.criteria.pop();
		expect((await refused({ baseVersion: 0, doc: short })).body.message).toContain('saknar bedömningsgrunder');
		const form = assessmentForm(y.doc(50), 0);
		form.set(`criteria.${y.oldCriterion}.score`, '50');
		const before = y.snapshot();
		expect(statusOf(await act('save', y.fresh, form))).toBe(400);
		expect(y.snapshot()).toEqual(before);
	});

	it('texts over their limits', async () => {
		const long = y.doc(50);
		long.criteria[0].strengths = ['x'.repeat(2001)];
		expect((await refused({ baseVersion: 0, doc: long })).body.message).toBe('En punkt får ha högst 2000 tecken.');
		const many = y.doc(50);
		many.criteria[0].improvements = Array.from({ length: 51 }, (_, i) => `p${i}`);
		expect((await refused({ baseVersion: 0, doc: many })).body.message).toBe('Högst 50 punkter per lista.');
		const notes = y.doc(50);
		notes.notes = 'x'.repeat(10_001);
		expect((await refused({ baseVersion: 0, doc: notes })).body.message).toBe('Texten får ha högst 10000 tecken.');
	});

	it('a body that is not the document, or not JSON', async () => {
		await refused({ baseVersion: 'x', doc: y.doc() });
		await refused({ doc: y.doc() });
		const response = await saveEndpoint.POST(
			Object.assign(scoringEvent(y.fresh, `${path()}/save`, { params: params() }) as object, {
				request: new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })
			}) as never
		);
		expect(response.status).toBe(400);
		const form = await saveEndpoint.POST(
			Object.assign(scoringEvent(y.fresh, `${path()}/save`, { params: params() }) as object, {
				request: new Request('http://localhost/x', { method: 'POST', body: new FormData() })
			}) as never
		);
		expect(form.status).toBe(415);
	});

	it('an entry the examiner is not assigned to, or in conflict with: 404', async () => {
		await refused({ baseVersion: 0, doc: y.doc() }, 404, y.fresh, y.otherEntry);
		y.db.insert(table.conflict).values({ userId: y.fresh, entryId: y.entryId, reason: 'relative', declaredBy: y.admin }).run();
		await refused({ baseVersion: 0, doc: y.doc() }, 404);
		expect(statusOf(await outcome(() => page.load(scoringEvent(y.fresh, path(), { params: params() }) as never)))).toBe(404);
		expect(statusOf(await act('save', y.fresh, assessmentForm(y.doc(), 0)))).toBe(404);
	});

	it('signed out: 401 with a message, nothing written', async () => {
		const r = await refused({ baseVersion: 0, doc: y.doc() }, 401, null as never);
		expect(r.body.message).toContain('utloggad');
	});

	it('after submission', async () => {
		const lead = y.assessmentOf(y.lead)!;
		const r = await refused({ baseVersion: lead.version, doc: y.doc() }, 409, y.lead);
		expect(r.body.message).toContain('redan inlämnad');
		expect(statusOf(await act('save', y.lead, assessmentForm(y.doc(), lead.version)))).toBe(409);
		expect(statusOf(await act('submit', y.lead, assessmentForm(y.doc(), lead.version)))).toBe(409);
	});

	it('in the wrong phase', async () => {
		for (const phase of ['registration', 'jury', 'decided', 'feedback'] as const) {
			y.setPhase(phase);
			const r = await refused({ baseVersion: 0, doc: y.doc() }, 403);
			expect(r.body.message).toBe('Bedömningsperioden är stängd för omgången. Inget har sparats.');
			const before = y.snapshot();
			expect(statusOf(await act('save', y.fresh, assessmentForm(y.doc(), 0)))).toBe(403);
			expect(statusOf(await act('submit', y.fresh, assessmentForm(y.doc(), 0)))).toBe(403);
			expect(y.snapshot()).toEqual(before);
		}
		y.setPhase('consensus');
		expect((await post(y.fresh, { baseVersion: 0, doc: y.doc() })).status).toBe(200);
	});
});

describe('submit', () => {
	it('refuses an incomplete assessment and writes nothing', async () => {
		const d = y.doc(50);
		d.criteria[3].score = null;
		const before = y.snapshot();
		const r = (await act('submit', y.fresh, assessmentForm(d, 0))) as { status: number; data: { message: string } };
		expect(r.status).toBe(400);
		expect(r.data.message).toContain('Saknas: Uppföljning och analys');
		expect(y.snapshot()).toEqual(before);
	});

	it('saves and submits a complete assessment, audited with before and after; afterwards it is read-only', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(40) });
		expect(await act('submit', y.fresh, assessmentForm(y.doc(45), 1))).toEqual({ submitted: true });
		const a = y.assessmentOf(y.fresh)!;
		expect(a).toMatchObject({ status: 'submitted', version: 3 });
		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'assessment.submit')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: y.fresh, entityId: String(a.id), before: { status: 'draft', version: 2 } });
		expect((audit[0].after as { scores: { score: number }[] }).scores.every((s) => s.score === 45)).toBe(true);
		expect((await post(y.fresh, { baseVersion: 3, doc: y.doc(50) })).status).toBe(409);
	});

	it('refuses a submit based on an old version', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(40) });
		await post(y.fresh, { baseVersion: 1, doc: y.doc(45) });
		const before = y.snapshot();
		expect(statusOf(await act('submit', y.fresh, assessmentForm(y.doc(50), 1)))).toBe(409);
		expect(y.snapshot()).toEqual(before);
	});
});

describe('independence: before submitting, nothing of a teammate reaches the examiner', () => {
	const leaks = (value: unknown) => {
		const text = JSON.stringify(value);
		return [SECRET.lead, SECRET.draft, SECRET.notes].filter((s) => text.includes(s));
	};

	it('holds for every load, action and endpoint of the scoring page', async () => {
		const ev = () => scoringEvent(y.fresh, path(), { params: params() });
		const loaded = (await page.load(ev() as never)) as ScoringData;
		expect(loaded.team).toBeNull();
		expect(leaks(loaded)).toEqual([]);

		const results: unknown[] = [];
		results.push(await post(y.fresh, { baseVersion: 0, doc: y.doc(50) }));
		results.push(await post(y.fresh, { baseVersion: 0, doc: y.doc(50) })); // a conflict answers with one's own
		results.push(await post(y.fresh, { baseVersion: 1, doc: { notes: 1 } }));
		results.push(await act('save', y.fresh, assessmentForm(y.doc(55), 1)));
		results.push(await act('save', y.fresh, assessmentForm(y.doc(55), 1)));
		const incomplete = y.doc(55);
		incomplete.criteria[0].score = null;
		results.push(await act('submit', y.fresh, assessmentForm(incomplete, 2)));
		const resolve = new FormData();
		resolve.set('mine', JSON.stringify(y.doc(60)));
		resolve.set('version', '2');
		results.push(await act('resolve', y.fresh, resolve));
		const restore = new FormData();
		restore.set('revision', '1');
		restore.set('version', '3');
		results.push(await act('restore', y.fresh, restore));
		results.push(await (await revisionsEndpoint.GET(scoringEvent(y.fresh, `${path()}/revisions`, { params: params() }))).json());
		results.push(await loadPage(y.fresh));
		expect(leaks(results)).toEqual([]);
		expect((await loadPage(y.fresh)).team).toBeNull();
	});

	it('the examiner with a draft sees none of the submitted lead’s work either', async () => {
		const loaded = await loadPage(y.drafter);
		expect(loaded.team).toBeNull();
		expect(JSON.stringify(loaded)).not.toContain(SECRET.lead);
		expect(JSON.stringify(loaded)).toContain(SECRET.draft); // their own draft, of course
	});

	it('after submitting, the team’s submitted work shows — drafts and private notes never', async () => {
		await post(y.fresh, { baseVersion: 0, doc: y.doc(50) });
		await act('submit', y.fresh, assessmentForm(y.doc(50), 1));
		const loaded = await loadPage(y.fresh);
		expect(loaded.team?.map((t) => t.status).sort()).toEqual(['draft', 'submitted']);
		expect(leaks(loaded)).toEqual([SECRET.lead]);
	});
});
