import { describe, expect, it } from 'vitest';
import { readForm, readJson } from './request';

const cookies = { get: () => undefined } as never;
const post = (body: BodyInit, type?: string) =>
	new Request('http://localhost/x', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

describe('readJson', () => {
	it('cleans every string, however deep, and leaves numbers, booleans and null alone', async () => {
		const body = { n: 3, ok: true, none: null, text: 'a\u0000b\u202e', list: ['\ud800x', { deep: ['c\u2066d'] }] };
		expect(await readJson(post(JSON.stringify(body), 'application/json'))).toEqual({
			ok: true,
			body: { n: 3, ok: true, none: null, text: 'ab', list: ['\ufffdx', { deep: ['cd'] }] }
		});
	});

	it('keeps a key named "__proto__" a plain key', async () => {
		const read = await readJson(post('{"__proto__":{"polluted":"y\\u0000"},"a":"b"}'));
		expect(read.ok).toBe(true);
		const body = (read as { body: Record<string, unknown> }).body;
		expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: 'y' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses what is no JSON', async () => {
		expect(await readJson(post('{"a":'))).toEqual({ ok: false });
		expect(await readJson(post(''))).toEqual({ ok: false });
	});
});

describe('readForm', () => {
	it('cleans the names and values of the fields and the names of files, and keeps the files’ contents', async () => {
		const form = new FormData();
		// As a browser sends it: line breaks as CRLF.
		form.append('no\u0000te', 'Rad\u202e ett\r\nRad två 👍');
		form.append('no\u0000te', 'andra');
		form.append('file', new File(['%PDF-1.7 \u0000'], 'redovisning\u202egpj.pdf', { type: 'application/pdf' }));
		const clean = await readForm({ request: post(form), cookies });
		expect(clean.getAll('note')).toEqual(['Rad ett\r\nRad två 👍', 'andra']);
		const file = clean.get('file') as File;
		expect(file.name).toBe('redovisninggpj.pdf');
		expect(file.type).toBe('application/pdf');
		expect(await file.text()).toBe('%PDF-1.7 \u0000');
	});
});
