import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { boolean, date, integer, money, percent, text } from './cells';
import { MAX_ROWS, readRawRows, readTable, type ColumnSpec } from './read-table';
import { describeIssue } from './issues';
import { MAX_UNPACKED_BYTES } from './workbook';
import { zipEntries } from './zip';
import { sv } from '$lib/i18n/sv';

const SPEC = {
	name: { header: 'Enhet', aliases: ['Enhetens namn'], required: true, cell: text(60), example: '' },
	staff: { header: 'Antal medarbetare', cell: integer(0), example: '' },
	share: { header: 'Andel Stockholmare (%)', cell: percent(), example: '' },
	result: { header: 'Resultat (kr)', cell: money(), example: '' },
	privatelyRun: { header: 'Privat driven', cell: boolean(), example: '' },
	received: { header: 'Inkommen', cell: date(), example: '' }
} satisfies ColumnSpec;

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
/** Windows-1252 bytes, as an older Excel saves "CSV (semikolonavgränsad)". */
function cp1252(s: string): Uint8Array {
	const high: Record<string, number> = { '€': 0x80, '–': 0x96, '”': 0x94 };
	return new Uint8Array([...s].map((c) => high[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

const EXPECTED = [
	{ name: 'Förskolan Ekorren', staff: 18, share: 51.5, result: -1250001, privatelyRun: true, received: '2026-05-18' },
	{ name: 'Hägerstensåsens skola', staff: 86, share: null, result: 1250000, privatelyRun: false, received: null }
];

const rowsOf = (sep: string, eol = '\n') =>
	[
		['Enhet', 'Antal medarbetare', 'Andel Stockholmare (%)', 'Resultat (kr)', 'Privat driven', 'Inkommen'],
		['Förskolan Ekorren', '18', '51,5', '-1 250 000,50', 'ja', '2026-05-18'],
		['Hägerstensåsens skola', '86', '', '1 250 000', 'nej', '']
	]
		.map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep))
		.join(eol) + eol;

async function read(bytes: Uint8Array) {
	return readTable(bytes, SPEC);
}

describe('CSV as offices send it', () => {
	it.each([
		['semicolon', ';'],
		['comma', ','],
		['tab', '\t']
	])('%s-separated, UTF-8 without BOM', async (_name, sep) => {
		const table = await read(utf8(rowsOf(sep)));
		expect(table.separator).toBe(sep);
		expect(table.encoding).toBe('utf-8');
		expect(table.fileIssues).toEqual([]);
		expect(table.rows.map((r) => r.values)).toEqual(EXPECTED);
		expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
		expect(table.rows.every((r) => r.issues.length === 0)).toBe(true);
	});

	it('UTF-8 with a byte-order mark and CRLF line ends', async () => {
		const table = await read(withBom(rowsOf(';', '\r\n')));
		expect(table.format).toBe('csv');
		expect(table.present).toContain('name');
		expect(table.rows.map((r) => r.values)).toEqual(EXPECTED);
	});

	it('Windows-1252 bytes with å ä ö, CRLF', async () => {
		const bytes = cp1252(rowsOf(';', '\r\n'));
		expect(bytes.includes(0xe5)).toBe(true); // å as one byte: not valid UTF-8
		const table = await read(bytes);
		expect(table.encoding).toBe('windows-1252');
		expect(table.rows.map((r) => r.values)).toEqual(EXPECTED);
	});

	it('Windows-1252 punctuation (€, –, ”) decodes to the real characters', async () => {
		const table = await read(cp1252('Enhet\r\nKök – ”Café” €\r\n'));
		expect(table.rows[0].values.name).toBe('Kök – ”Café” €');
	});

	it('UTF-16 with a mark (Excel’s "Unicode text") is tab-separated', async () => {
		const text = '\ufeff' + rowsOf('\t', '\r\n');
		const bytes = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			bytes[2 * i] = text.charCodeAt(i) & 0xff;
			bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
		}
		const table = await read(bytes.subarray(2));
		expect(table.rows.map((r) => r.values)).toEqual([]); // without its mark it is not text we read
		const marked = await read(bytes);
		expect(marked.encoding).toBe('utf-16le');
		expect(marked.rows.map((r) => r.values)).toEqual(EXPECTED);
	});

	it('quoted fields hold separators, quotes and line breaks; line numbers follow the file', async () => {
		const csv = [
			'Enhet;Antal medarbetare;Resultat (kr)',
			'"Förskolan ""Ekorren""; Farsta";18;"-1 250 000,50"',
			'"Skola',
			'på två rader";86;0',
			'',
			'Tredje;5;1'
		].join('\r\n');
		const table = await read(utf8(csv));
		expect(table.rows.map((r) => [r.line, r.values.name, r.values.staff, r.values.result])).toEqual([
			[2, 'Förskolan "Ekorren"; Farsta', 18, -1250001],
			[3, 'Skola på två rader', 86, 0],
			[6, 'Tredje', 5, 1]
		]);
	});

	it('headers match without case, by alias, in any order; unknown ones are listed', async () => {
		const table = await read(utf8('inkommen;ENHETENS NAMN ;Anteckning\n2026-05-18;Ekorren;x\n'));
		expect(table.fileIssues).toEqual([]);
		expect(table.ignoredHeaders).toEqual(['Anteckning']);
		expect(table.rows[0].values).toMatchObject({ name: 'Ekorren', received: '2026-05-18', staff: null });
	});

	it('Excel’s "sep=" line is honoured and counted', async () => {
		const table = await read(utf8('sep=,\nEnhet,Antal medarbetare\n"Ekorren, Farsta",18\n'));
		expect(table.rows.map((r) => [r.line, r.values.name, r.values.staff])).toEqual([[3, 'Ekorren, Farsta', 18]]);
	});

	it('every bad cell is reported with its line, column and a Swedish reason', async () => {
		const csv = 'Enhet;Antal medarbetare;Andel Stockholmare (%);Privat driven;Inkommen\n;tolv;101;kanske;2026-02-30\nEkorren;-3;50,5;ja;18/5\n';
		const table = await read(utf8(csv));
		const issues = table.rows.flatMap((r) => r.issues).map((i) => `${i.line} ${i.column}: ${describeIssue(i.issue, sv)}`);
		expect(issues).toEqual([
			'2 Enhet: Fyll i ett värde.',
			'2 Antal medarbetare: ”tolv” är inget tal.',
			'2 Andel Stockholmare (%): 101 ligger utanför 0–100. Skriv ett tal från 0 till 100.',
			'2 Privat driven: ”kanske” är varken ja eller nej.',
			'2 Inkommen: ”2026-02-30” är inget datum; skriv ÅÅÅÅ-MM-DD.',
			'3 Antal medarbetare: -3 är för litet. Skriv minst 0.',
			'3 Inkommen: ”18/5” är inget datum; skriv ÅÅÅÅ-MM-DD.'
		]);
	});

	it('file-level problems: empty, no rows, missing and doubled columns, unclosed quote, stray cells', async () => {
		const codes = async (s: string | Uint8Array) =>
			(await read(typeof s === 'string' ? utf8(s) : s)).fileIssues.map((i) => i.issue.code);
		expect(await codes(new Uint8Array())).toEqual(['empty']);
		expect(await codes('\r\n;;\r\n')).toEqual(['empty']);
		expect(await codes('Enhet;Inkommen\n')).toEqual(['noRows']);
		expect(await codes('Antal medarbetare\n5\n')).toEqual(['missingColumn']);
		expect(await codes('Enhet;Enhetens namn\na;b\n')).toEqual(['duplicateColumn']);
		expect(await codes('Enhet\nEkorren\n"Ohägnad\n')).toEqual(['unclosedQuote']);
		const stray = await read(utf8('Enhet;Antal medarbetare\nEkorren;5;extra\nSolen;6;;\n'));
		expect(stray.rows.map((r) => r.issues.map((i) => i.issue.code))).toEqual([['tooManyCells'], []]);
	});

	it('refuses more rows than the limit, reading no further than one row past it', async () => {
		const bytes = utf8('Enhet\na\n\nb\nc\nd\ne\n');
		// The header, a, the blank line, b and c (one past the limit): the last two rows are never parsed.
		expect((await readRawRows(bytes, 4)).rows.map((r) => r.cells[0])).toEqual(['Enhet', 'a', '', 'b', 'c']);
		const table = await readTable(bytes, SPEC, 2);
		expect(table.rowsRead).toBe(5);
		expect(table.fileIssues.map((i) => i.issue.code)).toEqual(['tooManyRows']);
		expect(table.rows).toEqual([]);
	});

	it('reads and checks a long file in slices, letting other requests in between', async () => {
		const lines = ['Enhet;Antal medarbetare;Inkommen', ...Array.from({ length: 5000 }, (_, i) => `Förskolan ${i};${i % 90};2026-05-18`)];
		let turns = 0;
		let reading = true;
		const count = () => {
			turns++;
			if (reading) setImmediate(count);
		};
		setImmediate(count);
		const table = await read(utf8(lines.join('\r\n')));
		reading = false;
		expect(table.rows.length).toBe(5000);
		// Every 250 rows read, and every 250 rows checked, the event loop gets a turn.
		expect(turns).toBeGreaterThanOrEqual(2 * (5000 / 250) - 1);
	});

	it('finds the separator from the first line that is not empty', async () => {
		for (const csv of ['\nEnhet,Antal medarbetare\nEkorren,18\n', '\r\n  \r\nEnhet\tAntal medarbetare\r\nEkorren\t18\r\n']) {
			const table = await read(utf8(csv));
			expect(table.fileIssues).toEqual([]);
			expect(table.rows.map((r) => [r.values.name, r.values.staff])).toEqual([['Ekorren', 18]]);
		}
	});

	it('a header row separated otherwise than it was read is named as such, not as missing columns', async () => {
		const said = async (bytes: Uint8Array) => (await read(bytes)).fileIssues.map((i) => `${i.line}: ${describeIssue(i.issue, sv)}`);
		// "sep=;" says semicolon, but the file uses commas.
		expect(await said(utf8('sep=;\nEnhet,Antal medarbetare\nEkorren,18\n'))).toEqual([
			'2: Rubrikraden ser ut att vara avgränsad med komma, men kolumnerna kunde inte skiljas åt. Spara filen som CSV med semikolon, komma eller tabb mellan kolumnerna, eller som Excel-arbetsbok med en rubrik i varje kolumn.'
		]);
		// A pipe is no separator we read; a comma file with each line in quotes.
		expect(await said(utf8('Enhet|Antal medarbetare|Inkommen\nEkorren|18|2026-05-18\n'))).toEqual([
			expect.stringMatching(/^1: Rubrikraden ser ut att vara avgränsad med lodstreck,/)
		]);
		expect(await said(utf8('"Enhet,""Antal medarbetare"""\n"Ekorren,18"\n'))).toEqual([
			expect.stringMatching(/^1: Rubrikraden ser ut att vara avgränsad med komma,/)
		]);
		// A semicolon file opened in an Excel that splits on commas, then saved as a workbook: all in column A.
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Blad1');
		ws.addRow(['Enhet;Antal medarbetare']);
		ws.addRow(['Ekorren;18']);
		expect(await said(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([
			expect.stringMatching(/^1: Rubrikraden ser ut att vara avgränsad med semikolon,/)
		]);
		// One known header is not enough to say so: then the missing column is the truthful message.
		expect((await read(utf8('Enhet|Anteckning\nEkorren|x\n'))).fileIssues.map((i) => i.issue.code)).toEqual(['missingColumn']);
	});
});

/** A PDF as pdfkit writes it; uncompressed, it is plain ASCII with no NUL byte, like many small PDFs. */
function pdf(compress: boolean): Promise<Uint8Array> {
	return new Promise((resolve) => {
		const doc = new PDFDocument({ compress });
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.text('Enhet;Antal medarbetare');
		doc.end();
	});
}

describe('files that are no table say what they are', () => {
	const said = async (bytes: Uint8Array) => (await read(bytes)).fileIssues.map((i) => describeIssue(i.issue, sv));

	it('a PDF, whatever its name, is not an Excel workbook or a CSV file', async () => {
		for (const bytes of [await pdf(false), await pdf(true)]) {
			expect((await read(bytes)).format).toBeNull();
			expect(await said(bytes)).toEqual([
				'Filen är en PDF, inte en Excel-arbetsbok (.xlsx) eller en CSV-fil. Spara tabellen som Excel-arbetsbok eller som CSV och försök igen.'
			]);
		}
	});

	it('binary content is no CSV file; an old .xls says which format it is in', async () => {
		// Every byte value but NUL, as in an image or an archive.
		const noise = new Uint8Array(4096).map((_, i) => ((i * 131) % 255) + 1);
		expect(noise.includes(0)).toBe(false);
		expect(await said(noise)).toEqual([
			'Filen är ingen textfil och ingen Excel-arbetsbok, så den kan inte vara en CSV-fil. Spara tabellen som CSV eller som Excel-arbetsbok (.xlsx) och försök igen.'
		]);
		expect(await said(new Uint8Array([0x25, 0x21, 0x00, 0x01]))).toEqual([expect.stringMatching(/^Filen är ingen textfil/)]);
		const xls = new Uint8Array(2048);
		xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(await said(xls)).toEqual([
			'Filen är i ett äldre Office-format (till exempel .xls från Excel 97–2003) eller lösenordsskyddad. Spara den som Excel-arbetsbok (.xlsx) utan lösenord, eller som CSV.'
		]);
		// A stray control character does not make a text file binary.
		expect((await read(utf8('Enhet;Antal medarbetare\nEkorren\u001a;18\n'))).fileIssues).toEqual([]);
	});
});

describe('XLSX', () => {
	async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
		const wb = new ExcelJS.Workbook();
		fill(wb.addWorksheet('Enheter'));
		wb.addWorksheet('Annat').addRow(['ska inte läsas']);
		return new Uint8Array(await wb.xlsx.writeBuffer());
	}

	it('round-trips typed cells: numbers, booleans, real dates, serial days and text', async () => {
		const bytes = await workbook((ws) => {
			ws.addRow(['Enhet', 'Antal medarbetare', 'Andel Stockholmare (%)', 'Resultat (kr)', 'Privat driven', 'Inkommen']);
			ws.addRow(['Förskolan Ekorren', 18, 51.5, '-1 250 000,50', true, new Date(Date.UTC(2026, 4, 18))]);
			ws.addRow([]);
			ws.addRow([{ richText: [{ text: 'Hägerstensåsens ' }, { text: 'skola' }] }, { formula: '80+6', result: 86 }, null, 1250000, 'nej', null]);
			ws.addRow(['Sena', 5, null, null, 'x', 46160]);
		});
		expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const table = await read(bytes);
		expect(table.format).toBe('xlsx');
		expect(table.fileIssues).toEqual([]);
		expect(table.rows.map((r) => r.line)).toEqual([2, 4, 5]);
		expect(table.rows.map((r) => r.values)).toEqual([
			...EXPECTED,
			{ name: 'Sena', staff: 5, share: null, result: null, privatelyRun: true, received: '2026-05-18' }
		]);
	});

	it('reports bad cells by their row number and a broken zip as a damaged workbook', async () => {
		const bytes = await workbook((ws) => {
			ws.addRow(['Enhet', 'Antal medarbetare']);
			ws.addRow(['Ekorren', 4.5]);
		});
		const table = await read(bytes);
		expect(table.rows[0].issues.map((i) => [i.line, i.column, i.issue.code])).toEqual([[2, 'Antal medarbetare', 'notInteger']]);
		const broken = await read(bytes.subarray(0, 200));
		expect(broken.fileIssues.map((i) => describeIssue(i.issue, sv))).toEqual([
			'Excel-arbetsboken är skadad eller ofullständig och kunde inte läsas. Öppna den i Excel, spara den på nytt och försök igen.'
		]);
	});

	it('a workbook of 60,000 rows is refused with the limit message after reading one row past the limit', async () => {
		// Written as a stream, as large exports are: the shared strings come after the sheet.
		const out = new PassThrough();
		const chunks: Buffer[] = [];
		out.on('data', (c: Buffer) => chunks.push(c));
		const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
		const ws = wb.addWorksheet('Enheter');
		ws.addRow(['Enhet', 'Antal medarbetare']).commit();
		for (let i = 1; i <= 60_000; i++) ws.addRow([`Förskolan ${i}`, i % 90]).commit();
		ws.commit();
		await wb.commit();
		const bytes = new Uint8Array(Buffer.concat(chunks));
		// The header and MAX_ROWS + 1 rows are read; the other 54,999 are never unpacked or parsed.
		const raw = await readRawRows(bytes, MAX_ROWS + 2);
		expect(raw.rows.length).toBe(MAX_ROWS + 2);
		expect(raw.rows.at(-1)).toEqual({ line: MAX_ROWS + 2, cells: [`Förskolan ${MAX_ROWS + 1}`, String((MAX_ROWS + 1) % 90)] });
		const table = await read(bytes);
		expect(table.rowsRead).toBe(MAX_ROWS + 2);
		expect(table.fileIssues.map((i) => describeIssue(i.issue, sv))).toEqual([
			expect.stringMatching(/^Filen har fler än 5\s000 rader\. Dela upp den i flera filer\.$/)
		]);
		expect(table.rows).toEqual([]);
	}, 60_000);
});

describe('XLSX safety', () => {
	it('refuses an archive that would unpack to more than the limit, before unzipping it', async () => {
		const unpackedSize = (bytes: Uint8Array) => zipEntries(bytes)!.reduce((sum, e) => sum + e.size, 0);
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('A').addRow(['Enhet']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		expect(unpackedSize(bytes)).toBeGreaterThan(0);
		// Claim a huge uncompressed size for the first entry in the central directory.
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		let end = bytes.length - 22;
		while (view.getUint32(end, true) !== 0x06054b50) end--;
		const first = view.getUint32(end + 16, true);
		view.setUint32(first + 24, MAX_UNPACKED_BYTES + 1, true);
		expect(unpackedSize(bytes)).toBeGreaterThan(MAX_UNPACKED_BYTES);
		const table = await readTable(bytes, SPEC);
		expect(table.fileIssues.map((i) => describeIssue(i.issue, sv))).toEqual([
			'Excel-arbetsboken blir för stor när den packas upp. Spara bara bladet med raderna i en ny arbetsbok, eller som CSV, och försök igen.'
		]);
	});
});
