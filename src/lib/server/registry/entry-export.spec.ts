import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import type { DB } from '../db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import { sv } from '$lib/i18n/sv';
import { en } from '$lib/i18n/en';
import { getCurrentCycle } from '../cycles/lookup';
import { entryExportTable } from './entry-export';
import { writeCsv, writeXlsx } from '../imports/write-table';
import { readRawRows } from '../imports/read-table';

let db: DB;
beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
});

describe('entry list export', () => {
	it('has one row per registered entry with E1–E8, admitted, award blocked and reasons', () => {
		const out = entryExportTable(getCurrentCycle()!, sv, 'sv');
		const registered = db.select().from(table.entry).where(eq(table.entry.status, 'registered')).all();
		expect(out.rows).toHaveLength(registered.length);
		expect(out.headers.slice(0, 3)).toEqual(['Enhet', 'Förvaltning/bolag', 'Tävlingsklass']);
		expect(out.headers).toContain('E8 Inget underskott (krävs för utmärkelsen)');
		const col = (name: string) => out.headers.indexOf(name);
		const row = (unit: string) => out.rows.find((r) => r[0] === unit)!;
		// The demo's troubled entries: a private unit below 51 % and a unit in deficit.
		const solstralen = row('Förskolan Solstrålen');
		expect(solstralen[col('E6 Minst 51 % stockholmare (privat driven enhet)')]).toBe('ej uppfyllt');
		expect(solstralen[col('Godkänd för bedömning')]).toBe(false);
		expect(String(solstralen[col('Skäl')])).toContain('E6: Enheten drivs privat och stockholmare har 48 %');
		const sjostad = row('Sjöstadsskolan');
		expect(sjostad[col('Godkänd för bedömning')]).toBe(true);
		expect(sjostad[col('Utmärkelse spärrad (E8)')]).toBe(true);
		expect(row('Enheten för hemlösa')[col('E3 Minst fem medarbetare')]).toBe('uppfyllt');
	});

	it('CSV is semicolon-separated UTF-8 with a BOM and parses back to the same rows, decimal commas and all', async () => {
		const cycle = getCurrentCycle()!;
		const ekorren = db.select().from(table.unit).where(eq(table.unit.name, 'Förskolan Ekorren')).get()!;
		db.update(table.unit).set({ stockholmSharePercent: 51.5 }).where(eq(table.unit.id, ekorren.id)).run();
		const out = entryExportTable(cycle, sv, 'sv');
		const csv = writeCsv(out);
		const bytes = new TextEncoder().encode(csv);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv).toContain('\r\n');
		const back = await readRawRows(bytes);
		expect(back.separator).toBe(';');
		expect(back.encoding).toBe('utf-8');
		expect(back.rows[0].cells).toEqual(out.headers);
		const text = (c: unknown) =>
			c === null ? '' : typeof c === 'boolean' ? (c ? 'ja' : 'nej') : typeof c === 'number' ? String(c).replace('.', ',') : typeof c === 'object' ? (c as { day: string }).day : String(c);
		expect(back.rows.slice(1).map((r) => r.cells)).toEqual(out.rows.map((r) => r.map(text)));
		const shareCol = out.headers.indexOf('Andel Stockholmare (%)');
		expect(back.rows.find((r) => r.cells[0] === 'Förskolan Ekorren')!.cells[shareCol]).toBe('51,5');
	});

	it('XLSX opens with exceljs, has the header and typed cells', async () => {
		const out = entryExportTable(getCurrentCycle()!, en, 'en');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await writeXlsx([out])) as never);
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Entries');
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(out.headers);
		expect(ws.actualRowCount).toBe(out.rows.length + 1);
		const received = ws.getRow(2).getCell(out.headers.indexOf('Written account received') + 1).value;
		expect(received).toBeInstanceOf(Date);
		expect(typeof ws.getRow(2).getCell(out.headers.indexOf('Number of staff') + 1).value).toBe('number');
	});

	it('a text that starts like a formula is written as text in CSV', () => {
		const csv = writeCsv({ sheet: 'x', headers: ['a', 'b'], rows: [['=HYPERLINK("x")', -5]], yes: 'ja', no: 'nej' });
		expect(csv).toBe('\ufeffa;b\r\n"\'=HYPERLINK(""x"")";-5\r\n');
	});
});
