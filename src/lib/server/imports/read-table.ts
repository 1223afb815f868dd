/**
 * The reusable tabular reader: bytes of a CSV or XLSX file (told apart by content, not by name) →
 * typed rows with their line numbers, and every problem located by line and column. A column spec
 * names each column's Swedish header, its aliases, whether it is required and how its cells parse.
 *
 *   const UNITS = { name: { header: 'Enhet', required: true, cell: text(200), example: '…' }, … };
 *   const table = await readTable(bytes, UNITS);
 *   for (const row of table.rows) row.values.name; // string | null
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { hasPdfHeader } from '$lib/domain/documents';
import { cleanText } from '$lib/domain/clean-text';
import { decodeText, looksBinary, type TextEncoding } from './decode';
import { HEADER_SEPARATORS, isBlankRow, readCsv, ROWS_PER_TURN, type RawRow, type Separator } from './csv';
import { readXlsxRows } from './xlsx';
import { WorkbookError } from './workbook';
import { isZip } from './zip';
import type { Cell } from './cells';
import { at, issue, type Format, type Issue, type LocatedIssue } from './issues';

export interface Column<T> {
	/** The documented Swedish header. */
	header: string;
	/** Other headers accepted for the same column (older templates, common variants). */
	aliases?: readonly string[];
	/** The column must be in the header row and every row must have a value. */
	required?: boolean;
	cell: Cell<T>;
	/** Overrides the cell's format in the documentation (e.g. "an existing organisation"). */
	format?: Format;
	example: string;
}

export type ColumnSpec = Record<string, Column<any>>;
export type RowValues<S extends ColumnSpec> = { [K in keyof S]: S[K] extends Column<infer T> ? T | null : never };

export interface TableRow<S extends ColumnSpec> {
	line: number;
	values: RowValues<S>;
	/** The cells as written, by column key, for showing the row back to the person. */
	raw: Record<keyof S, string>;
	issues: LocatedIssue[];
}

export interface Table<S extends ColumnSpec> {
	format: 'csv' | 'xlsx' | null;
	encoding: TextEncoding | null;
	separator: Separator | null;
	headerLine: number | null;
	/** Rows read from the file: reading stops one row past the limit, so a long file is refused quickly. */
	rowsRead: number;
	/** Keys of the columns found in the header row. */
	present: (keyof S)[];
	/** Headers that match no column; they are not read. */
	ignoredHeaders: string[];
	/** Problems with the file as a whole: unreadable, no header, a missing column … */
	fileIssues: LocatedIssue[];
	rows: TableRow<S>[];
}

export const MAX_ROWS = 5000;

/** Header text compared without case, surrounding spaces, doubled spaces or a trailing "*". */
export function normaliseHeader(value: string): string {
	return value.normalize('NFC').replace(/\s+/g, ' ').replace(/\s*\*$/, '').trim().toLocaleLowerCase('sv');
}

export interface RawTable {
	format: 'csv' | 'xlsx' | null;
	encoding: TextEncoding | null;
	separator: Separator | null;
	rows: RawRow[];
	rowsRead: number;
	fileIssues: LocatedIssue[];
}

/** The compound file of Excel 97–2003 and older Office documents, also of password-protected workbooks. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The raw rows of a file (`readFileRows`), every cell cleaned (`cleanText`). */
export async function readRawRows(bytes: Uint8Array, maxRows = Infinity): Promise<RawTable> {
	const raw = await readFileRows(bytes, maxRows);
	for (const row of raw.rows) row.cells = row.cells.map(cleanText);
	return raw;
}

/**
 * The raw rows of a file, whichever kind its content shows it to be (never its name); reading stops
 * once `maxRows` rows have content. A file that is neither a workbook nor text says what it is.
 */
async function readFileRows(bytes: Uint8Array, maxRows: number): Promise<RawTable> {
	const refused = (format: RawTable['format'], found: Issue): RawTable => ({
		format,
		encoding: null,
		separator: null,
		rows: [],
		rowsRead: 0,
		fileIssues: [at(null, null, found)]
	});
	if (isZip(bytes)) {
		try {
			return { format: 'xlsx', encoding: null, separator: null, ...(await readXlsxRows(bytes, maxRows)), fileIssues: [] };
		} catch (error) {
			// Every other failure is also a file we cannot read, but is logged, since the reader should have named it.
			if (!(error instanceof WorkbookError)) console.error('import: unexpected failure reading a workbook', error);
			const problem = error instanceof WorkbookError ? error.problem : 'damagedWorkbook';
			return refused(problem === 'notWorkbook' ? null : 'xlsx', issue(problem));
		}
	}
	if (hasPdfHeader(bytes)) return refused(null, issue('pdfFile'));
	if (OLE2.every((b, i) => bytes[i] === b)) return refused(null, issue('legacyOfficeFile'));
	// UTF-16 text was recognised by its mark; without one its NUL bytes make it binary.
	const { text, encoding } = decodeText(bytes);
	if (looksBinary(text)) return refused(null, issue('binaryFile'));
	const csv = await readCsv(text, { maxRecords: maxRows });
	const fileIssues = csv.unclosedQuoteAt === null ? [] : [at(csv.unclosedQuoteAt, null, issue('unclosedQuote'))];
	return { format: 'csv', encoding, separator: csv.separator, rows: csv.rows, rowsRead: csv.rows.length, fileIssues };
}

