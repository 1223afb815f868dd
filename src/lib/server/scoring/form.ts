/**
 * What examiners send, checked at the edge: the JSON of an autosave and the posted form of the
 * same page (no JavaScript) both become one document, validated by one zod schema per document
 * with the messages of the person's language.
 */
import { z } from 'zod';
import { isIsoDay } from '$lib/domain/dates';
import {
	applyListOp,
	cleanAssessment,
	cleanConsensus,
	criterionKey,
	fieldKey,
	LIMITS,
	parseFieldKey,
	parseListButton,
	scoreProblem,
	siteVisitKey,
	type AssessmentDoc,
	type ConsensusDoc,
	type DocField
} from '$lib/domain/scoring';
import type { SaveAnswer } from '$lib/domain/autosave-wire';
import type { Messages } from '$lib/i18n';
import { parseJson } from '../http/request';
import { validate, type FieldErrors, type Validated } from '../http/validate';

type Errors = Messages['scoring']['errors'];

// Texts and points are checked as sent (lengths count what was typed) and cleaned afterwards, by
// one transform over the whole document: a zod transform per field costs several times the rest
// of the parse, and autosave parses every field of the document on every save.
const text = (e: Errors, max: number) => z.string({ error: e.badRequest }).max(max, e.textTooLong(max));

const points = (e: Errors) =>
	z
		.array(z.string({ error: e.badRequest }).max(LIMITS.point, e.pointTooLong(LIMITS.point)), { error: e.badRequest })
		.max(LIMITS.points, e.tooManyPoints(LIMITS.points));

const score = (e: Errors, step: number) =>
	z
		.number({ error: e.scoreNumber })
		.nullable()
		.superRefine((value, ctx) => {
			if (value === null) return;
			const problem = scoreProblem(value, step);
			if (problem === 'step') ctx.addIssue({ code: 'custom', message: e.scoreStep(step) });
			else if (problem === 'range') ctx.addIssue({ code: 'custom', message: e.scoreRange });
			else if (problem) ctx.addIssue({ code: 'custom', message: e.scoreNumber });
		});

/** Every criterion of the cycle exactly once, and nothing from another cycle. */
function criteriaOfCycle<T extends { criterionId: number }>(item: z.ZodType<T>, criterionIds: number[], e: Errors) {
	const known = new Set(criterionIds);
	return z.array(item, { error: e.badRequest }).superRefine((list, ctx) => {
		const seen = new Set<number>();
		list.forEach((c, i) => {
			if (!known.has(c.criterionId) || seen.has(c.criterionId))
				ctx.addIssue({ code: 'custom', message: e.criterion, path: [i, 'criterionId'] });
			seen.add(c.criterionId);
		});
		if (criterionIds.some((id) => !seen.has(id))) ctx.addIssue({ code: 'custom', message: e.criteriaMissing });
	});
}

export function assessmentSchema(e: Errors, step: number, criterionIds: number[]) {
	const criterion = z.object({
		criterionId: z.number({ error: e.criterion }).int(e.criterion),
		score: score(e, step),
		strengths: points(e),
		improvements: points(e),
		notes: text(e, LIMITS.criterionNotes)
	});
	return z.object({ notes: text(e, LIMITS.notes), criteria: criteriaOfCycle(criterion, criterionIds, e) }).transform(cleanAssessment);
}

export function consensusSchema(e: Errors, step: number, criterionIds: number[]) {
	const criterion = z.object({
		criterionId: z.number({ error: e.criterion }).int(e.criterion),
		score: score(e, step),
		strengths: points(e),
		improvements: points(e)
	});
	return z.object({
		summary: text(e, LIMITS.summary),
		recommendFinalist: z.boolean({ error: e.recommend }).nullable(),
		criteria: criteriaOfCycle(criterion, criterionIds, e),
		siteVisit: z.object({
			date: z
				.string({ error: e.date })
				.nullable()
				.refine((d) => d === null || isIsoDay(d), e.date),
			participants: text(e, LIMITS.participants),
			findings: text(e, LIMITS.findings)
		})
	}).transform(cleanConsensus);
}

