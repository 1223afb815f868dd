/** Reads the lead's edit from the editor's JSON save or from the plain form, with one schema. */
import { z } from 'zod';
import type { Messages } from '../../i18n';
import { MAX_POINT_LENGTH, MAX_POINTS, MAX_SUMMARY_LENGTH, type ReportEdit } from '../../domain/feedback';
import { validate, type Validated } from '../http/validate';

/** Browsers send line breaks in form fields as CRLF; the report keeps plain LF. */
const lf = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v);

function schema(m: Messages['feedback']['editor']['errors']) {
	const points = z.preprocess(
		(v) => (Array.isArray(v) ? v.map((p) => (typeof p === 'string' ? (lf(p) as string).trim() : p)).filter((p) => p !== '') : v),
		z.array(z.string().max(MAX_POINT_LENGTH, m.pointTooLong)).max(MAX_POINTS, m.tooManyPoints)
	);
	return z.object({
		version: z.number({ error: m.badVersion }).int(m.badVersion).positive(m.badVersion),
		summary: z.preprocess(lf, z.string().max(MAX_SUMMARY_LENGTH, m.summaryTooLong)),
		criteria: z.array(z.object({ key: z.string().max(100), strengths: points, improvements: points })).max(50)
	});
}

export type EditInput = ReportEdit & { version: number };

export function parseEditJson(body: unknown, m: Messages): Validated<EditInput> {
	return validate(schema(m.feedback.editor.errors), body);
}

/** The plain form: hidden `key` fields in order, `strengths.<key>` / `improvements.<key>` repeated. */
export function parseEditForm(form: FormData, m: Messages): Validated<EditInput> {
	const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
	const keys = strings('key');
	return validate(schema(m.feedback.editor.errors), {
		version: Number(form.get('version')) || undefined,
		summary: String(form.get('summary') ?? ''),
		criteria: keys.map((key) => ({ key, strengths: strings(`strengths.${key}`), improvements: strings(`improvements.${key}`) }))
	});
}

/** The person's text as posted, to put back into the form when the save is refused. */
export function postedEdit(form: FormData): ReportEdit {
	const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
	return {
		summary: String(form.get('summary') ?? '').slice(0, MAX_SUMMARY_LENGTH * 2),
		criteria: strings('key').map((key) => ({
			key,
			strengths: strings(`strengths.${key}`).filter((p) => p.trim() !== ''),
			improvements: strings(`improvements.${key}`).filter((p) => p.trim() !== '')
		}))
	};
}
