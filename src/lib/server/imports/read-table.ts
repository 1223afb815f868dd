/**
 * The reusable tabular reader: bytes of a CSV or XLSX file (told apart by content, not by name) →
 * typed rows with their line numbers, and every problem located by line and column. A column spec
 * names each column's Swedish header, its aliases, whether it is required and how its cells parse.
 *
 *   const UNITS = { name: { header: 'Enhet', required: true, cell: text(200), example: '…' }, … };
 *   const table = await readTable(bytes, UNITS);
 *   for (const row of table.rows) row.values.name; // string | null
 */
import { cleanText } from '$lib/domain/clean-text';
import { decodeText, type TextEncoding } from './decode';
import { parseCsv, type RawRow, type Separator } from './csv';
import { isZip, readXlsxRows } from './xlsx';
import type { Cell } from './cells';
import { at, issue, type Format, type LocatedIssue } from './issues';

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

type RawTable = {
	format: 'csv' | 'xlsx';
	encoding: TextEncoding | null;
	separator: Separator | null;
	rows: RawRow[];
	fileIssues: LocatedIssue[];
};

/** The raw rows of a file, whichever kind it is, every cell cleaned (`cleanText`). */
export async function readRawRows(bytes: Uint8Array): Promise<RawTable> {
	const raw = await readFileRows(bytes);
	// Excel writes a control character or half a surrogate pair as "_xHHHH_", which exceljs decodes.
	for (const row of raw.rows) row.cells = row.cells.map(cleanText);
	return raw;
}

async function readFileRows(bytes: Uint8Array): Promise<RawTable> {
	if (isZip(bytes)) {
		try {
			return { format: 'xlsx', encoding: null, separator: null, rows: await readXlsxRows(bytes), fileIssues: [] };
		} catch {
			return { format: 'xlsx', encoding: null, separator: null, rows: [], fileIssues: [at(null, null, issue('unreadable'))] };
		}
	}
	// A NUL byte means a binary file (an old .xls, a PDF); UTF-16 text was recognised by its mark.
	const { text, encoding } = decodeText(bytes);
	if (text.includes('\u0000')) {
		return { format: 'csv', encoding: null, separator: null, rows: [], fileIssues: [at(null, null, issue('unreadable'))] };
	}
	const csv = parseCsv(text);
	const fileIssues = csv.unclosedQuoteAt === null ? [] : [at(csv.unclosedQuoteAt, null, issue('unclosedQuote'))];
	return { format: 'csv', encoding, separator: csv.separator, rows: csv.rows, fileIssues };
}

const isBlank = (row: RawRow) => row.cells.every((c) => c.trim() === '');

export async function readTable<S extends ColumnSpec>(bytes: Uint8Array, spec: S, maxRows = MAX_ROWS): Promise<Table<S>> {
	const table: Table<S> = {
		format: null,
		encoding: null,
		separator: null,
		headerLine: null,
		present: [],
		ignoredHeaders: [],
		fileIssues: [],
		rows: []
	};
	if (bytes.length === 0) return { ...table, fileIssues: [at(null, null, issue('empty'))] };
	const raw = await readRawRows(bytes);
	Object.assign(table, { format: raw.format, encoding: raw.encoding, separator: raw.separator });
	table.fileIssues.push(...raw.fileIssues);

	const rows = raw.rows.filter((r) => !isBlank(r));
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
	for (const row of rows) table.rows.push(readRow(row, spec, positions, width));
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
	for (const key of Object.keys(spec) as (keyof S)[]) {
		if (spec[key].required && !positions.has(key)) {
			table.fileIssues.push(at(header.line, spec[key].header, issue('missingColumn', spec[key].header)));
		}
	}
	table.present = [...positions.keys()];
	return positions;
}

function readRow<S extends ColumnSpec>(row: RawRow, spec: S, positions: Map<keyof S, number>, width: number): TableRow<S> {
	const values = {} as Record<keyof S, unknown>;
	const rawCells = {} as Record<keyof S, string>;
	const issues: LocatedIssue[] = [];
	for (const key of Object.keys(spec) as (keyof S)[]) {
		const column = spec[key];
		const position = positions.get(key);
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
	if (row.cells.slice(width).some((c) => c.trim() !== '')) issues.push(at(row.line, null, issue('tooManyCells')));
	return { line: row.line, values: values as RowValues<S>, raw: rawCells, issues };
}
