import { describe, expect, it } from 'vitest';
import {
	contentDisposition,
	declaredTooLarge,
	hasPdfHeader,
	hasPdfTrailer,
	MAX_DOCUMENT_BYTES,
	safeFileName,
	UPLOAD_OVERHEAD_BYTES
} from './documents';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('PDF content checks', () => {
	it('knows a PDF by its first bytes, not its name', () => {
		expect(hasPdfHeader(bytes('%PDF-1.7\n'))).toBe(true);
		expect(hasPdfHeader(bytes('%PDF'))).toBe(false);
		expect(hasPdfHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(false);
		expect(hasPdfHeader(bytes(' %PDF-1.4'))).toBe(false);
		expect(hasPdfHeader(new Uint8Array())).toBe(false);
	});

	it('finds %%EOF near the end only', () => {
		expect(hasPdfTrailer(bytes('...startxref\n123\n%%EOF'))).toBe(true);
		expect(hasPdfTrailer(bytes('...%%EOF\r\n'))).toBe(true);
		expect(hasPdfTrailer(bytes('%%EOF' + ' '.repeat(1019)))).toBe(true);
		expect(hasPdfTrailer(bytes('%%EOF' + ' '.repeat(1020)))).toBe(false);
		expect(hasPdfTrailer(bytes('%%EO'))).toBe(false);
	});
});

describe('declared request size', () => {
	it('refuses a body that is declared larger than the limit and the form around it', () => {
		expect(declaredTooLarge(String(26 * 1024 * 1024))).toBe(true);
		expect(declaredTooLarge(String(MAX_DOCUMENT_BYTES + UPLOAD_OVERHEAD_BYTES))).toBe(false);
		expect(declaredTooLarge(String(MAX_DOCUMENT_BYTES + UPLOAD_OVERHEAD_BYTES + 1))).toBe(true);
		expect(declaredTooLarge(null)).toBe(false);
		expect(declaredTooLarge('abc')).toBe(false);
	});
});

describe('safe file names', () => {
	it.each([
		['../x.pdf', 'x.pdf'],
		['C:\\a\\b.pdf', 'b.pdf'],
		['/etc/passwd', 'passwd.pdf'],
		['..\\..\\Redovisning 2026.PDF', 'Redovisning 2026.PDF'],
		['Skriftlig redovisning Förskolan Ekorren.pdf', 'Skriftlig redovisning Förskolan Ekorren.pdf'],
		['  .hidden.pdf ', 'hidden.pdf'],
		['a<b>:c"d|e?f*.pdf', 'abcdef.pdf'],
		['rapport\u202Efdp.exe', 'rapportfdp.exe.pdf'],
		['tab\tand\nnewline.pdf', 'tab and newline.pdf'],
		['name. . .pdf', 'name.pdf']
	])('%j → %j', (raw, safe) => {
		expect(safeFileName(raw)).toBe(safe);
	});

	it.each(['', '../', 'C:\\a\\', '..', '.pdf', '...pdf', '   ', '\u202E'])('refuses %j, which ends empty', (raw) => {
		expect(safeFileName(raw)).toBeNull();
	});

	it('keeps at most 150 characters before the extension', () => {
		expect(safeFileName('å'.repeat(400) + '.pdf')).toBe('å'.repeat(150) + '.pdf');
	});
});

describe('Content-Disposition', () => {
	it('gives an ASCII name and the UTF-8 name', () => {
		expect(contentDisposition('inline', 'Skriftlig redovisning Förskolan (Ekorren).pdf')).toBe(
			`inline; filename="Skriftlig redovisning Forskolan (Ekorren).pdf"; filename*=UTF-8''Skriftlig%20redovisning%20F%C3%B6rskolan%20%28Ekorren%29.pdf`
		);
		expect(contentDisposition('attachment', 'a"b\\c.pdf')).toMatch(/^attachment; filename="a_b_c.pdf"; filename\*=UTF-8''a%22b%5Cc.pdf$/);
	});
});
