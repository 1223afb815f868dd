/**
 * Writes a ZIP file one entry at a time, the same bytes for the same entries: every entry carries
 * one fixed time, names are UTF-8, and nothing about the machine or the moment goes in. PDFs are
 * stored as they are (they are compressed inside already; deflating them again costs time and saves
 * next to nothing), everything else is deflated. A package past 4 GiB or 65,535 files gets the
 * ZIP64 records it then needs, and only those: an entry that starts past 4 GiB carries its offset
 * in a ZIP64 field, and the end of the directory says where the ZIP64 end record is. A smaller
 * package is plain ZIP, as older archive tools read it. One file of 4 GiB or more is refused.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const deflate = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const UTF8_NAMES = 0x0800;
/** A 32-bit field's largest value, which in ZIP64 means "see the ZIP64 record". */
const LIMIT = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const VERSION = 20;
const VERSION_ZIP64 = 45;
/** 1 January 2000, 00:00, in MS-DOS form: a fixed time, so that the bytes depend on the content alone. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

export class ZipTooLargeError extends Error {}

interface Written {
	name: Buffer;
	method: number;
	crc: number;
	compressed: number;
	size: number;
	offset: number;
}

export interface ZipWriter {
	add(name: string, content: Uint8Array): Promise<void>;
	/** Writes the central directory, flushes and closes the file; returns its size. */
	close(): Promise<number>;
	/** Closes the file without finishing it (after a failure). */
	abort(): Promise<void>;
}

export async function createZip(path: string): Promise<ZipWriter> {
	const file: FileHandle = await open(path, 'wx');
	const entries: Written[] = [];
	let offset = 0;
	const write = async (bytes: Uint8Array) => {
		await file.write(bytes);
		offset += bytes.length;
	};
	return {
		async add(name, content) {
			if (content.length >= LIMIT) throw new ZipTooLargeError(`${name} är större än 4 GB.`);
			const method = name.toLowerCase().endsWith('.pdf') ? 0 : 8;
			const data = method === 8 ? await deflate(content, { level: 6 }) : content;
			if (data.length >= LIMIT) throw new ZipTooLargeError(`${name} är större än 4 GB.`);
			const entry: Written = { name: Buffer.from(name, 'utf8'), method, crc: crc32(content), compressed: data.length, size: content.length, offset };
			const header = Buffer.alloc(30);
			header.writeUInt32LE(LOCAL_HEADER, 0);
			header.writeUInt16LE(VERSION, 4);
			header.writeUInt16LE(UTF8_NAMES, 6);
			header.writeUInt16LE(method, 8);
			header.writeUInt16LE(DOS_TIME, 10);
			header.writeUInt16LE(DOS_DATE, 12);
			header.writeUInt32LE(entry.crc, 14);
			header.writeUInt32LE(entry.compressed, 18);
			header.writeUInt32LE(entry.size, 22);
			header.writeUInt16LE(entry.name.length, 26);
			header.writeUInt16LE(0, 28);
			await write(Buffer.concat([header, entry.name]));
			await write(data);
			entries.push(entry);
		},
		async close() {
			const start = offset;
			const directory = Buffer.concat(entries.map(centralRecord));
			const zip64 = entries.length >= MAX_ENTRIES || start >= LIMIT || directory.length >= LIMIT;
			const tail: Buffer[] = [directory];
			if (zip64) tail.push(zip64End(entries.length, directory.length, start, start + directory.length));
			const end = Buffer.alloc(22);
			end.writeUInt32LE(END_OF_DIRECTORY, 0);
			end.writeUInt16LE(Math.min(entries.length, MAX_ENTRIES), 8);
			end.writeUInt16LE(Math.min(entries.length, MAX_ENTRIES), 10);
			end.writeUInt32LE(Math.min(directory.length, LIMIT), 12);
			end.writeUInt32LE(Math.min(start, LIMIT), 16);
			tail.push(end);
			await write(Buffer.concat(tail));
			await file.sync();
			await file.close();
			return offset;
		},
		async abort() {
			await file.close().catch(() => undefined);
		}
	};
}

/** An entry's record in the central directory; one that starts past 4 GiB has its offset in a ZIP64 field. */
function centralRecord(e: Written): Buffer {
	const far = e.offset >= LIMIT;
	const extra = Buffer.alloc(far ? 12 : 0);
	if (far) {
		extra.writeUInt16LE(ZIP64_EXTRA, 0);
		extra.writeUInt16LE(8, 2);
		extra.writeBigUInt64LE(BigInt(e.offset), 4);
	}
	const record = Buffer.alloc(46);
	record.writeUInt32LE(CENTRAL_HEADER, 0);
	record.writeUInt16LE(far ? VERSION_ZIP64 : VERSION, 4);
	record.writeUInt16LE(far ? VERSION_ZIP64 : VERSION, 6);
	record.writeUInt16LE(UTF8_NAMES, 8);
	record.writeUInt16LE(e.method, 10);
	record.writeUInt16LE(DOS_TIME, 12);
	record.writeUInt16LE(DOS_DATE, 14);
	record.writeUInt32LE(e.crc, 16);
	record.writeUInt32LE(e.compressed, 20);
	record.writeUInt32LE(e.size, 24);
	record.writeUInt16LE(e.name.length, 28);
	record.writeUInt16LE(extra.length, 30);
	record.writeUInt32LE(far ? LIMIT : e.offset, 42);
	return Buffer.concat([record, e.name, extra]);
}

/** The ZIP64 end of the central directory and its locator, written at `at`, before the plain end record. */
function zip64End(count: number, directoryBytes: number, directoryStart: number, at: number): Buffer {
	const record = Buffer.alloc(56);
	record.writeUInt32LE(ZIP64_END_OF_DIRECTORY, 0);
	record.writeBigUInt64LE(44n, 4);
	record.writeUInt16LE(VERSION_ZIP64, 12);
	record.writeUInt16LE(VERSION_ZIP64, 14);
	record.writeBigUInt64LE(BigInt(count), 24);
	record.writeBigUInt64LE(BigInt(count), 32);
	record.writeBigUInt64LE(BigInt(directoryBytes), 40);
	record.writeBigUInt64LE(BigInt(directoryStart), 48);
	const locator = Buffer.alloc(20);
	locator.writeUInt32LE(ZIP64_LOCATOR, 0);
	locator.writeBigUInt64LE(BigInt(at), 8);
	locator.writeUInt32LE(1, 16);
	return Buffer.concat([record, locator]);
}
