import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { readEntry } from '../access/entry-facts';
import { stockholmDay } from '$lib/domain/dates';
import { sv } from '$lib/i18n/sections/entries';
import { accountResponse, discardBody, uploadAccount, uploadTooLarge } from './account';

const m = sv;
const origin = 'https://utmarkelse.test';
let db: DB;
let dir: string;
let adminId: number;
let entryId: number;

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const entry = () => db.select().from(table.entry).where(eq(table.entry.id, entryId)).get()!;
const files = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const audits = () => db.select({ n: count() }).from(table.auditLog).where(eq(table.auditLog.action, 'entry.account')).get()!.n;

function form(file: File | null, fields: Record<string, string> = {}) {
	const data = new FormData();
	if (file) data.set('account', file);
	data.set('version', String(entry().version));
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-upload-'));
	process.env.FILES_DIR = dir;
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	const unitId = db.select().from(table.unit).where(eq(table.unit.name, 'Förskolan Ekorren')).get()!.id;
	entryId = db.select().from(table.entry).where(eq(table.entry.unitId, unitId)).get()!.id;
	// The seed stored the demo accounts in this directory too; start each test from an empty store.
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('uploading the written account', () => {
	it('stores a good PDF by its hash and records hash, safe name, size and today as received', async () => {
		const before = entry();
		const result = await uploadAccount(entryId, form(new File([PDF], 'Redovisning Ekorren.pdf', { type: 'application/pdf' })), adminId, m, origin);
		expect(result).toEqual({ ok: true, value: { id: entryId, created: true } });
		expect(entry()).toMatchObject({
			accountSha256: sha(PDF),
			accountFileName: 'Redovisning Ekorren.pdf',
			accountSize: PDF.length,
			accountReceivedDate: stockholmDay(new Date()),
			version: before.version + 1
		});
		expect(files()).toEqual([sha(PDF)]);
		expect(audits()).toBe(1);
	});

	it('keeps a given received day, and refuses one in the future', async () => {
		expect((await uploadAccount(entryId, form(new File([PDF], 'a.pdf'), { accountReceivedDate: '2026-05-11' }), adminId, m, origin)).ok).toBe(true);
		expect(entry().accountReceivedDate).toBe('2026-05-11');
		expect(await uploadAccount(entryId, form(new File([PDF], 'a.pdf'), { accountReceivedDate: '2999-05-11' }), adminId, m, origin)).toMatchObject({ ok: false, errors: { accountReceivedDate: m.future } });
	});

	it('refuses PNG bytes named x.pdf and sent as application/pdf', async () => {
		const before = entry();
		const result = await uploadAccount(entryId, form(new File([PNG], 'x.pdf', { type: 'application/pdf' })), adminId, m, origin);
		expect(result).toEqual({ ok: false, status: 400, errors: { account: m.upload.notPdf } });
		expect(entry()).toEqual(before);
		expect(files()).toEqual([]);
		expect(audits()).toBe(0);
	});

	it('refuses a 26 MB file', async () => {
		const big = new Uint8Array(26 * 1024 * 1024);
		big.set(PDF.subarray(0, 9));
		big.set(new TextEncoder().encode('%%EOF\n'), big.length - 6);
		const before = entry();
		const result = await uploadAccount(entryId, form(new File([big], 'stor.pdf', { type: 'application/pdf' })), adminId, m, origin);
		expect(result).toEqual({ ok: false, status: 413, errors: { account: m.upload.tooLarge } });
		expect(entry()).toEqual(before);
		expect(files()).toEqual([]);
	});

	it('refuses a 26 MB request by its declared length, before reading it', () => {
		const request = (length: number) =>
			new Request('http://x/admin/entries/1?/upload', { method: 'POST', headers: { 'content-length': String(length) } });
		expect(uploadTooLarge(request(26 * 1024 * 1024), m)).toEqual({ account: m.upload.tooLarge });
		expect(uploadTooLarge(request(2 * 1024 * 1024), m)).toBeNull();
	});

	it('drains a refused request’s body without keeping it, so the browser gets the answer', async () => {
		let pulled = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (pulled >= 26 * 1024 * 1024) return controller.close();
				pulled += 1024 * 1024;
				controller.enqueue(new Uint8Array(1024 * 1024));
			}
		});
		const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
		await discardBody(request);
		expect(pulled).toBe(26 * 1024 * 1024);
	});

	it('refuses an empty file and a missing one', async () => {
		const before = entry();
		expect(await uploadAccount(entryId, form(new File([], 'tom.pdf', { type: 'application/pdf' })), adminId, m, origin)).toEqual({ ok: false, status: 400, errors: { account: m.upload.empty } });
		expect(await uploadAccount(entryId, form(null), adminId, m, origin)).toEqual({ ok: false, status: 400, errors: { account: m.upload.missing } });
		expect(files()).toEqual([]);
		expect(entry()).toEqual(before);
		expect(audits()).toBe(0);
	});

	it('keeps only the base name of a file name with path parts, and refuses one that ends empty', async () => {
		expect((await uploadAccount(entryId, form(new File([PDF], '../x.pdf')), adminId, m, origin)).ok).toBe(true);
		expect(entry().accountFileName).toBe('x.pdf');
		expect((await uploadAccount(entryId, form(new File([PDF], 'C:\\a\\b.pdf')), adminId, m, origin)).ok).toBe(true);
		expect(entry().accountFileName).toBe('b.pdf');
		const before = entry();
		expect(await uploadAccount(entryId, form(new File([PDF], '../')), adminId, m, origin)).toEqual({ ok: false, status: 400, errors: { account: m.upload.badName } });
		expect(await uploadAccount(entryId, form(new File([PDF], 'C:\\a\\..')), adminId, m, origin)).toEqual({ ok: false, status: 400, errors: { account: m.upload.badName } });
		expect(entry()).toEqual(before);
	});

	it('stores the same content twice only once', async () => {
		const first = await uploadAccount(entryId, form(new File([PDF], 'första.pdf')), adminId, m, origin);
		const second = await uploadAccount(entryId, form(new File([PDF], 'andra.pdf')), adminId, m, origin);
		expect(first).toMatchObject({ ok: true, value: { created: true } });
		expect(second).toMatchObject({ ok: true, value: { created: false } });
		expect(files()).toEqual([sha(PDF)]);
		expect(entry().accountFileName).toBe('andra.pdf');
	});

	it('refuses a stale form before storing anything', async () => {
		const stale = form(new File([PDF], 'a.pdf'));
		stale.set('version', String(entry().version - 1 || 99));
		expect(await uploadAccount(entryId, stale, adminId, m, origin)).toEqual({ ok: false, status: 409, errors: { _form: m.v.conflict } });
		expect(files()).toEqual([]);
	});
});

