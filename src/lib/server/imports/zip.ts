/**
 * A ZIP archive held in memory (an XLSX workbook is one): its entries as its central directory
 * lists them, and one entry's content as a stream of text, inflated a chunk at a time so that other
 * requests are served between chunks and a reader can stop early without unpacking the rest.
 */
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated; the only two methods office programs use. */
	method: number;
	compressedSize: number;
	/** The uncompressed size the archive declares; the content is held to it. */
	size: number;
	headerOffset: number;
}

/** Thrown when an entry cannot be read as it declares itself: a damaged or doctored archive. */
export class DamagedZipError extends Error {}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const STORED_CHUNK_BYTES = 64 * 1024;

/** ZIP archives start with a local file header, "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === LOCAL_HEADER;
}

/**
 * The entries, read from the central directory without unpacking anything; null when the directory
 * cannot be found or read. ZIP64 is read where an archive needs it (an archive package of more than
 * 65,535 files, or one past 4 GiB).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
		if (view.getUint32(i, true) === END_OF_DIRECTORY) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	let count = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	if (count === 0xffff || offset === 0xffffffff) {
		const zip64 = zip64Directory(view, end);
		if (!zip64) return null;
		({ count, offset } = zip64);
	}
	const entries: ZipEntry[] = [];
	const names = new TextDecoder('utf-8');
	for (let n = 0; n < count; n++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) return null;
		const nameLength = view.getUint16(offset + 28, true);
		const extraLength = view.getUint16(offset + 30, true);
		const wide = zip64Fields(view, offset + 46 + nameLength, extraLength);
		// In ZIP64 a field that does not fit holds 0xffffffff, and its value follows in the extra field, in this order.
		const field = (at: number) => {
			const value = view.getUint32(offset + at, true);
			return value === 0xffffffff ? (wide.shift() ?? null) : value;
		};
		const size = field(24);
		const compressedSize = field(20);
		const headerOffset = field(42);
		if (size === null || compressedSize === null || headerOffset === null) return null;
		const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
		entries.push({ name, method: view.getUint16(offset + 10, true), compressedSize, size, headerOffset });
		offset += 46 + nameLength + extraLength + view.getUint16(offset + 32, true);
	}
	return entries;
}

/** The ZIP64 end record's count and directory offset, through the locator just before the plain end record. */
function zip64Directory(view: DataView, end: number): { count: number; offset: number } | null {
	const locator = end - 20;
	if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
	const record = Number(view.getBigUint64(locator + 8, true));
	if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) return null;
	return { count: Number(view.getBigUint64(record + 32, true)), offset: Number(view.getBigUint64(record + 48, true)) };
}

/** The 64-bit values of an entry's ZIP64 extra field, if it has one. */
function zip64Fields(view: DataView, at: number, length: number): number[] {
	for (let i = at; i + 4 <= at + length; i += 4 + view.getUint16(i + 2, true)) {
		if (view.getUint16(i, true) !== ZIP64_EXTRA) continue;
		const values: number[] = [];
		for (let k = i + 4; k + 8 <= i + 4 + view.getUint16(i + 2, true); k += 8) values.push(Number(view.getBigUint64(k, true)));
		return values;
	}
	return [];
}

/** The entry's compressed bytes, found through its local header. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Buffer {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.headerOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new DamagedZipError(`no local header for ${entry.name}`);
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	if (start + entry.compressedSize > bytes.length) throw new DamagedZipError(`${entry.name} runs past the archive`);
	return Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
}

/**
 * The entry's whole content as bytes (the archive package's check reads its PDFs this way); throws
 * DamagedZipError like `entryText`.
 */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry): Buffer {
	const data = compressedData(bytes, entry);
	if (entry.method !== 0 && entry.method !== 8) throw new DamagedZipError(`${entry.name}: compression method ${entry.method}`);
	let content: Buffer;
	try {
		content = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
	} catch (error) {
		throw new DamagedZipError(`${entry.name}: ${(error as Error).message}`);
	}
	if (content.length !== entry.size) throw new DamagedZipError(`${entry.name} unpacks to ${content.length} bytes, not the ${entry.size} it declares`);
	return content;
}

/**
 * The entry's content as UTF-8 text, chunk by chunk (a character split between two chunks is kept
 * whole). Throws DamagedZipError when the data is corrupt or unpacks to more or less than the
 * archive declares, so a doctored size cannot make it unpack without bound.
 */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
	const data = compressedData(bytes, entry);
	const decoder = new StringDecoder('utf8');
	if (entry.method === 0) {
		if (entry.compressedSize !== entry.size) throw new DamagedZipError(`${entry.name}: stored with two sizes`);
		for (let i = 0; i < data.length; i += STORED_CHUNK_BYTES) {
			// Stored data needs no inflating, so nothing else would give the event loop a turn.
			if (i > 0) await nextTurn();
			yield decoder.write(data.subarray(i, i + STORED_CHUNK_BYTES));
		}
		yield decoder.end();
		return;
	}
	if (entry.method !== 8) throw new DamagedZipError(`${entry.name}: compression method ${entry.method}`);
	const inflater = createInflateRaw();
	inflater.end(data);
	let total = 0;
	try {
		for await (const chunk of inflater as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > entry.size) throw new DamagedZipError(`${entry.name} unpacks to more than it declares`);
			yield decoder.write(chunk);
		}
	} catch (error) {
		throw error instanceof DamagedZipError ? error : new DamagedZipError(`${entry.name}: ${(error as Error).message}`);
	} finally {
		inflater.destroy();
	}
	if (total !== entry.size) throw new DamagedZipError(`${entry.name} unpacks to less than it declares`);
	yield decoder.end();
}