export async function readTable<S extends ColumnSpec>(bytes: Uint8Array, spec: S, maxRows = MAX_ROWS): Promise<Table<S>> {
	const table: Table<S> = {
		format: null,
		encoding: null,
		separator: null,
		headerLine: null,
		rowsRead: 0,
		present: [],
		ignoredHeaders: [],
		fileIssues: [],
		rows: []
	};
	if (bytes.length === 0) return { ...table, fileIssues: [at(null, null, issue('empty'))] };
	// The header row and one row past the limit are all it takes to know that a file is too long.
	const raw = await readRawRows(bytes, maxRows + 2);
	Object.assign(table, { format: raw.format, encoding: raw.encoding, separator: raw.separator, rowsRead: raw.rowsRead });
	table.fileIssues.push(...raw.fileIssues);

	const rows = raw.rows.filter((r) => !isBlankRow(r));
	const header = rows.shift();
	if (!header) {
		if (table.fileIssues.length === 0) table.fileIssues.push(at(null, null, issue('empty')));
		return table;
	}
	table.headerLine = header.line;
	const positions = matchHeader(header, spec, table);
	if (rows.length === 0 && table.fileIssues.length === 0) table.fileIssues.push(at(header.line, null, issue('noRows')));
	if (rows.length > maxRows) {
		table.fileIssues.push(at(null, null, issue('tooManyRows', maxRows)));
		return table;
	}
	const width = header.cells.length;
	const columns = (Object.keys(spec) as (keyof S)[]).map((key) => ({ key, column: spec[key], position: positions.get(key) }));
	for (const [i, row] of rows.entries()) {
		if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
		table.rows.push(readRow(row, columns, width));
	}
	return table;
}

/** Finds each column's position by its header or an alias; reports missing and doubled columns. */
function matchHeader<S extends ColumnSpec>(header: RawRow, spec: S, table: Table<S>): Map<keyof S, number> {
	const byName = new Map<string, keyof S>();
	for (const key of Object.keys(spec) as (keyof S)[]) {
		for (const name of [spec[key].header, ...(spec[key].aliases ?? [])]) byName.set(normaliseHeader(name), key);
	}
	const positions = new Map<keyof S, number>();
	header.cells.forEach((cell, index) => {
		const name = normaliseHeader(cell);
		if (name === '') return;
		const key = byName.get(name);
		if (key === undefined) {
			table.ignoredHeaders.push(cell.trim());
		} else if (positions.has(key)) {
			table.fileIssues.push(at(header.line, spec[key].header, issue('duplicateColumn', spec[key].header)));
		} else {
			positions.set(key, index);
		}
	});
	const missing = (Object.keys(spec) as (keyof S)[]).filter((key) => spec[key].required && !positions.has(key));
	const separator = missing.length > 0 ? joinedHeaders(header, byName) : null;
	if (separator !== null) table.fileIssues.push(at(header.line, null, issue('headerSeparator', separator)));
	else for (const key of missing) table.fileIssues.push(at(header.line, spec[key].header, issue('missingColumn', spec[key].header)));
	table.present = [...positions.keys()];
	return positions;
}

/**
 * The character that joins known headers within one header cell ("Enhet,Förvaltning/bolag"): the
 * row is separated by something else than it was read with (a comma file saved with "sep=;", a
 * pipe, a whole line in quotes, a CSV pasted into one Excel column); null when no cell shows that.
 */
function joinedHeaders(header: RawRow, known: Map<string, unknown>): string | null {
	for (const cell of header.cells) {
		for (const separator of HEADER_SEPARATORS) {
			const parts = cell.split(separator).map((part) => normaliseHeader(part.replace(/^\s*"|"\s*$/g, '')));
			if (parts.filter((part) => known.has(part)).length >= 2) return separator;
		}
	}
	return null;
}

interface PlacedColumn<S extends ColumnSpec> {
	key: keyof S;
	column: S[keyof S];
	/** Where the header row has it; undefined when it is missing. */
	position: number | undefined;
}

function readRow<S extends ColumnSpec>(row: RawRow, columns: PlacedColumn<S>[], width: number): TableRow<S> {
	const values = {} as Record<keyof S, unknown>;
	const rawCells = {} as Record<keyof S, string>;
	const issues: LocatedIssue[] = [];
	for (const { key, column, position } of columns) {
		const cell = position === undefined ? '' : (row.cells[position] ?? '');
		rawCells[key] = cell.trim();
		values[key] = null;
		// A missing column is reported once for the file, not once per row.
		if (position === undefined) continue;
		const result = column.cell.parse(cell);
		if (!result.ok) issues.push(at(row.line, column.header, result.issue));
		else if (result.value === null && column.required) issues.push(at(row.line, column.header, issue('required')));
		else values[key] = result.value;
	}
	if (row.cells.length > width && row.cells.slice(width).some((c) => c.trim() !== '')) issues.push(at(row.line, null, issue('tooManyCells')));
	return { line: row.line, values: values as RowValues<S>, raw: rawCells, issues };
}
