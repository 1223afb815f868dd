/**
 * Creating a cycle (with its model copied from an earlier year or the default) and editing its
 * settings and dates. Each write is one transaction with an audit entry; edits carry the version.
 */
import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate, type FieldErrors, type Validated } from '../http/validate';
import { CYCLE_DATE_FIELDS, checkCycleDates, type CycleDates } from '$lib/domain/cycle-dates';
import { DEFAULT_BAND_TEXTS, DEFAULT_CLASSES, DEFAULT_CRITERIA } from '$lib/domain/default-model';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '$lib/domain/scoring';
import { ANSWER_LIMIT_RANGE, DEFAULT_ANSWER_LIMIT } from '$lib/domain/account';
import { formatDate, type Locale, type Messages } from '$lib/i18n';
import type { Cycle } from './lookup';

export interface CycleSettings extends CycleDates {
	name: string;
	teamSize: number;
	defaultCapacity: number;
	accountAnswerLimit: number;
	scoresInFeedback: boolean;
}

export interface NewCycle extends CycleSettings {
	year: number;
	scaleStep: 5 | 10;
	divergenceThreshold: number;
	/** The cycle whose classes and criteria are copied, or the default model. */
	copyFrom: number | 'default';
}

const FIELDS = [
	'year',
	'name',
	...CYCLE_DATE_FIELDS,
	'scaleStep',
	'divergenceThreshold',
	'teamSize',
	'defaultCapacity',
	'accountAnswerLimit',
	'scoresInFeedback',
	'copyFrom'
] as const;

/** The posted values as strings, to validate and to show again in the form. */
export function cycleFormValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const name of FIELDS) {
		const v = form.get(name);
		values[name] = typeof v === 'string' ? v.trim().slice(0, 500) : '';
	}
	return values;
}

const int = (min: number, max: number, message: string) =>
	z
		.string()
		.regex(/^\d{1,6}$/, message)
		.transform(Number)
		.refine((n) => n >= min && n <= max, message);

function settingsShape(t: Messages['cycles'], a: Messages['accountForm']) {
	const day = z
		.string()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, t.errors.date)
		.transform((s) => (s === '' ? null : s));
	return {
		name: z.string().min(1, t.errors.name).max(120, t.errors.name),
		...(Object.fromEntries(CYCLE_DATE_FIELDS.map((f) => [f, day])) as Record<keyof CycleDates, typeof day>),
		teamSize: int(1, 8, t.errors.teamSize),
		defaultCapacity: int(1, 10, t.errors.defaultCapacity),
		accountAnswerLimit: int(ANSWER_LIMIT_RANGE.min, ANSWER_LIMIT_RANGE.max, a.limitError(ANSWER_LIMIT_RANGE.min, ANSWER_LIMIT_RANGE.max)),
		scoresInFeedback: z.string().transform((s) => s === 'on' || s === 'true')
	};
}

/** Field messages for dates out of order, outside the year, or impossible. */
function dateErrors(dates: CycleDates, year: number, m: Messages, locale: Locale): FieldErrors {
	const t = m.cycles;
	const errors: FieldErrors = {};
	for (const p of checkCycleDates(dates, year)) {
		errors[p.field] =
			p.kind === 'invalid'
				? t.errors.date
				: p.kind === 'year'
					? t.errors.dateYear(year)
					: t.errors.dateOrder(t.fields[p.earlier], formatDate(p.earlierDate, locale));
	}
	return errors;
}

function withDates<T extends CycleDates>(result: Validated<T>, year: number, m: Messages, locale: Locale): Validated<T> {
	if (!result.ok) return result;
	const errors = dateErrors(result.data, year, m, locale);
	return Object.keys(errors).length > 0 ? { ok: false, errors } : result;
}

export function parseNewCycle(values: Record<string, string>, m: Messages, locale: Locale): Validated<NewCycle> {
	const t = m.cycles;
	const schema = z.object({
		year: int(2000, 2100, t.errors.year),
		...settingsShape(t, m.accountForm),
		scaleStep: z.enum(['5', '10'], { message: t.errors.scaleStep }).transform((s) => Number(s) as 5 | 10),
		divergenceThreshold: int(5, 100, t.errors.divergenceThreshold),
		copyFrom: z
			.string()
			.regex(/^(default|\d{1,9})$/, t.errors.copyFrom)
			.transform((s) => (s === 'default' ? ('default' as const) : Number(s)))
	});
	const result = validate(schema, values);
	// Dates are checked against the year once the year itself is valid.
	const year = /^\d{4}$/.test(values.year ?? '') ? Number(values.year) : null;
	if (!result.ok) {
		const more = year === null ? {} : dateErrors(datesOf(values), year, m, locale);
		return { ok: false, errors: { ...more, ...result.errors } };
	}
	return withDates(result, result.data.year, m, locale);
}

export function parseCycleSettings(values: Record<string, string>, year: number, m: Messages, locale: Locale): Validated<CycleSettings> {
	const result = validate(z.object(settingsShape(m.cycles, m.accountForm)), values);
	if (!result.ok) return { ok: false, errors: { ...dateErrors(datesOf(values), year, m, locale), ...result.errors } };
	return withDates(result, year, m, locale);
}

/** Only well-formed dates, for checking their order while other fields have errors. */
function datesOf(values: Record<string, string>): CycleDates {
	return Object.fromEntries(
		CYCLE_DATE_FIELDS.map((f) => [f, /^\d{4}-\d{2}-\d{2}$/.test(values[f] ?? '') ? values[f] : null])
	) as CycleDates;
}

