import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Runs a form's zod schema and keeps the first message per field, keyed by the field's path
 * ("name", "criteria.2.weight"), ready for `fail(400, { errors, values })`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_form';
		errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}
