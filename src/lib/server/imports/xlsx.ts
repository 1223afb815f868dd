/**
 * An Excel workbook → rows of cell texts, read as a stream: the workbook's small parts (its sheet
 * list, relationships, styles and shared strings) are read whole, then the first worksheet with
 * content is unpacked and parsed a chunk at a time, and reading stops as soon as the caller has the
 * rows it asked for. Real date cells become YYYY-MM-DD, numbers keep a decimal point (the number
 * parser reads both), formulas give their cached result, rich text its text, yes/no cells ja/nej.
 *
 * exceljs's own streaming reader is not used: it spills every sheet stored before the shared
 * strings (the order Excel and exceljs write) to a temporary file before reading a row of it, and
 * decodes each chunk on its own, garbling an å or ä split between two chunks.
 */
import { excelSerialToIsoDay } from './cells';
import { isBlankRow, type RawRow } from './csv';
import { MAX_CELL_CHARS, openWorkbook, unescapeXstring, WorkbookError, type Workbook } from './workbook';
import { MalformedXmlError, parseXml } from './xml';
import { DamagedZipError, type ZipEntry } from './zip';

/** Excel's own limit: a row holds at most 16 384 cells (column XFD). */
const MAX_COLUMNS = 16_384;

export interface SheetRows {
	/** The rows with content, each with the row number Excel shows. */
	rows: RawRow[];
	/** Rows taken from the sheets, blank ones included; reading stops once `maxRows` have content. */
	rowsRead: number;
}

/** The rows of the first worksheet (in the workbook's order) that has any; at most `maxRows` with content. */
export async function readXlsxRows(bytes: Uint8Array, maxRows = Infinity): Promise<SheetRows> {
	try {
		const book = await openWorkbook(bytes);
		try {
			let rowsRead = 0;
			for (const sheet of book.sheets) {
				const rows: RawRow[] = [];
				for await (const row of sheetRows(bytes, sheet, book)) {
					rowsRead++;
					if (isBlankRow(row)) continue;
					rows.push(row);
					if (rows.length >= maxRows) break;
				}
				if (rows.length > 0) return { rows, rowsRead };
			}
			return { rows: [], rowsRead };
		} finally {
			await book.sharedStrings.stop();
		}
	} catch (error) {
		if (error instanceof DamagedZipError || error instanceof MalformedXmlError) throw new WorkbookError('damagedWorkbook');
		throw error;
	}
}

/** "AB12" → 28 (1-based column), or 0 when the reference has no column letters. */
function columnOf(reference: string): number {
	let column = 0;
	for (let i = 0; i < reference.length; i++) {
		const code = reference.charCodeAt(i);
		if (code < 65 || code > 90) break;
		column = column * 26 + code - 64;
	}
	return column;
}

/** Days since 1904-01-01 in the Mac date system, since 1899-12-30 otherwise; '' outside Excel's dates. */
function dayText(serial: number, date1904: boolean): string {
	const days = serial + (date1904 ? 1462 : 0);
	return days >= 0 && days < 2_958_466 ? excelSerialToIsoDay(days) : '';
}

function cellText(type: string, value: string, style: number, book: Workbook): string {
	switch (type) {
		case 'b':
			return value === '' ? '' : Number(value) !== 0 ? 'ja' : 'nej';
		case 'str':
		case 'inlineStr':
			return unescapeXstring(value);
		case 'e':
		case 'd':
			return value;
		default: {
			if (value.trim() === '') return '';
			const number = Number(value);
			if (!Number.isFinite(number)) return '';
			return book.dateStyles[style] ? dayText(number, book.date1904) : String(number);
		}
	}
}

/** The rows of one worksheet as its XML is unpacked; stopping the loop stops the unpacking. */
async function* sheetRows(bytes: Uint8Array, entry: ZipEntry, book: Workbook): AsyncGenerator<RawRow> {
	const ready: RawRow[] = [];
	/** Cells that refer to a shared string, filled in once the strings are read that far. */
	const shared: { cells: string[]; at: number; index: number }[] = [];
	let row: RawRow | null = null;
	let lastLine = 0;
	let column = 0;
	let cell = { type: 'n', style: 0, value: '' };
	let capture = false;
	let inPhonetic = false;
	const parsing = parseXml(bytes, entry, {
		open(name, attributes) {
			if (name === 'row') {
				// Row and cell references may be left out; each then follows the one before.
				lastLine = Number(attributes.r) || lastLine + 1;
				row = { line: lastLine, cells: [] };
				column = 0;
			} else if (name === 'c' && row) {
				column = (attributes.r && columnOf(attributes.r)) || column + 1;
				if (column > MAX_COLUMNS) throw new WorkbookError('damagedWorkbook');
				cell = { type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '' };
			} else if (name === 'rPh') inPhonetic = true;
			else if (name === 'v' || (name === 't' && !inPhonetic)) capture = true;
		},
		text(value) {
			if (capture && cell.value.length < MAX_CELL_CHARS) cell.value += value;
		},
		close(name) {
			if (name === 'v' || name === 't') capture = false;
			else if (name === 'rPh') inPhonetic = false;
			else if (name === 'c' && row) {
				while (row.cells.length < column - 1) row.cells.push('');
				const shares = cell.type === 's' && cell.value.trim() !== '';
				if (shares) shared.push({ cells: row.cells, at: column - 1, index: Number(cell.value) });
				row.cells[column - 1] = shares ? '' : cellText(cell.type, cell.value.slice(0, MAX_CELL_CHARS), cell.style, book);
			} else if (name === 'row' && row) {
				ready.push(row);
				row = null;
			}
		}
	});
	for await (const _ of parsing) {
		if (shared.length > 0) {
			const { strings } = book.sharedStrings;
			await book.sharedStrings.readUpTo(shared.reduce((max, s) => Math.max(max, s.index), 0));
			for (const s of shared) s.cells[s.at] = strings[s.index] ?? '';
			shared.length = 0;
		}
		// Rows are handed on as each chunk is parsed; the generator is suspended while the caller has them.
		while (ready.length > 0) yield ready.shift()!;
	}
}