describe('serving the account', () => {
	it('answers with the PDF inline, a safe UTF-8 file name and protective headers', async () => {
		await uploadAccount(entryId, form(new File([PDF], 'Förskolan Ekorren (2026).pdf')), adminId, m, origin);
		const ctx = readEntry(adminId, entryId)!;
		const response = accountResponse(ctx, new Request('http://x/'), false);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-length')).toBe(String(PDF.length));
		expect(response.headers.get('content-disposition')).toBe(
			`inline; filename="Forskolan Ekorren (2026).pdf"; filename*=UTF-8''F%C3%B6rskolan%20Ekorren%20%282026%29.pdf`
		);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toBe('sandbox');
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
		expect(accountResponse(ctx, new Request('http://x/'), true).headers.get('content-disposition')).toMatch(/^attachment; /);
		const etag = response.headers.get('etag')!;
		expect(accountResponse(ctx, new Request('http://x/', { headers: { 'if-none-match': etag } }), false).status).toBe(304);
	});

	it('answers 404 when there is no document', () => {
		db.update(table.entry).set({ accountSha256: null }).where(eq(table.entry.id, entryId)).run();
		expect(() => accountResponse(readEntry(adminId, entryId)!, new Request('http://x/'), false)).toThrow(expect.objectContaining({ status: 404 }));
	});
});
