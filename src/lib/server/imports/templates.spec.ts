import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sv } from '$lib/i18n/sv';
import { COLUMNS, IMPORT_KINDS } from './index';
import { readTable } from './read-table';
import { columnDocs, templateCsv, templateXlsx } from './templates';

describe('import templates', () => {
	it.each(IMPORT_KINDS)('the %s templates carry every documented header and read back without a missing column', async (kind) => {
		const csv = templateCsv(kind);
		expect(csv.startsWith('\ufeff')).toBe(true);
		expect(csv.slice(1).split('\r\n')[0]).toBe(columnDocs(kind).map((c) => c.header).join(';'));
		const fromCsv = await readTable(new TextEncoder().encode(csv), COLUMNS[kind]);
		expect(fromCsv.fileIssues.map((i) => i.issue.code)).toEqual(['noRows']);
		expect(fromCsv.present).toEqual(Object.keys(COLUMNS[kind]));

		const xlsx = await templateXlsx(kind, sv);
		const fromXlsx = await readTable(xlsx, COLUMNS[kind]);
		expect(fromXlsx.format).toBe('xlsx');
		expect(fromXlsx.present).toEqual(Object.keys(COLUMNS[kind]));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(xlsx) as never);
		expect(wb.worksheets.map((w) => w.name)).toEqual([sv.dataImport.kinds[kind], 'Kolumner']);
		expect(wb.worksheets[1].getRow(2).getCell(1).value).toBe(columnDocs(kind)[0].header);
	});
});
