/**
 * Writes a table for Excel as Swedish offices open it: CSV with semicolons, a UTF-8 byte-order mark
 * (without it Excel reads å, ä, ö as Windows-1252), CRLF line ends and decimal commas; or a real
 * XLSX workbook with typed cells.
 */
import ExcelJS from 'exceljs';

/** A cell: text, a number, a calendar day ({ day: 'YYYY-MM-DD' }), a yes/no, or empty. */
export type OutCell = string | number | boolean | { day: string } | null;

export interface OutTable {
	sheet: string;
	headers: string[];
	rows: OutCell[][];
	/** Words for yes and no in the file's language. */
	yes: string;
	no: string;
}

const BOM = '\ufeff';

function csvText(cell: OutCell, table: OutTable): string {
	if (cell === null) return '';
	if (typeof cell === 'boolean') return cell ? table.yes : table.no;
	if (typeof cell === 'number') return String(cell).replace('.', ',');
	if (typeof cell === 'object') return cell.day;
	// A text starting like a formula is shown as text, so a name cannot run as one in Excel.
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(value: string): string {
	return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(table: OutTable): string {
	const lines = [table.headers, ...table.rows.map((row) => row.map((c) => csvText(c, table)))];
	return BOM + lines.map((cells) => cells.map(quote).join(';')).join('\r\n') + '\r\n';
}

export async function writeXlsx(tables: OutTable[]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Utmärkelse';
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(table.headers).font = { bold: true };
		for (const row of table.rows) {
			sheet.addRow(
				row.map((cell) => {
					if (cell === null) return null;
					if (typeof cell === 'boolean') return cell ? table.yes : table.no;
					if (typeof cell === 'object') return new Date(`${cell.day}T00:00:00Z`);
					return cell;
				})
			);
		}
		table.headers.forEach((header, i) => {
			const column = sheet.getColumn(i + 1);
			const longest = Math.max(header.length, ...table.rows.map((r) => csvText(r[i] ?? null, table).length));
			column.width = Math.min(60, Math.max(10, longest + 2));
			if (table.rows.some((r) => r[i] !== null && typeof r[i] === 'object')) column.numFmt = 'yyyy-mm-dd';
		});
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
