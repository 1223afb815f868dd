/**
 * A CSV reader for the files offices actually send: semicolon (Swedish Excel), comma or tab as the
 * separator, found from the header line; fields in double quotes may hold separators, quotes ("")
 * and line breaks; CRLF, LF or CR line ends; Excel's "sep=;" first line is honoured.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export const SEPARATORS = [';', '\t', ','] as const;
export type Separator = (typeof SEPARATORS)[number];
/** What a header row may turn out to be separated by: the separators read, and the pipe, only recognised. */
export const HEADER_SEPARATORS = [...SEPARATORS, '|'] as const;

export interface RawRow {
	/** The line the record starts on, counting from 1 as an editor does. */
	line: number;
	cells: string[];
}

export interface CsvResult {
	separator: Separator;
	rows: RawRow[];
	/** The line of a record whose quote is never closed; the records before it are kept. */
	unclosedQuoteAt: number | null;
}

/** A row with nothing in it but spaces (a spreadsheet writes an empty row as a line of separators). */
export function isBlankRow(row: RawRow): boolean {
	return row.cells.every((c) => c.trim() === '');
}

/** The candidate that splits the first line that is not empty into the most fields; semicolon wins a tie. */
export function detectSeparator(text: string): Separator {
	const first = text.search(/\S/);
	const lineStart = first < 0 ? 0 : Math.max(text.lastIndexOf('\n', first), text.lastIndexOf('\r', first)) + 1;
	const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
	let inQuotes = false;
	for (let i = lineStart; i < text.length; i++) {
		const c = text[i];
		if (c === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (c === '\n' || c === '\r')) break;
		else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
	}
	let best: Separator = ';';
	for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
	return best;
}

/** Rows read between two turns of the event loop, so that a long file does not hold other requests up. */
export const ROWS_PER_TURN = 250;

/**
 * The records of the text; with `maxRecords`, reading stops once that many records have content
 * (blank ones are kept and not counted).
 */
export async function readCsv(input: string, options: { separator?: Separator; maxRecords?: number } = {}): Promise<CsvResult> {
	const { maxRecords = Infinity } = options;
	let text = input;
	let line = 1;
	let separator = options.separator;
	const hint = /^sep=([;,\t])(\r\n|\n|\r)/i.exec(text);
	if (hint) {
		separator ??= hint[1] as Separator;
		text = text.slice(hint[0].length);
		line = 2;
	}
	separator ??= detectSeparator(text);
	const records = recordsOf(text, separator, line);
	const rows: RawRow[] = [];
	let filled = 0;
	for (let next = records.next(); ; next = records.next()) {
		if (next.done) return { separator, rows, unclosedQuoteAt: next.value };
		rows.push(next.value);
		if (!isBlankRow(next.value) && ++filled >= maxRecords) return { separator, rows, unclosedQuoteAt: null };
		if (rows.length % ROWS_PER_TURN === 0) await nextTurn();
	}
}

/** Each record with the line it starts on; returns the line of a record whose quote is never closed. */
function* recordsOf(text: string, separator: Separator, firstLine: number): Generator<RawRow, number | null> {
	let line = firstLine;
	let cells: string[] = [];
	let field = '';
	let inQuotes = false;
	let recordLine = line;
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (inQuotes) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
			} else if (c === '\r' || c === '\n') {
				if (c === '\r' && text[i + 1] === '\n') i++;
				field += '\n';
				line++;
			} else {
				field += c;
			}
			i++;
			continue;
		}
		if (c === '"' && field.trim() === '') {
			// A quote opens a quoted field only at the field's start (spaces before it are dropped).
			field = '';
			inQuotes = true;
		} else if (c === separator) {
			cells.push(field);
			field = '';
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			cells.push(field);
			yield { line: recordLine, cells };
			cells = [];
			field = '';
			line++;
			recordLine = line;
		} else {
			field += c;
		}
		i++;
	}
	if (inQuotes) return recordLine;
	if (field !== '' || cells.length > 0) yield { line: recordLine, cells: [...cells, field] };
	return null;
}