const version = (e: Errors) => z.number({ error: e.version }).int(e.version).min(0, e.version);

/**
 * Building a zod schema costs far more than running it (zod compiles a fast path per schema), so
 * the autosave's schemas are made once per language, step and model and kept (the account's too).
 */
const schemas = new WeakMap<Errors, Map<string, z.ZodType>>();

export function cached<T extends z.ZodType>(e: Errors, key: string, make: () => T): T {
	let byKey = schemas.get(e);
	if (!byKey) schemas.set(e, (byKey = new Map()));
	let schema = byKey.get(key) as T | undefined;
	if (!schema) {
		// Models change rarely; a bound keeps a long-lived server from collecting old ones forever.
		if (byKey.size > 100) byKey.clear();
		byKey.set(key, (schema = make()));
	}
	return schema;
}

/** The body of an autosave: the version it is based on and the whole document, by the document's schema. */
export function parseSave<D>(
	name: string,
	schema: (e: Errors, step: number, criterionIds: number[]) => z.ZodType<D>,
	body: unknown,
	e: Errors,
	step: number,
	criterionIds: number[]
) {
	const save = cached(e, `${name}:${step}:${criterionIds.join(',')}`, () => z.object({ baseVersion: version(e), doc: schema(e, step, criterionIds) }));
	return validateDoc(save, body, criterionIds);
}

