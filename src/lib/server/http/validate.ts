import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { getRequestEvent } from '$app/server';
import type { Locale } from '$lib/i18n';
import { localeOf } from './locale';
import { zodMessage } from './zod-messages';

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The language of a request served before SvelteKit sees it (scoring/direct-autosave.ts). */
const directLocale = new AsyncLocalStorage<Locale>();

/** Runs `serve` in the language of a request that SvelteKit's request store does not hold. */
export function inLocale<T>(locale: Locale, serve: () => T): T {
	return directLocale.run(locale, serve);
}

/** The language of the request being served; Swedish outside one (scripts, tests). */
function requestLocale(): Locale {
	const direct = directLocale.getStore();
	if (direct) return direct;
	try {
		return localeOf(getRequestEvent().cookies);
	} catch {
		return 'sv';
	}
}

// Once for the whole server, and before any schema runs (every form parser imports this module):
// where a schema has no message of its own, zod asks this map instead of writing English.
z.config({ customError: (issue) => zodMessage(issue, requestLocale()) });

/**
 * Runs a form's zod schema and keeps the first message per field, keyed by the field's path
 * ("name", "criteria.2.weight") or by what `keyOf` makes of it, ready for `fail(400, { errors, values })`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, keyOf = (path: PropertyKey[]) => path.join('.') || '_form'): Validated<z.output<S>> {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) errors[keyOf(issue.path)] ??= issue.message;
	return { ok: false, errors };
}
