/**
 * Writes a ZIP file one entry at a time, the same bytes for the same entries: every entry carries
 * one fixed time, names are UTF-8, and nothing about the machine or the moment goes in. PDFs are
 * stored as they are (they are compressed inside already; deflating them again costs time and saves
 * next to nothing), everything else is deflated. No ZIP64: a package past 4 GB or 65,535 files is
 * refused with a message rather than written in a form older tools cannot open.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const deflate = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const LIMIT = 0xffffffff;
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
			if (entries.length >= 0xffff) throw new ZipTooLargeError('Paketet skulle få fler än 65 535 filer.');
			const method = name.toLowerCase().endsWith('.pdf') ? 0 : 8;
			const data = method === 8 ? await deflate(content, { level: 6 }) : content;
			const entry: Written = { name: Buffer.from(name, 'utf8'), method, crc: crc32(content), compressed: data.length, size: content.length, offset };
			if (offset + 30 + entry.name.length + data.length > LIMIT) throw new ZipTooLargeError('Paketet skulle bli större än 4 GB.');
			const header = Buffer.alloc(30);
			header.writeUInt32LE(LOCAL_HEADER, 0);
			header.writeUInt16LE(20, 4);
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
			const records = entries.map((e) => {
				const record = Buffer.alloc(46);
				record.writeUInt32LE(CENTRAL_HEADER, 0);
				record.writeUInt16LE(20, 4);
				record.writeUInt16LE(20, 6);
				record.writeUInt16LE(UTF8_NAMES, 8);
				record.writeUInt16LE(e.method, 10);
				record.writeUInt16LE(DOS_TIME, 12);
				record.writeUInt16LE(DOS_DATE, 14);
				record.writeUInt32LE(e.crc, 16);
				record.writeUInt32LE(e.compressed, 20);
				record.writeUInt32LE(e.size, 24);
				record.writeUInt16LE(e.name.length, 28);
				record.writeUInt32LE(e.offset, 42);
				return Buffer.concat([record, e.name]);
			});
			const directory = Buffer.concat(records);
			if (start + directory.length + 22 > LIMIT) throw new ZipTooLargeError('Paketet skulle bli större än 4 GB.');
			const end = Buffer.alloc(22);
			end.writeUInt32LE(END_OF_DIRECTORY, 0);
			end.writeUInt16LE(entries.length, 8);
			end.writeUInt16LE(entries.length, 10);
			end.writeUInt32LE(directory.length, 12);
			end.writeUInt32LE(start, 16);
			await write(Buffer.concat([directory, end]));
			await file.sync();
			await file.close();
			return offset;
		},
		async abort() {
			await file.close().catch(() => undefined);
		}
	};
}