/** What the create form starts with: the year after the latest, its settings, copying its model. */
export function newCycleDefaults(): Record<string, string> {
	const latest = db().select().from(table.cycle).orderBy(desc(table.cycle.year)).get();
	const year = latest ? latest.year + 1 : new Date().getFullYear();
	return {
		year: String(year),
		name: `Kvalitetsutmärkelsen ${year}`,
		...Object.fromEntries(CYCLE_DATE_FIELDS.map((f) => [f, ''])),
		scaleStep: String(latest?.scaleStep ?? 5),
		divergenceThreshold: String(latest?.divergenceThreshold ?? DEFAULT_DIVERGENCE_THRESHOLD),
		teamSize: String(latest?.teamSize ?? 3),
		defaultCapacity: String(latest?.defaultCapacity ?? 2),
		accountAnswerLimit: String(latest?.accountAnswerLimit ?? DEFAULT_ANSWER_LIMIT),
		scoresInFeedback: latest?.scoresInFeedback ? 'on' : '',
		copyFrom: latest ? String(latest.id) : 'default'
	};
}

export function cycleValues(cycle: Cycle): Record<string, string> {
	return {
		name: cycle.name,
		...Object.fromEntries(CYCLE_DATE_FIELDS.map((f) => [f, cycle[f] ?? ''])),
		teamSize: String(cycle.teamSize),
		defaultCapacity: String(cycle.defaultCapacity),
		accountAnswerLimit: String(cycle.accountAnswerLimit),
		scoresInFeedback: cycle.scoresInFeedback ? 'on' : ''
	};
}

export type CreateResult = { ok: true; id: number } | { ok: false; error: 'yearTaken' | 'copyFrom' };

export function createCycle(input: NewCycle, actorId: number): CreateResult {
	return db().transaction((tx) => {
		if (tx.select({ id: table.cycle.id }).from(table.cycle).where(eq(table.cycle.year, input.year)).get()) {
			return { ok: false, error: 'yearTaken' } as const;
		}
		const source = input.copyFrom === 'default' ? null : tx.select().from(table.cycle).where(eq(table.cycle.id, input.copyFrom)).get();
		if (source === undefined) return { ok: false, error: 'copyFrom' } as const;
		const { copyFrom: _copyFrom, ...fields } = input;
		const id = tx.insert(table.cycle).values({ ...fields, phase: 'preparation' }).returning({ id: table.cycle.id }).get().id;
		const copied = source ? copyModel(tx, source.id, id) : defaultModel(tx, id);
		appendAudit(tx, {
			actorId,
			cycleId: id,
			action: 'cycle.create',
			entityType: 'cycle',
			entityId: id,
			after: { ...fields, phase: 'preparation', modelFrom: source ? source.year : 'default', ...copied }
		});
		return { ok: true, id } as const;
	});
}

function copyModel(tx: Queryable, fromId: number, toId: number) {
	const classes = tx.select().from(table.awardClass).where(eq(table.awardClass.cycleId, fromId)).all();
	for (const { id: _id, cycleId: _c, version: _v, ...c } of classes) tx.insert(table.awardClass).values({ ...c, cycleId: toId }).run();
	const criteria = tx.select().from(table.criterion).where(eq(table.criterion.cycleId, fromId)).all();
	for (const { id: _id, cycleId: _c, version: _v, ...c } of criteria) tx.insert(table.criterion).values({ ...c, cycleId: toId }).run();
	return { classes: classes.length, criteria: criteria.length };
}

function defaultModel(tx: Queryable, cycleId: number) {
	DEFAULT_CLASSES.forEach((c, i) => tx.insert(table.awardClass).values({ ...c, cycleId, sortOrder: i }).run());
	DEFAULT_CRITERIA.forEach((c, i) =>
		tx.insert(table.criterion).values({ ...c, cycleId, bandTexts: DEFAULT_BAND_TEXTS[c.kind], sortOrder: i }).run()
	);
	return { classes: DEFAULT_CLASSES.length, criteria: DEFAULT_CRITERIA.length };
}

export type UpdateResult = { ok: true } | { ok: false; error: 'notFound' | 'conflict' | 'archived' };

export function updateCycle(id: number, version: number, input: CycleSettings, actorId: number): UpdateResult {
	return db().transaction((tx) => {
		const cycle = tx.select().from(table.cycle).where(eq(table.cycle.id, id)).get();
		if (!cycle) return { ok: false, error: 'notFound' } as const;
		if (cycle.version !== version) return { ok: false, error: 'conflict' } as const;
		if (cycle.phase === 'archived') return { ok: false, error: 'archived' } as const;
		const keys = Object.keys(input) as (keyof CycleSettings)[];
		const changed = keys.filter((k) => cycle[k] !== input[k]);
		tx.update(table.cycle)
			.set({ ...input, version: version + 1 })
			.where(eq(table.cycle.id, id))
			.run();
		appendAudit(tx, {
			actorId,
			cycleId: id,
			action: 'cycle.update',
			entityType: 'cycle',
			entityId: id,
			before: Object.fromEntries(changed.map((k) => [k, cycle[k]])),
			after: Object.fromEntries(changed.map((k) => [k, input[k]]))
		});
		return { ok: true } as const;
	});
}