/** The form's version field as a number, or NaN (which the schemas refuse). */
export function formVersion(form: FormData): number {
	const raw = form.get('version');
	return typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

function formScore(form: FormData, criterionId: number): number | null {
	const raw = str(form.get(criterionKey(criterionId, 'score'))).trim();
	return raw === '' ? null : Number(raw);
}

/** Fields of criteria the cycle does not have: refused like a criterion of another cycle. */
function foreignCriteria(form: FormData, criterionIds: number[]): boolean {
	const known = new Set(criterionIds);
	for (const key of form.keys()) {
		const field = parseFieldKey(key);
		if (field?.kind === 'criterion' && !known.has(field.criterionId)) return true;
	}
	return false;
}

/** A list button the form posted (move, remove), applied before validating. */
function applyOp<T extends { criterionId: number; strengths: string[]; improvements: string[] }>(criteria: T[], form: FormData) {
	const button = parseListButton(str(form.get('op')));
	if (!button || button.op === 'use') return;
	const target = criteria.find((c) => c.criterionId === button.criterionId);
	if (target) target[button.list] = applyListOp(target[button.list], { op: button.op, index: button.index });
}

/** A criterion's lists as posted: each point a field of the list's name, in order. */
function formLists(form: FormData, criterionId: number) {
	return {
		strengths: form.getAll(criterionKey(criterionId, 'strengths')).map(str),
		improvements: form.getAll(criterionKey(criterionId, 'improvements')).map(str)
	};
}

export type Posted<D> = { foreign: true } | { foreign: false; raw: D };

/** The posted assessment form as the document an autosave sends, before validation (list buttons applied). */
export function assessmentFromForm(form: FormData, criterionIds: number[]): Posted<AssessmentDoc> {
	if (foreignCriteria(form, criterionIds)) return { foreign: true };
	const criteria = criterionIds.map((criterionId) => ({
		criterionId,
		score: formScore(form, criterionId),
		...formLists(form, criterionId),
		notes: str(form.get(criterionKey(criterionId, 'notes')))
	}));
	applyOp(criteria, form);
	return { foreign: false, raw: { notes: str(form.get(fieldKey({ kind: 'notes' }))), criteria } };
}

/** The posted consensus form, likewise; a recommendation other than yes, no or nothing stays as sent, to be refused. */
export function consensusFromForm(form: FormData, criterionIds: number[]): Posted<ConsensusDoc> {
	if (foreignCriteria(form, criterionIds)) return { foreign: true };
	const criteria = criterionIds.map((criterionId) => ({ criterionId, score: formScore(form, criterionId), ...formLists(form, criterionId) }));
	applyOp(criteria, form);
	const recommend = str(form.get(fieldKey({ kind: 'recommend' })));
	const date = str(form.get(siteVisitKey('date'))).trim();
	return {
		foreign: false,
		raw: {
			summary: str(form.get(fieldKey({ kind: 'summary' }))),
			recommendFinalist: (recommend === 'yes' ? true : recommend === 'no' ? false : recommend === '' ? null : recommend) as boolean | null,
			criteria,
			siteVisit: { date: date === '' ? null : date, participants: str(form.get(siteVisitKey('participants'))), findings: str(form.get(siteVisitKey('findings'))) }
		}
	};
}

/** The field of the page a zod path into a document points at (criteria, 3, score → criterion 12's score); null for the whole form. */
function fieldAt(path: PropertyKey[], criterionIds: number[]): DocField | null {
	const [head, second, third] = path;
	if (path.length === 1 && (head === 'notes' || head === 'summary')) return { kind: head };
	if (path.length === 1 && head === 'recommendFinalist') return { kind: 'recommend' };
	if (head === 'siteVisit' && (second === 'date' || second === 'participants' || second === 'findings')) return { kind: 'siteVisit', key: second };
	if (head !== 'criteria' || typeof second !== 'number') return null;
	const criterionId = criterionIds[second];
	if (criterionId === undefined || (third !== 'score' && third !== 'strengths' && third !== 'improvements' && third !== 'notes')) return null;
	return { kind: 'criterion', criterionId, key: third };
}

/**
 * A document validated (or an autosave's body, the document under `doc`): the first message per
 * field, keyed by the field's name on the page (`fieldKey`), '_form' for the document as a whole.
 */
function validateDoc<T>(schema: z.ZodType<T>, input: unknown, criterionIds: number[]): Validated<T> {
	return validate(schema, input, (path) => {
		const field = fieldAt(path[0] === 'doc' ? path.slice(1) : path, criterionIds);
		return field ? fieldKey(field) : '_form';
	});
}

/** A posted document validated; a criterion of another cycle is refused as a whole. */
export function validatePosted<D>(posted: Posted<D>, schema: z.ZodType<D>, e: Errors, criterionIds: number[]): Validated<D> {
	if (posted.foreign) return { ok: false, errors: { _form: e.criterion } };
	return validateDoc(schema, posted.raw, criterionIds);
}

/** What an autosave reads of its request: who sent it, the body's type, and the body as text. */
export interface SaveRequestIn {
	user: App.Locals['user'];
	contentType: string | null;
	text(): Promise<string>;
}

/** The JSON body of an autosave, or the answer that refuses it (signed out, not JSON). */
export async function readSaveBody(
	request: SaveRequestIn,
	e: Errors,
	signedOut: string
): Promise<{ ok: true; body: unknown } | { ok: false; answer: SaveAnswer<never> }> {
	const refuse = (status: 400 | 401 | 415, message: string) => ({ ok: false as const, answer: { status, body: { message } } });
	if (!request.user) return refuse(401, signedOut);
	if (!(request.contentType ?? '').startsWith('application/json')) return refuse(415, e.contentType);
	let text: string;
	try {
		text = await request.text();
	} catch {
		return refuse(400, e.badRequest);
	}
	const read = parseJson(text);
	return read.ok ? read : refuse(400, e.badRequest);
}

/** The first message of a failed validation, for a status line. */
export function firstMessage(errors: FieldErrors): string {
	return Object.values(errors)[0] ?? '';
}

/** The version-conflict view's radios ("take.criteria.12.score" = "theirs"): the fields to take from the saved version. */
export function conflictChoices(form: FormData): DocField[] {
	const fields: DocField[] = [];
	for (const [name, value] of form.entries()) {
		if (!name.startsWith('take.') || value !== 'theirs') continue;
		const field = parseFieldKey(name.slice(5));
		if (field) fields.push(field);
	}
	return fields;
}
