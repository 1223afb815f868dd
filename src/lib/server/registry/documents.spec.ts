import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { MAX_DOCUMENT_BYTES } from '$lib/domain/documents';
import { documentPath, readDocument, storePdfBytes, storePdfStream } from './documents';

let dir: string;
const pdf = (body = 'hej') => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`);
const stored = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

/** A stream of `total` bytes in 64 KiB chunks that counts how much was pulled from it. */
function counted(first: Uint8Array, total: number) {
	const state = { pulled: 0 };
	let sent = 0;
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (sent >= total) return controller.close();
				const size = Math.min(64 * 1024, total - sent);
				const chunk = new Uint8Array(size);
				if (sent === 0) chunk.set(first.subarray(0, size));
				sent += size;
				state.pulled += size;
				controller.enqueue(chunk);
			}
		},
		{ highWaterMark: 0 }
	);
	return { stream, state };
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-docs-'));
	process.env.FILES_DIR = dir;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the document store', () => {
	it('stores a PDF under its SHA-256, once, and leaves no temporary file', async () => {
		const bytes = pdf();
		const sha = createHash('sha256').update(bytes).digest('hex');
		expect(storePdfBytes(bytes)).toEqual({ ok: true, sha256: sha, size: bytes.length, created: true });
		expect(documentPath(sha)).toBe(join(dir, sha.slice(0, 2), sha));
		expect(readFileSync(documentPath(sha))).toEqual(Buffer.from(bytes));
		const again = await storePdfStream(new Blob([bytes]).stream());
		expect(again).toEqual({ ok: true, sha256: sha, size: bytes.length, created: false });
		expect(stored()).toEqual([sha]);
		expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
	});

	it('refuses by content, size and emptiness, keeping nothing', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
		expect(storePdfBytes(png)).toEqual({ ok: false, reason: 'notPdf' });
		expect(await storePdfStream(new Blob([png]).stream())).toEqual({ ok: false, reason: 'notPdf' });
		expect(await storePdfStream(new Blob([new TextEncoder().encode('%PDF-1.4 but cut off')]).stream())).toEqual({ ok: false, reason: 'notPdf' });
		expect(await storePdfStream(new Blob([]).stream())).toEqual({ ok: false, reason: 'empty' });
		expect(storePdfBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
		expect(stored()).toEqual([]);
	});

	it('stops reading a stream as soon as it is too large or not a PDF', async () => {
		const big = counted(pdf(), 26 * 1024 * 1024);
		expect(await storePdfStream(big.stream)).toEqual({ ok: false, reason: 'tooLarge' });
		expect(big.state.pulled).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES + 2 * 64 * 1024);
		const fake = counted(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]), 10 * 1024 * 1024);
		expect(await storePdfStream(fake.stream)).toEqual({ ok: false, reason: 'notPdf' });
		expect(fake.state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
		expect(stored()).toEqual([]);
	});

	it('takes a PDF of exactly 25 MB', async () => {
		const bytes = new Uint8Array(MAX_DOCUMENT_BYTES);
		bytes.set(pdf().subarray(0, 9));
		bytes.set(new TextEncoder().encode('%%EOF\n'), MAX_DOCUMENT_BYTES - 6);
		const result = await storePdfStream(new Blob([bytes]).stream());
		expect(result).toMatchObject({ ok: true, size: MAX_DOCUMENT_BYTES });
	});

	it('reads a stored document back as a stream with its size', async () => {
		const result = storePdfBytes(pdf('läs mig'));
		if (!result.ok) throw new Error('not stored');
		const doc = readDocument(result.sha256)!;
		expect(doc.size).toBe(result.size);
		expect(new Uint8Array(await new Response(doc.body).arrayBuffer())).toEqual(pdf('läs mig'));
		expect(readDocument('0'.repeat(64))).toBeNull();
		expect(() => documentPath('../../etc/passwd')).toThrow();
	});
});
