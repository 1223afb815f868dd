/**
 * An Excel workbook's first sheet with content → rows of cell texts, with exceljs. Real date cells
 * become YYYY-MM-DD, numbers keep a decimal point (the number parser reads both), formulas give
 * their cached result, rich text and links their text.
 */
import ExcelJS from 'exceljs';
import type { RawRow } from './csv';

/** XLSX files are zip archives: they start with a local file header, "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A workbook may unpack to this much; more is refused before unzipping (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * The sum of the archive's uncompressed sizes, read from its central directory without unzipping;
 * null when the directory cannot be read or uses ZIP64 (no workbook we accept needs it).
 */
export function unpackedSize(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	const entries = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	let total = 0;
	for (let n = 0; n < entries; n++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
		const size = view.getUint32(offset + 24, true);
		if (size === 0xffffffff) return null;
		total += size;
		offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
	}
	return total;
}

/** The rows of the first non-empty worksheet; throws when the bytes are no readable workbook. */
export async function readXlsxRows(bytes: Uint8Array): Promise<RawRow[]> {
	const size = unpackedSize(bytes);
	if (size === null || size > MAX_UNPACKED_BYTES) throw new Error('not a workbook we read');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
	const rows: RawRow[] = [];
	sheet?.eachRow({ includeEmpty: false }, (row, line) => {
		const values = Array.isArray(row.values) ? row.values : [];
		const cells: string[] = [];
		for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
		rows.push({ line, cells });
	});
	return rows;
}

export function cellText(value: ExcelJS.CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'ja' : 'nej';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
	if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
	if ('error' in value) return String(value.error);
	return '';
}
