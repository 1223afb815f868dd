/**
 * A CSV reader for the files offices actually send: semicolon (Swedish Excel), comma or tab as the
 * separator, found from the header line; fields in double quotes may hold separators, quotes ("")
 * and line breaks; CRLF, LF or CR line ends; Excel's "sep=;" first line is honoured.
 */
export const SEPARATORS = [';', '\t', ','] as const;
export type Separator = (typeof SEPARATORS)[number];

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

/** The candidate that splits the first record into the most fields; semicolon wins a tie. */
export function detectSeparator(text: string): Separator {
	const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (c === '\n' || c === '\r')) break;
		else if (!inQuotes && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1);
	}
	let best: Separator = ';';
	for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
	return best;
}

export function parseCsv(input: string, forced?: Separator): CsvResult {
	let text = input;
	let line = 1;
	let separator = forced;
	const hint = /^sep=([;,\t])(\r\n|\n|\r)/i.exec(text);
	if (hint) {
		separator ??= hint[1] as Separator;
		text = text.slice(hint[0].length);
		line = 2;
	}
	separator ??= detectSeparator(text);

	const rows: RawRow[] = [];
	let cells: string[] = [];
	let field = '';
	let inQuotes = false;
	let recordLine = line;
	let i = 0;
	const endRecord = () => {
		cells.push(field);
		rows.push({ line: recordLine, cells });
		cells = [];
		field = '';
	};
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
			endRecord();
			line++;
			recordLine = line;
		} else {
			field += c;
		}
		i++;
	}
	if (inQuotes) return { separator, rows, unclosedQuoteAt: recordLine };
	if (field !== '' || cells.length > 0) endRecord();
	return { separator, rows, unclosedQuoteAt: null };
}
