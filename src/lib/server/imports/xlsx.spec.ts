import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readXlsxRows } from './xlsx';
import { isDateFormat, MAX_HELD_BYTES, openWorkbook, unescapeXstring, WorkbookError } from './workbook';

/** A ZIP archive of the given parts, each deflated unless `stored`; enough of the format for the reader. */
function zip(parts: Record<string, string | Buffer>, options: { stored?: boolean } = {}): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(parts)) {
		const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
		const data = options.stored ? raw : deflateRawSync(raw);
		const nameBytes = Buffer.from(name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(options.stored ? 0 : 8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(raw.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(options.stored ? 0 : 8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(raw.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(parts).length, 8);
	end.writeUInt16LE(Object.keys(parts).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** A workbook with the given sheets (XML of their sheetData) and optional shared strings and styles. */
function workbook(options: { sheets: string[]; order?: number[]; strings?: string; styles?: string; date1904?: boolean; stored?: boolean }) {
	const order = options.order ?? options.sheets.map((_, i) => i);
	const parts: Record<string, string> = {
		'_rels/.rels': PACKAGE_RELS,
		'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${order.map((i) => `<sheet name="Blad${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rY" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
	};
	options.sheets.forEach((data, i) => {
		parts[`xl/worksheets/sheet${i + 1}.xml`] = `\ufeff<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
	});
	if (options.strings !== undefined) parts['xl/sharedStrings.xml'] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.strings}</sst>`;
	if (options.styles !== undefined) parts['xl/styles.xml'] = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles}</styleSheet>`;
	return zip(parts, { stored: options.stored });
}

const cells = async (bytes: Uint8Array) => (await readXlsxRows(bytes)).rows.map((r) => [r.line, ...r.cells]);
const problem = (bytes: Uint8Array) =>
	readXlsxRows(bytes).then(
		() => 'read',
		(error) => (error instanceof WorkbookError ? error.problem : `unexpected: ${error}`)
	);

describe('the streaming workbook reader', () => {
	it('reads shared, inline and rich strings, booleans, errors and numbers; phonetic guides are left out', async () => {
		const bytes = workbook({
			strings: '<si><t>Förskolan Ekorren</t></si><si><r><t>Hägerstens</t></r><r><rPr><b/></rPr><t xml:space="preserve">åsen </t></r><rPh><t>ふりがな</t></rPh></si>',
			sheets: [
				'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline &amp; text</t></is></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c></row>' +
					'<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"/><c r="C3" t="e"><v>#N/A</v></c><c r="D3"><v>-1250000.5</v></c><c r="E3" t="str"><f>A1&amp;"x"</f><v>från formel</v></c></row>'
			]
		});
		expect(await cells(bytes)).toEqual([
			[1, 'Förskolan Ekorren', 'Inline & text', 'ja', 'nej'],
			[3, 'Hägerstensåsen ', '', '#N/A', '-1250000.5', 'från formel']
		]);
	});

	it('reads namespace prefixes, rows and cells without references, and a stored (uncompressed) archive', async () => {
		const sheet = '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row>';
		const prefixed = zip({
			'_rels/.rels': PACKAGE_RELS,
			'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="${REL}"><x:sheets><x:sheet name="A" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
			'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
			'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`
		});
		expect(await cells(prefixed)).toEqual([
			[1, 'a', '2'],
			[2, '', '', '3']
		]);
		const stored = workbook({ stored: true, sheets: ['<row r="1"><c r="A1" t="inlineStr"><is><t>Lagrad</t></is></c></row>'] });
		expect(await cells(stored)).toEqual([[1, 'Lagrad']]);
	});

	it('shows date-formatted numbers as days, in the 1900 and the 1904 date system', async () => {
		const styles =
			'<numFmts><numFmt numFmtId="164" formatCode="yyyy/mm/dd;@"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;kr&quot;"/></numFmts>' +
			'<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
		const row = '<row r="1"><c r="A1" s="1"><v>46160</v></c><c r="B1" s="2"><v>46160.75</v></c><c r="C1" s="3"><v>46160</v></c><c r="D1"><v>46160</v></c></row>';
		expect(await cells(workbook({ styles, sheets: [row] }))).toEqual([[1, '2026-05-18', '2026-05-18', '46160', '46160']]);
		expect(await cells(workbook({ styles, sheets: [row], date1904: true }))).toEqual([[1, '2030-05-19', '2030-05-19', '46160', '46160']]);
	});

	it('reads back Excel\'s escapes of characters XML cannot carry, and an escaped literal "_x"', () => {
		expect(unescapeXstring('a_x0000_b_xD800_c')).toBe('a\u0000b\ud800c');
		expect(unescapeXstring('_x005F_x0000_ och _x0009_')).toBe('_x0000_ och \t');
		expect(unescapeXstring('Förskolan_x_1')).toBe('Förskolan_x_1');
	});

	it('recognises date formats by their day, month, year or time parts, not by quoted or escaped text', () => {
		expect(['yyyy-mm-dd', 'd/m/yy', '[$-41D]mmmm yyyy', 'h:mm', 'dd"."mm'].map(isDateFormat)).toEqual([true, true, true, true, true]);
		expect(['General', '0.00', '#,##0 "kr"', '[Red]0.0', '0\\ \\d\\a\\g\\a\\r', '#,##0_);(#,##0)', '@'].map(isDateFormat)).toEqual(
			new Array(7).fill(false)
		);
	});

	it('takes the first sheet with content in the workbook’s order, not the archive’s', async () => {
		const bytes = workbook({
			order: [2, 1, 0],
			sheets: [
				'<row r="1"><c r="A1" t="inlineStr"><is><t>fil 1</t></is></c></row>',
				'<row r="4"><c r="A4" t="inlineStr"><is><t>flik 2</t></is></c></row>',
				'<row r="1"><c r="A1" t="inlineStr"><is><t>  </t></is></c></row>'
			]
		});
		expect(await cells(bytes)).toEqual([[4, 'flik 2']]);
	});

	it('keeps å, ä and ö whole where the unpacked text is split into chunks', async () => {
		const names = Array.from({ length: 4000 }, (_, i) => `Förskolan Åkeröäng ${i} – ”Ö”`);
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Enheter');
		for (const name of names) ws.addRow([name, name.toUpperCase()]);
		const { rows } = await readXlsxRows(new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(rows.map((r) => r.cells)).toEqual(names.map((n) => [n, n.toUpperCase()]));
	});

	it('reads the shared strings only as far as the rows read refer to them', async () => {
		const count = 20_000;
		const strings = Array.from({ length: count }, (_, i) => `<si><t>Enhet nummer ${i}</t></si>`).join('');
		const rows = Array.from({ length: count }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
		const bytes = workbook({ strings, sheets: [rows] });
		const read = await readXlsxRows(bytes, 10);
		expect(read.rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 10 }, (_, i) => `Enhet nummer ${i}`));
		const book = await openWorkbook(bytes);
		expect(book.sharedStrings.strings).toEqual([]);
		await book.sharedStrings.readUpTo(9);
		expect(book.sharedStrings.strings.length).toBeGreaterThanOrEqual(10);
		expect(book.sharedStrings.strings.length).toBeLessThan(count / 4);
		await book.sharedStrings.readUpTo(count + 5);
		expect(book.sharedStrings.strings.length).toBe(count);
		await book.sharedStrings.stop();
	});

	it('stops unpacking once it has the rows asked for', async () => {
		const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
		const read = await readXlsxRows(workbook({ sheets: [rows] }), 10);
		expect(read.rows.map((r) => r.cells[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect(read.rowsRead).toBe(10);
	});
});

describe('files the reader refuses, and why', () => {
	it('a ZIP archive whose main part is not a workbook, or that has none', async () => {
		const document = zip({
			'_rels/.rels': PACKAGE_RELS.replace('xl/workbook.xml', 'word/document.xml'),
			'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
			'word/_rels/document.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
		});
		expect(await problem(document)).toBe('notWorkbook');
		expect(await problem(zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }))).toBe(
			'notWorkbook'
		);
	});

	it('corrupt compressed data, XML that is not well-formed, or content larger than declared is damage', async () => {
		const good = workbook({ sheets: [`<row r="1">${'<c t="inlineStr"><is><t>text som upprepas</t></is></c>'.repeat(200)}</row>`] });
		expect(await problem(good)).toBe('read');
		const corrupt = new Uint8Array(good);
		const sheetAt = Buffer.from(good).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
		for (let i = sheetAt + 5; i < sheetAt + 40; i++) corrupt[i] ^= 0xff;
		expect(await problem(corrupt)).toBe('damagedWorkbook');
		expect(await problem(workbook({ sheets: ['<row r="1"><c r="A1"><v>1</v></row>'] }))).toBe('damagedWorkbook');

		// The central directory understates the sheet: it must not unpack past what it declared.
		const understated = new Uint8Array(good);
		const view = new DataView(understated.buffer);
		let end = understated.length - 22;
		while (view.getUint32(end, true) !== 0x06054b50) end--;
		let entry = view.getUint32(end + 16, true);
		for (;;) {
			const nameLength = view.getUint16(entry + 28, true);
			const name = Buffer.from(understated.subarray(entry + 46, entry + 46 + nameLength)).toString();
			if (name === 'xl/worksheets/sheet1.xml') break;
			entry += 46 + nameLength;
		}
		view.setUint32(entry + 24, 100, true);
		expect(await problem(understated)).toBe('damagedWorkbook');
	});

	it('shared strings larger than what is held in memory are refused before they are read', async () => {
		const bytes = workbook({ strings: `<si><t>${'x'.repeat(MAX_HELD_BYTES)}</t></si>`, sheets: ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'] });
		expect(await problem(bytes)).toBe('workbookTooLarge');
	});
});
