/** The editor without JavaScript: the plain form saves like the autosave and shows conflicts and errors. */
import { beforeEach, describe, expect, it } from 'vitest';
import { isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { feedbackYear, ORIGIN } from '../../src/lib/server/test-support/feedback';
import { saveReport } from '../../src/lib/server/feedback/reports';
import { editOf, MAX_POINT_LENGTH, type ReportContent } from '../../src/lib/domain/feedback';
import * as editor from '../../src/routes/(app)/examiner/reports/[entryId]/+page.server';

let year: ReturnType<typeof feedbackYear>;
let entryId: number;

beforeEach(() => {
	year = feedbackYear();
	entryId = year.entryOf('Förskolan Ekorren').id;
});

function post(fields: [string, string][]) {
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	const url = new URL(`${ORIGIN}/examiner/reports/${entryId}?/save`);
	const user = year.user('examinator1@demo.test');
	return {
		locals: { user, session: { id: 't', userId: user.id, expiresAt: new Date(Date.now() + 60_000) } },
		url,
		params: { entryId: String(entryId) },
		request: new Request(url, { method: 'POST', body }),
		cookies: { get: () => undefined }
	} as unknown as RequestEvent;
}

/** The form as the page renders it: every criterion's key, its points, and one empty box for a new point. */
function fieldsOf(content: ReportContent, version: number, change: (f: [string, string][]) => void = () => {}): [string, string][] {
	const fields: [string, string][] = [['version', String(version)], ['summary', content.summary]];
	for (const c of content.criteria) {
		fields.push(['key', c.key]);
		for (const p of c.strengths) fields.push([`strengths.${c.key}`, p]);
		fields.push([`strengths.${c.key}`, '']);
		for (const p of c.improvements) fields.push([`improvements.${c.key}`, p]);
		fields.push([`improvements.${c.key}`, '']);
	}
	change(fields);
	return fields;
}

describe('saving from the plain form', () => {
	it('saves the texts, a new point typed into the empty box included', async () => {
		const report = year.reportOf(entryId);
		const content = report.content as ReportContent;
		const key = content.criteria[0].key;
		const fields = fieldsOf(content, report.version, (f) => f.push([`strengths.${key}`, 'En ny styrka, skriven utan JavaScript.\nMed radbrytning.']));
		expect(await editor.actions.save(post(fields) as never)).toEqual({ saved: true });
		const saved = year.reportOf(entryId);
		expect(saved.version).toBe(report.version + 1);
		expect((saved.content as ReportContent).criteria[0].strengths).toEqual([...content.criteria[0].strengths, 'En ny styrka, skriven utan JavaScript.\nMed radbrytning.']);
	});

	it('shows the conflict, with the saved text and the person’s own, when the version is old', async () => {
		const report = year.reportOf(entryId);
		const content = report.content as ReportContent;
		expect(saveReport(entryId, report.version, { ...editOf(content), summary: 'Sparat i en annan flik.' }, year.user('examinator1@demo.test').id).ok).toBe(true);
		const result = await editor.actions.save(post(fieldsOf(content, report.version, (f) => (f[1] = ['summary', 'Min text.']))) as never);
		expect(isActionFailure(result)).toBe(true);
		if (!isActionFailure(result)) return;
		expect(result.status).toBe(409);
		expect(result.data).toMatchObject({ conflict: { version: report.version + 1, edit: { summary: 'Sparat i en annan flik.' } }, values: { summary: 'Min text.' } });
		expect((year.reportOf(entryId).content as ReportContent).summary).toBe('Sparat i en annan flik.');
	});

	it('refuses a too long point or a missing version with the message at the field, writing nothing', async () => {
		const report = year.reportOf(entryId);
		const content = report.content as ReportContent;
		const key = content.criteria[2].key;
		const long = await editor.actions.save(post(fieldsOf(content, report.version, (f) => f.push([`improvements.${key}`, 'x'.repeat(MAX_POINT_LENGTH + 1)]))) as never);
		expect(isActionFailure(long) && long.status).toBe(400);
		if (!isActionFailure(long)) return;
		const errors = (long.data as unknown as { errors: Record<string, string> }).errors;
		expect(Object.entries(errors)).toEqual([[expect.stringMatching(/^criteria\.2\.improvements\.\d+$/), 'En punkt får vara högst 1 000 tecken.']]);
		const noVersion = await editor.actions.save(post(fieldsOf(content, report.version).filter(([k]) => k !== 'version')) as never);
		expect(isActionFailure(noVersion) && (noVersion.data as unknown as { errors: Record<string, string> }).errors.version).toBe('Formuläret saknar version. Ladda om sidan och försök igen.');
		expect(year.reportOf(entryId).version).toBe(report.version);
	});
});
