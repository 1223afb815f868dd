import { describe, expect, it } from 'vitest';
import { fileSlug, mediaTypeOf, packageProblems, sniffMediaType, MANIFEST_FORMAT, type ArchiveManifest, type UnpackedFile } from './archive';

const file = (path: string, sha256 = 'a'.repeat(64), bytes = 10) => ({ path, sha256, bytes, mediaType: mediaTypeOf(path) });
const manifest = (files: ReturnType<typeof file>[]): ArchiveManifest => ({
	format: MANIFEST_FORMAT,
	cycle: { id: 1, year: 2026, name: 'Kvalitetsutmärkelsen 2026', phase: 'archived' },
	auditLogUntil: null,
	files: files.map((f) => ({ ...f, origin: 'tool', title: f.path }))
});
const found = (...files: UnpackedFile[]) => [...files, file('manifest.json')];

describe('packageProblems', () => {
	const listed = [file('a.json'), file('b/c.pdf', 'b'.repeat(64), 20)];

	it('finds nothing when every listed file is there as listed, and nothing else', () => {
		expect(packageProblems(manifest(listed), found(...listed))).toEqual([]);
	});

	it('names a missing file, a wrong size, hash or type, an unlisted file and a missing manifest', () => {
		expect(packageProblems(manifest(listed), found(file('a.json', 'c'.repeat(64), 11), { ...file('x.csv'), path: 'x.csv' }))).toEqual([
			'a.json är 11 byte, manifestet säger 10.',
			'a.json har inte den SHA-256 som manifestet anger.',
			'b/c.pdf saknas i paketet.',
			'x.csv finns i paketet men inte i manifestet.'
		]);
		expect(packageProblems(manifest(listed), [listed[0], { ...listed[1], mediaType: 'application/octet-stream' }])).toEqual([
			'b/c.pdf är application/octet-stream, manifestet säger application/pdf.',
			'manifest.json saknas i paketet.'
		]);
	});

	it('names a file listed twice', () => {
		expect(packageProblems(manifest([listed[0], listed[0]]), found(listed[0]))).toEqual(['a.json står två gånger i manifestet.']);
	});
});

describe('sniffMediaType', () => {
	it('judges by the content, the name only choosing between texts', () => {
		expect(sniffMediaType('a.pdf', '%PDF-1.7')).toBe('application/pdf');
		expect(sniffMediaType('a.pdf', 'hello')).toBe('application/octet-stream');
		expect(sniffMediaType('a.json', '{"a":1}')).toBe('application/json');
		expect(sniffMediaType('a.json', '{"a":')).toBe('application/octet-stream');
		expect(sniffMediaType('index.html', '<!doctype html>\n<html>')).toBe('text/html; charset=utf-8');
		expect(sniffMediaType('a.csv', '\ufeffa;b\r\n')).toBe('text/csv; charset=utf-8');
		expect(sniffMediaType('a.csv', 'a\0b')).toBe('application/octet-stream');
		expect(sniffMediaType('a.exe', 'MZ')).toBe('application/octet-stream');
	});

	it('has a media type for every kind of file a package holds, and refuses others', () => {
		expect(['a.pdf', 'a.json', 'a.csv', 'a.html'].map(mediaTypeOf)).toEqual(['application/pdf', 'application/json', 'text/csv; charset=utf-8', 'text/html; charset=utf-8']);
		expect(() => mediaTypeOf('a.docx')).toThrow();
	});
});

describe('fileSlug', () => {
	it('keeps a name readable in plain ASCII, without dangling dashes when cut', () => {
		expect(fileSlug('Förskolan Ekorren, Älvsjö')).toBe('forskolan-ekorren-alvsjo');
		expect(fileSlug('  ***  ')).toBe('');
		expect(fileSlug('abc def', 4)).toBe('abc');
	});
});
