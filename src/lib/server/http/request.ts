import { error, type RequestEvent } from '@sveltejs/kit';
import { cleanText } from '$lib/domain/clean-text';
import { messagesOf } from './locale';

/**
 * The posted form, its texts cleaned (`cleanText`, the names of uploaded files too), or a clear
 * 400 instead of a crash when the body is not a form. Every form action reads its form here.
 */
export async function readForm(event: Pick<RequestEvent, 'request' | 'cookies'>): Promise<FormData> {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		error(400, messagesOf(event.cookies).errors.badForm);
	}
	const clean = new FormData();
	for (const [name, value] of form) clean.append(cleanText(name), typeof value === 'string' ? cleanText(value) : cleanFileName(value));
	return clean;
}

function cleanFileName(file: File): File {
	const name = cleanText(file.name);
	return name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified });
}

/**
 * A JSON body with every string in it cleaned (`cleanText`), or `{ ok: false }` when the body is
 * no JSON. The autosaves read their bodies here.
 */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
	try {
		return parseJson(await request.text());
	} catch {
		return { ok: false };
	}
}

/** `readJson` of a body already read as text. */
export function parseJson(text: string): { ok: true; body: unknown } | { ok: false } {
	try {
		return { ok: true, body: cleanStrings(JSON.parse(text)) };
	} catch {
		return { ok: false };
	}
}

/**
 * Every string in a parsed JSON value cleaned, in place: a third of the cost of a reviver
 * (bench/clean-text.bench.ts). JSON.parse makes even "__proto__" an own key, so writing to it
 * writes the key, not the prototype.
 */
function cleanStrings(value: unknown): unknown {
	if (typeof value === 'string') return cleanText(value);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = cleanStrings(value[i]);
	} else if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = cleanStrings(record[key]);
	}
	return value;
}

/** A text field as a trimmed string ('' when absent or a file). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}
