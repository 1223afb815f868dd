/** The model page's forms: one zod schema each, with the catalogue's messages at the fields. */
import { z } from 'zod';
import { validate, type Validated } from '../http/validate';
import { CRITERION_KINDS } from '../db/schema';
import type { Messages } from '$lib/i18n';

export interface ClassInput {
	nameSv: string;
	nameEn: string;
	description: string;
	sortOrder: number;
}

export interface CriterionInput {
	key: string;
	titleSv: string;
	titleEn: string;
	kind: (typeof CRITERION_KINDS)[number];
	weight: number;
	guidance: string;
	questions: string[];
	bandTexts: string[];
	sortOrder: number;
}

export interface ScaleInput {
	scaleStep: 5 | 10;
	divergenceThreshold: number;
}

export const BAND_COUNT = 6;
const CLASS_FIELDS = ['nameSv', 'nameEn', 'description', 'sortOrder'];
const CRITERION_FIELDS = ['key', 'titleSv', 'titleEn', 'kind', 'weight', 'guidance', 'questions', 'sortOrder'];
const BAND_FIELDS = Array.from({ length: BAND_COUNT }, (_, i) => `band${i}`);

/** The posted text fields, trimmed and cut at a length no valid value reaches. */
export function formValues(form: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(
		names.map((name) => {
			const v = form.get(name);
			return [name, typeof v === 'string' ? v.trim().slice(0, 10_000) : ''];
		})
	);
}

export const classFormValues = (form: FormData) => formValues(form, CLASS_FIELDS);
export const criterionFormValues = (form: FormData) => formValues(form, [...CRITERION_FIELDS, ...BAND_FIELDS]);
export const scaleFormValues = (form: FormData) => formValues(form, ['scaleStep', 'divergenceThreshold']);

const int = (min: number, max: number, message: string) =>
	z
		.string()
		.regex(/^\d{1,6}$/, message)
		.transform(Number)
		.refine((n) => n >= min && n <= max, message);

export function parseClass(values: Record<string, string>, m: Messages): Validated<ClassInput> {
	const e = m.model.errors;
	return validate(
		z.object({
			nameSv: z.string().min(1, e.name).max(200, e.name),
			nameEn: z.string().min(1, e.name).max(200, e.name),
			description: z.string().max(1000, e.description),
			sortOrder: int(0, 999, e.sortOrder)
		}),
		values
	);
}

export function parseCriterion(values: Record<string, string>, m: Messages): Validated<CriterionInput> {
	const e = m.model.errors;
	const band = z.string().max(500, e.band);
	const schema = z
		.object({
			key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, e.key),
			titleSv: z.string().min(1, e.title).max(200, e.title),
			titleEn: z.string().min(1, e.title).max(200, e.title),
			kind: z.enum(CRITERION_KINDS, { message: e.kind }),
			// Swedish offices write decimal commas: "12,5".
			weight: z
				.string()
				.regex(/^\d{1,4}([.,]\d{1,2})?$/, e.weight)
				.transform((s) => Number(s.replace(',', '.')))
				.refine((n) => n > 0 && n <= 1000, e.weight),
			guidance: z.string().max(2000, e.guidance),
			questions: z
				.string()
				.transform((s) => s.split(/\r?\n/).map((q) => q.trim()).filter(Boolean))
				.refine((qs) => qs.length <= 20 && qs.every((q) => q.length <= 300), e.questions),
			sortOrder: int(0, 999, m.model.errors.sortOrder),
			...Object.fromEntries(BAND_FIELDS.map((f) => [f, band]))
		})
		.superRefine((v, ctx) => {
			const bands = BAND_FIELDS.map((f) => (v as Record<string, unknown>)[f] as string);
			const filled = bands.filter((b) => b !== '').length;
			if (filled > 0 && filled < BAND_COUNT) {
				ctx.addIssue({ code: 'custom', path: [BAND_FIELDS[bands.indexOf('')]], message: e.bandsPartial });
			}
		});
	const result = validate(schema, values);
	if (!result.ok) return result;
	const d = result.data as Record<string, unknown> & Omit<CriterionInput, 'bandTexts'>;
	const bands = BAND_FIELDS.map((f) => d[f] as string);
	return {
		ok: true,
		data: {
			key: d.key,
			titleSv: d.titleSv,
			titleEn: d.titleEn,
			kind: d.kind,
			weight: d.weight,
			guidance: d.guidance,
			questions: d.questions,
			sortOrder: d.sortOrder,
			bandTexts: bands.every((b) => b === '') ? [] : bands
		}
	};
}

export function parseScale(values: Record<string, string>, m: Messages): Validated<ScaleInput> {
	const e = m.model.errors;
	return validate(
		z.object({
			scaleStep: z.enum(['5', '10'], { message: e.scaleStep }).transform((s) => Number(s) as 5 | 10),
			divergenceThreshold: int(5, 100, e.divergenceThreshold)
		}),
		values
	);
}
