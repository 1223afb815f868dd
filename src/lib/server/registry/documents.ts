/**
 * The document store: written accounts kept by the SHA-256 of their content under FILES_DIR
 * (default `data/files`, outside the web root), so the same file uploaded twice is stored once and
 * a stored file can never be swapped under its name. Every write goes to a temporary file first,
 * is flushed to disk and then renamed into place, so a crash leaves either the whole file or none.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { copyFile, open, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { EOF_WINDOW_BYTES, hasPdfHeader, hasPdfTrailer, MAX_DOCUMENT_BYTES } from '../../domain/documents';

export type StoreRefusal = 'empty' | 'tooLarge' | 'notPdf';
export type StoreResult = { ok: true; sha256: string; size: number; created: boolean } | { ok: false; reason: StoreRefusal };

const SHA256 = /^[0-9a-f]{64}$/;

/** Read on every call, so a test or a script can point it elsewhere. */
export function filesDir(): string {
	return resolve(process.env.FILES_DIR ?? 'data/files');
}

/**
 * Where a document with this hash lives: sharded by its first two hex digits. A backup keeps its
 * copies of the files in the same layout, under its own folder.
 */
export function documentPath(sha256: string, dir = filesDir()): string {
	if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
	return join(dir, sha256.slice(0, 2), sha256);
}

/** Where uploads are written before they are complete; never a stored document. */
const TEMP_FOLDER = 'tmp';

function tempPath(dir = filesDir()): string {
	const temp = join(dir, TEMP_FOLDER);
	mkdirSync(temp, { recursive: true });
	return join(temp, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
}

/** Moves a flushed temporary file into place, or drops it when the content is already stored. */
function commit(temp: string, sha256: string): boolean {
	const target = documentPath(sha256);
	if (existsSync(target)) {
		rmSync(temp, { force: true });
		return false;
	}
	mkdirSync(dirname(target), { recursive: true });
	renameSync(temp, target);
	return true;
}

/** Stores a PDF held in memory (the demo seed, tests); same checks as an upload. */
export function storePdfBytes(bytes: Uint8Array): StoreResult {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'tooLarge' };
	if (!hasPdfHeader(bytes.subarray(0, 5)) || !hasPdfTrailer(bytes.subarray(-EOF_WINDOW_BYTES))) {
		return { ok: false, reason: 'notPdf' };
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	if (existsSync(documentPath(sha256))) return { ok: true, sha256, size: bytes.length, created: false };
	const temp = tempPath();
	try {
		const fd = openSync(temp, 'wx');
		try {
			writeSync(fd, bytes);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		return { ok: true, sha256, size: bytes.length, created: commit(temp, sha256) };
	} finally {
		rmSync(temp, { force: true });
	}
}

/**
 * Stores an uploaded PDF as it streams in: refuses it as soon as the first bytes are not `%PDF-`
 * or the size passes the limit, without reading the rest; checks `%%EOF` at the end.
 */
export function storePdfStream(stream: ReadableStream<Uint8Array>, max = MAX_DOCUMENT_BYTES): Promise<StoreResult> {
	return storeCheckedStream(stream, max, { head: hasPdfHeader, complete: (head, tail) => hasPdfHeader(head) && hasPdfTrailer(tail) });
}

/** Enough of a file's start to tell a PDF (5 bytes) from a PNG (8) or a JPEG (3). */
const HEAD_BYTES = 8;

/** How a stored kind of file is told by its content: its first bytes, and the whole file's first and last bytes. */
export interface ContentCheck {
	head(first: Uint8Array): boolean;
	complete(head: Uint8Array, tail: Uint8Array): boolean;
}

/**
 * Stores an upload as it streams in, refused as soon as its first bytes are not what `check`
 * accepts or its size passes `max`; the account's attachments (PDF or image) are stored this way.
 */
export async function storeCheckedStream(stream: ReadableStream<Uint8Array>, max: number, check: ContentCheck): Promise<StoreResult> {
	const reader = stream.getReader();
	const temp = tempPath();
	const file = await open(temp, 'wx');
	const hash: Hash = createHash('sha256');
	let size = 0;
	let head: Uint8Array = new Uint8Array(0);
	let tail: Uint8Array = new Uint8Array(0);
	const refuse = async (reason: StoreRefusal): Promise<StoreResult> => {
		await reader.cancel().catch(() => undefined);
		return { ok: false, reason };
	};
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			if (!value || value.length === 0) continue;
			size += value.length;
			if (size > max) return await refuse('tooLarge');
			if (head.length < HEAD_BYTES) {
				head = concat(head, value.subarray(0, HEAD_BYTES - head.length));
				if (head.length === HEAD_BYTES && !check.head(head)) return await refuse('notPdf');
			}
			hash.update(value);
			await file.write(value);
			tail = concat(tail, value).slice(-EOF_WINDOW_BYTES);
		}
		if (size === 0) return { ok: false, reason: 'empty' };
		if (!check.complete(head, tail)) return { ok: false, reason: 'notPdf' };
		await file.sync();
		await file.close();
		const sha256 = hash.digest('hex');
		return { ok: true, sha256, size, created: commit(temp, sha256) };
	} finally {
		await file.close().catch(() => undefined);
		rmSync(temp, { force: true });
	}
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

/** A stored document as a web stream with its size, or null when the file is missing. */
export function readDocument(sha256: string): { body: ReadableStream<Uint8Array>; size: number } | null {
	const path = documentPath(sha256);
	if (!existsSync(path)) return null;
	const size = statSync(path).size;
	return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size };
}

/** Copies a file and flushes the copy to disk before returning. */
export async function copyDurably(source: string, target: string): Promise<void> {
	await copyFile(source, target);
	const file = await open(target, 'r+');
	await file.sync().finally(() => file.close());
}

export interface StoredDocument {
	/** The name it is stored under, which is the SHA-256 its content should have. */
	sha256: string;
	path: string;
	bytes: number;
}

/**
 * The documents stored under `dir` (FILES_DIR, or a backup's copy), by name; `strays` are the
 * other files found there, outside the temporary folder of uploads in progress.
 */
export async function listDocuments(dir = filesDir()): Promise<{ documents: StoredDocument[]; strays: string[] }> {
	const documents: StoredDocument[] = [];
	const strays: string[] = [];
	if (!existsSync(dir)) return { documents, strays };
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isDirectory()) continue;
		const path = join(entry.parentPath, entry.name);
		const name = relative(dir, path);
		if (name.split(/[/\\]/)[0] === TEMP_FOLDER) continue;
		if (SHA256.test(entry.name) && documentPath(entry.name, dir) === path && entry.isFile()) {
			documents.push({ sha256: entry.name, path, bytes: (await stat(path)).size });
		} else strays.push(name);
	}
	return { documents: documents.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)), strays: strays.sort() };
}

/**
 * Puts a copy of a file whose content is known to hash to `sha256` into the store under `dir`,
 * replacing what is there (a restore mends a damaged file this way): written beside it and
 * flushed first, then renamed into place, so the store never holds half a file.
 */
export async function putDocumentCopy(source: string, sha256: string, dir = filesDir()): Promise<void> {
	const temp = tempPath(dir);
	try {
		await copyDurably(source, temp);
		const target = documentPath(sha256, dir);
		mkdirSync(dirname(target), { recursive: true });
		renameSync(temp, target);
	} finally {
		rmSync(temp, { force: true });
	}
}
