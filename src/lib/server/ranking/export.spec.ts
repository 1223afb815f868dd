import { beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { rankCycle } from './ranking';
import { requireRankingClass } from './guards';
import { attachment, rankingExport } from './export';
import { writeCsv, writeXlsx } from '../imports/write-table';
import { readCsv } from '../imports/csv';
import { readXlsxRows } from '../imports/xlsx';
import { messages } from '$lib/i18n';

let db: DB;
let cycleId: number;

const event = (email: string) => {
	const id = db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
	return { locals: { user: { id, email, name: '', isAdmin: false }, session: null }, url: new URL('http://x/') } as never;
};
const oneDecimal = (value: number | null) => (value === null ? '' : (Math.round(value * 10) / 10).toString().replace('.', ','));

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'jury', passwordHash: 'x' });
	cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
});

describe('ranking exports', () => {
	it('writes a CSV for Swedish Excel that parses back to the ranked rows', async () => {
		const ranking = rankCycle(cycleId)!;
		const klass = ranking.classes[3];
		const file = rankingExport(requireRankingClass(event('jury1@demo.test'), String(klass.id)), klass.id, messages('sv'), 'sv')!;
		const csv = writeCsv(file.table);
		expect(csv.startsWith('\ufeff')).toBe(true);
		const { separator, rows } = await readCsv(csv.slice(1));
		expect(separator).toBe(';');
		const [headers, ...body] = rows.map((r) => r.cells);
		expect(headers).toEqual([
			'Plats',
			'Enhet',
			'Organisation',
			'Total',
			...ranking.criteria.map((c) => c.titleSv),
			'Avvikande bedömningsgrunder',
			'Justerad total',
			'Plats (justerad)',
			'Konsensus',
			'Rekommenderas som finalist',
			'Kan inte tilldelas utmärkelsen (E8)',
			'Ofullständig'
		]);
		expect(body).toHaveLength(klass.rows.length);
		body.forEach((cells, i) => {
			const row = klass.rows[i];
			expect(cells[0]).toBe(String(row.rank));
			expect(cells[1]).toBe(row.unitName);
			expect(cells[3]).toBe(oneDecimal(row.total));
			ranking.criteria.forEach((c, k) => expect(cells[4 + k]).toBe(oneDecimal(row.criteria[c.key].used)));
			expect(cells[4 + ranking.criteria.length + 3]).toBe('Klar');
		});
		expect(file.baseName).toBe(`Rangordning-2026-${klass.nameSv}`);
	});

	it('writes an XLSX with typed numbers in the same columns', async () => {
		const ranking = rankCycle(cycleId)!;
		const klass = ranking.classes[1];
		const file = rankingExport(requireRankingClass(event('admin@demo.test'), String(klass.id)), klass.id, messages('en'), 'en')!;
		const { rows } = await readXlsxRows(await writeXlsx([file.table]));
		expect(rows[0].cells.slice(0, 4)).toEqual(['Place', 'Unit', 'Organisation', 'Total']);
		expect(rows.slice(1).map((r) => r.cells[1])).toEqual(klass.rows.map((r) => r.unitName));
		expect(rows.slice(1).map((r) => Number(r.cells[3]))).toEqual(klass.rows.map((r) => Math.round(r.total! * 10) / 10));
		// The demo's unit in deficit: E8 says it cannot receive the award.
		const e8 = file.table.headers.indexOf('Cannot receive the award (E8)');
		const deficit = rows.find((r) => r.cells[1] === 'Sjöstadsskolan')!;
		expect(deficit.cells[e8]).toBe('yes');
	});

	it('holds for a conflicted juror only the entries they see, ranked 1..n as if the others were not in the class', async () => {
		const klass = rankCycle(cycleId)!.classes[3];
		expect(klass.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
		const juror = db.select().from(table.user).where(eq(table.user.email, 'jury4@demo.test')).get()!.id;
		const barred = [klass.rows[1], klass.rows[2]];
		for (const r of barred) db.insert(table.conflict).values({ userId: juror, entryId: r.entryId, reason: 'consultancy', declaredBy: juror }).run();
		const exportFor = (email: string) => rankingExport(requireRankingClass(event(email), String(klass.id)), klass.id, messages('sv'), 'sv')!;
		const file = exportFor('jury4@demo.test');

		const csv = (await readCsv(writeCsv(file.table).slice(1))).rows.slice(1).map((r) => r.cells);
		const xlsx = (await readXlsxRows(await writeXlsx([file.table]))).rows.slice(1).map((r) => r.cells);
		const seen = [klass.rows[0].unitName, klass.rows[3].unitName];
		expect(csv.map((cells) => [cells[0], cells[1]])).toEqual([['1', seen[0]], ['2', seen[1]]]);
		expect(xlsx.map((cells) => [Number(cells[0]), cells[1]])).toEqual([[1, seen[0]], [2, seen[1]]]);
		for (const r of barred) {
			expect(writeCsv(file.table)).not.toContain(r.unitName);
			expect(xlsx.flat()).not.toContain(r.unitName);
		}
		// The juror without conflicts still gets the whole class.
		expect(exportFor('jury1@demo.test').table.rows.map((r) => r[0])).toEqual([1, 2, 3, 4]);
		// Cell for cell the file of the class without those entries (withdrawn, they leave the ranking).
		db.update(table.entry).set({ status: 'withdrawn' }).where(inArray(table.entry.id, barred.map((r) => r.entryId))).run();
		expect(file.table).toEqual(exportFor('admin@demo.test').table);
	});

	it('names the download in ASCII and in UTF-8', () => {
		expect(attachment('Rangordning-2026-Förskola.csv')).toBe(
			`attachment; filename="Rangordning-2026-Forskola.csv"; filename*=UTF-8''Rangordning-2026-F%C3%B6rskola.csv`
		);
	});
});
