import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { DEFAULT_CRITERIA } from '../../domain/default-model';
import { hasPdfHeader, hasPdfTrailer } from '../../domain/documents';
import { demoAccountPdf, type DemoAccountUnit } from './account';
import { winAnsiCode, writePdf } from './pdf';

const unit: DemoAccountUnit = {
	index: 8,
	name: 'Förskolan Ekorren',
	organisation: 'Farsta stadsdelsförvaltning',
	className: 'Förskola',
	staff: 18,
	managerName: 'Åsa Öberg',
	year: 2026,
	receivedDate: '2026-05-12',
	deficit: false
};
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

describe('the minimal PDF writer', () => {
	it('maps Swedish letters to their WinAnsi codes', () => {
		expect(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é'].map(winAnsiCode)).toEqual([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9]);
		expect(winAnsiCode('–')).toBe(0x96);
		expect(winAnsiCode('”')).toBe(0x94);
		expect(winAnsiCode('A')).toBe(0x41);
		expect(winAnsiCode('✓')).toBe(0x3f);
	});

	it('writes a header, %%EOF and a cross-reference table whose offsets point at the objects', () => {
		const bytes = writePdf([{ kind: 'title', text: 'Åtta öar (och en å)' }], {
			title: 'T',
			author: 'A',
			subject: 'S',
			date: '2026-05-12',
			footer: 'F'
		});
		const text = latin1(bytes);
		expect(hasPdfHeader(bytes)).toBe(true);
		expect(hasPdfTrailer(bytes)).toBe(true);
		expect(text).toContain('(\\305tta \\366ar \\(och en \\345\\))');
		const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
		expect(text.slice(startxref, startxref + 4)).toBe('xref');
		const entries = text.slice(startxref).split('\n').filter((l) => / 00000 n $/.test(l));
		entries.forEach((line, i) => {
			const offset = Number(line.slice(0, 10));
			expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
		});
		for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
			const start = m.index! + m[0].length;
			expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 9)).toBe('endstream');
		}
	});

	it('gives the same bytes for the same account', () => {
		expect(demoAccountPdf(unit, DEFAULT_CRITERIA)).toEqual(demoAccountPdf(unit, DEFAULT_CRITERIA));
		expect(demoAccountPdf({ ...unit, index: 9 }, DEFAULT_CRITERIA)).not.toEqual(demoAccountPdf(unit, DEFAULT_CRITERIA));
	});

	it('is read by a real PDF parser as pages of Swedish text answering the questions', async () => {
		const parser = new PDFParse({ data: demoAccountPdf(unit, DEFAULT_CRITERIA) });
		const result = await parser.getText();
		const info = await parser.getInfo();
		await parser.destroy();
		expect(result.total).toBeGreaterThanOrEqual(3);
		expect(result.text).toContain('Skriftlig redovisning – Kvalitetsutmärkelsen 2026');
		expect(result.text).toContain('Förskolan Ekorren');
		expect(result.text).toContain('Åsa Öberg');
		for (const c of DEFAULT_CRITERIA) {
			expect(result.text).toContain(c.titleSv);
			for (const q of c.questions) expect(result.text).toContain(q);
		}
		expect(info.info?.Title).toBe('Skriftlig redovisning – Förskolan Ekorren');
	});
});
