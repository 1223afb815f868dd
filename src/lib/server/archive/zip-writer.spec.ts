import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZip } from './zip-writer';
import { entryBytes, zipEntries } from '../imports/zip';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-zip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ZIP64_END = Buffer.from([0x50, 0x4b, 0x06, 0x06]);

async function write(path: string, files: number): Promise<Buffer> {
	const zip = await createZip(path);
	for (let i = 0; i < files; i++) await zip.add(`filer/${String(i).padStart(5, '0')}.json`, Buffer.from(`{"n":${i}}`));
	await zip.close();
	return readFileSync(path);
}

describe('the archive ZIP writer', { timeout: 300_000 }, () => {
	it('writes a package of more than 65,535 files with ZIP64 records that a standard reader accepts', async () => {
		const path = join(dir, 'large.zip');
		const bytes = await write(path, 70_000);
		expect(bytes.includes(ZIP64_END)).toBe(true);
		// Info-ZIP's unzip tests every entry's CRC and reads the ZIP64 end record.
		const tested = execFileSync('unzip', ['-tq', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		expect(tested).toMatch(/No errors detected/);
		const listed = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n');
		expect(listed).toHaveLength(70_000);
		// The tool's own reader, which checks a package against its manifest, reads it too.
		const entries = zipEntries(bytes)!;
		expect(entries).toHaveLength(70_000);
		expect(entryBytes(bytes, entries[69_999]).toString()).toBe('{"n":69999}');
	});

	it('keeps a small package plain ZIP, as older archive tools read it', async () => {
		const bytes = await write(join(dir, 'small.zip'), 3);
		expect(bytes.includes(ZIP64_END)).toBe(false);
		expect(zipEntries(bytes)!.map((e) => e.name)).toEqual(['filer/00000.json', 'filer/00001.json', 'filer/00002.json']);
	});
});
