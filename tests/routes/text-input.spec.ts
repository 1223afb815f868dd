/**
 * Text is cleaned where it enters (`cleanText`): what a form, an autosave or the report editor's
 * JSON carries is stored without NUL, lone surrogates or bidirectional overrides.
 */
import { describe, expect, it } from 'vitest';
import { readAssessment } from '../../src/lib/server/scoring/save';
import { assessmentForm, outcome, scoringEvent, scoringYear } from '../../src/lib/server/test-support/scoring';
import { feedbackYear, ORIGIN } from '../../src/lib/server/test-support/feedback';
import type { ReportContent } from '../../src/lib/domain/feedback';
import * as scoringPage from '../../src/routes/(app)/examiner/entries/[entryId]/+page.server';
import * as scoringSave from '../../src/routes/(app)/examiner/entries/[entryId]/save/+server';
import * as reportSave from '../../src/routes/(app)/examiner/reports/[entryId]/save/+server';

/** NUL, a lone high surrogate and a right-to-left override, among ordinary Swedish text and an emoji. */
const DIRTY = 'Tydl\u0000iga mål\ud800 för året\u202e 👍\nRad två';
const CLEAN = 'Tydliga mål\ufffd för året 👍\nRad två';

describe('text entering through', () => {
	it('a posted form (the assessment without JavaScript) is stored clean', async () => {
		const y = scoringYear();
		const doc = y.doc(50);
		doc.notes = DIRTY;
		doc.criteria[0].strengths = [DIRTY];
		const path = `/examiner/entries/${y.entryId}?/save`;
		const event = scoringEvent(y.fresh, path, { form: assessmentForm(doc, 0), params: { entryId: String(y.entryId) } });
		expect(await outcome(() => scoringPage.actions.save(event))).toMatchObject({ saved: true });
		const saved = readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc;
		expect(saved.notes).toBe(CLEAN);
		expect(saved.criteria[0].strengths).toEqual([CLEAN]);
	});

	it('an autosave’s JSON is stored clean', async () => {
		const y = scoringYear();
		const doc = y.doc(50);
		doc.notes = DIRTY;
		doc.criteria[1].improvements = [DIRTY];
		doc.criteria[2].notes = DIRTY;
		const path = `/examiner/entries/${y.entryId}/save`;
		const response = await scoringSave.POST(scoringEvent(y.fresh, path, { json: { baseVersion: 0, doc }, params: { entryId: String(y.entryId) } }));
		expect(response.status).toBe(200);
		const saved = readAssessment(y.entryId, y.fresh, y.criterionIds)!.doc;
		expect(saved.notes).toBe(CLEAN);
		expect(saved.criteria[1].improvements).toEqual([CLEAN]);
		expect(saved.criteria[2].notes).toBe(CLEAN);
	});

	it('the report editor’s JSON is stored clean', async () => {
		const year = feedbackYear();
		const entryId = year.entryOf('Förskolan Ekorren').id;
		const report = year.reportOf(entryId);
		const content = report.content as ReportContent;
		const body = {
			version: report.version,
			summary: DIRTY,
			criteria: content.criteria.map((c, i) => ({ key: c.key, strengths: i === 0 ? [DIRTY] : c.strengths, improvements: c.improvements }))
		};
		const url = new URL(`/examiner/reports/${entryId}/save`, ORIGIN);
		const user = year.user('examinator1@demo.test');
		const event = {
			locals: { user, session: { id: 't', userId: user.id, expiresAt: new Date(Date.now() + 60_000) } },
			url,
			params: { entryId: String(entryId) },
			request: new Request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
			cookies: { get: () => undefined }
		} as never;
		expect((await reportSave.POST(event)).status).toBe(200);
		const saved = year.reportOf(entryId).content as ReportContent;
		expect(saved.summary).toBe(CLEAN);
		expect(saved.criteria[0].strengths).toEqual([CLEAN]);
	});
});
