/**
 * Zod field builders shared by the register's forms (organisations, boards, units, entries), with
 * the Swedish messages of the `units.v` catalogue group. Forms arrive as strings; these turn them
 * into typed values or a message for the field.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { isIsoDay } from '$lib/domain/dates';
import { parseSwedishDecimal, parseSwedishInteger, TRI_STATES, fromTriState, type TriState } from '$lib/domain/form-values';
import type { Messages } from '$lib/i18n';
import type { FieldErrors } from '../http/validate';

export type V = Messages['units']['v'];

/** A use case's answer: the value, or messages per field with the HTTP status to fail with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409 | 413; errors: FieldErrors };

export const refused = (status: 400 | 404 | 409 | 413, errors: FieldErrors) => ({ ok: false, status, errors }) as const;

/** A record's id from the address, or 404 for anything that is not one. */
export function idParam(param: string): number {
	const id = Number(param);
	if (!/^\d{1,12}$/.test(param) || !Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not-found' });
	return id;
}

/** The posted text fields as trimmed strings (files and repeated names ignored), at most 2000 characters each. */
export function formStrings(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && !(name in values)) values[name] = value.trim().slice(0, 2000);
	}
	return values;
}

/** A posted text; a field the form did not send counts as empty. */
const posted = z
	.string()
	.optional()
	.transform((s) => s ?? '');

export function fields(v: V) {
	const requiredText = (max: number) => posted.pipe(z.string().trim().min(1, v.required).max(max, v.tooLong(max)));
	const optionalText = (max: number) =>
		posted.pipe(
			z
				.string()
				.trim()
				.max(max, v.tooLong(max))
				.transform((s) => (s === '' ? null : s))
		);
	/** A number in Swedish writing within [min, max]; `notNumber` when it is not one at all, null when empty. */
	const numberIn = (parse: (s: string) => number | null, notNumber: string) => (min: number, max: number, message: string) =>
		posted.transform((s, ctx) => {
			const n = parse(s);
			if (n === null) return null;
			if (Number.isNaN(n)) {
				ctx.addIssue({ code: 'custom', message: notNumber });
				return z.NEVER;
			}
			if (n < min || n > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});
	const integer = numberIn(parseSwedishInteger, v.notInteger);
	const decimal = numberIn(parseSwedishDecimal, v.notNumber);
	/** A row id from a select: a positive integer, or null when nothing is chosen. */
	const optionalId = posted.transform((s, ctx) => {
		if (s === '') return null;
		if (!/^\d{1,12}$/.test(s)) {
			ctx.addIssue({ code: 'custom', message: v.choose });
			return z.NEVER;
		}
		return Number(s);
	});
	const requiredId = posted.pipe(z.string().regex(/^\d{1,12}$/, v.choose).transform(Number));
	/** The version the form was read at; null for a form that creates. */
	const version = z
		.string()
		.optional()
		.transform((s, ctx) => {
			if (!s) return null;
			if (!/^\d{1,9}$/.test(s)) {
				ctx.addIssue({ code: 'custom', message: v.staleForm });
				return z.NEVER;
			}
			return Number(s);
		});
	const triState = posted
		.refine((s): s is TriState => (TRI_STATES as readonly string[]).includes(s), v.choose)
		.transform((s) => fromTriState(s as TriState));
	/** A calendar day 'YYYY-MM-DD' (what <input type="date"> sends), or null when empty. */
	const optionalDay = posted.transform((s, ctx) => {
		if (s === '') return null;
		if (!isIsoDay(s)) {
			ctx.addIssue({ code: 'custom', message: v.date });
			return z.NEVER;
		}
		return s;
	});
	return { requiredText, optionalText, integer, decimal, optionalId, requiredId, version, triState, optionalDay };
}
