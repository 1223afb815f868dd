/**
 * Bad input is answered in Swedish even where a schema gives no message of its own: zod's English
 * ("Invalid input: expected object, received undefined") never reaches a person.
 */
import { describe, expect, it } from 'vitest';
import { scoringEvent, scoringYear } from '../../src/lib/server/test-support/scoring';
import { feedbackYear, ORIGIN } from '../../src/lib/server/test-support/feedback';
import type { ReportContent } from '../../src/lib/domain/feedback';
import * as scoringSave from '../../src/routes/(app)/examiner/entries/[entryId]/save/+server';
import * as consensusSave from '../../src/routes/(app)/examiner/entries/[entryId]/consensus/save/+server';
import * as reportEditor from '../../src/routes/(app)/examiner/reports/[entryId]/+page.server';
import * as reportSave from '../../src/routes/(app)/examiner/reports/[entryId]/save/+server';

/** What zod writes when it is left to word a message itself. */
const ZOD_ENGLISH = /invalid|expected|received|too (big|small)|unrecognized/i;

describe('the autosaves', () => {
	it('answer a document that is missing or of the wrong shape in Swedish, and save nothing', async () => {
		const y = scoringYear();
		const before = y.snapshot();
		const save = async (json: unknown) => {
			const event = scoringEvent(y.fresh, `/examiner/entries/${y.entryId}/save`, { json, params: { entryId: String(y.entryId) } });
			const response = await scoringSave.POST(event);
			return { status: response.status, body: (await response.json()) as { message: string; errors?: Record<string, string> } };
		};
		const missing = await save({ baseVersion: 0 });
		expect(missing).toMatchObject({ status: 400, body: { message: 'Uppgifter saknas. Ladda om sidan och försök igen.' } });
		const notObject = await save({ baseVersion: 0, doc: 'text' });
		expect(notObject).toMatchObject({ status: 400, body: { message: 'Uppgifterna har fel form. Ladda om sidan och försök igen.' } });
		const badCriterion = y.doc(50);
		(badCriterion.criteria[0] as unknown as Record<string, unknown>).notes = undefined;
		const badList = await save({ baseVersion: 0, doc: badCriterion });
		expect(badList.status).toBe(400);
		for (const answer of [missing, notObject, badList]) {
			expect(answer.body.message).not.toMatch(ZOD_ENGLISH);
			for (const message of Object.values(answer.body.errors ?? {})) expect(message).not.toMatch(ZOD_ENGLISH);
		}
		expect(y.snapshot()).toEqual(before);
	});

	it('answer a consensus without its site visit in Swedish', async () => {
		const y = scoringYear('consensus');
		const event = scoringEvent(y.lead, `/examiner/entries/${y.entryId}/consensus/save`, {
			json: { baseVersion: 0, doc: { summary: '', recommendFinalist: null, criteria: y.criterionIds.map((criterionId) => ({ criterionId, score: null, strengths: [], improvements: [] })) } },
			params: { entryId: String(y.entryId) }
		});
		const response = await consensusSave.POST(event);
		const body = (await response.json()) as { message: string; errors: Record<string, string> };
		expect(response.status).toBe(400);
		expect(body).toEqual({ message: 'Uppgifter saknas. Ladda om sidan och försök igen.', errors: { _form: 'Uppgifter saknas. Ladda om sidan och försök igen.' } });
	});
});

describe('the report editor', () => {
	function lead(year: ReturnType<typeof feedbackYear>, entryId: number, path: string, body: BodyInit, type?: string) {
		const url = new URL(path, ORIGIN);
		const user = year.user('examinator1@demo.test');
		return {
			locals: { user, session: { id: 't', userId: user.id, expiresAt: new Date(Date.now() + 60_000) } },
			url,
			params: { entryId: String(entryId) },
			request: new Request(url, { method: 'POST', body, headers: type ? { 'content-type': type } : {} }),
			cookies: { get: () => undefined }
		} as never;
	}

	it('answers a criterion without its key in Swedish (autosave)', async () => {
		const year = feedbackYear();
		const entryId = year.entryOf('Förskolan Ekorren').id;
		const report = year.reportOf(entryId);
		const body = JSON.stringify({ version: report.version, summary: 'Ny text', criteria: [{ strengths: [], improvements: [] }] });
		const response = await reportSave.POST(lead(year, entryId, `/examiner/reports/${entryId}/save`, body, 'application/json'));
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ errors: { 'criteria.0.key': 'Uppgifter saknas. Ladda om sidan och försök igen.' } });
		expect(year.reportOf(entryId).version).toBe(report.version);
	});

	it('answers a posted form with too long a key in Swedish (no JavaScript)', async () => {
		const year = feedbackYear();
		const entryId = year.entryOf('Förskolan Ekorren').id;
		const report = year.reportOf(entryId);
		const form = new FormData();
		form.set('version', String(report.version));
		form.set('summary', (report.content as ReportContent).summary);
		form.append('key', 'k'.repeat(101));
		const result = (await reportEditor.actions.save(lead(year, entryId, `/examiner/reports/${entryId}?/save`, form))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ 'criteria.0.key': 'Högst 100 tecken.' });
		expect(year.reportOf(entryId).version).toBe(report.version);
	});
});
