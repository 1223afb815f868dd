/** The award office's spread of self-assessments and its exports: the admin's alone, through `may`. */
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackYear } from '../../src/lib/server/test-support/feedback';
import { statusOf } from '../../src/lib/server/test-support/route-status';
import * as page from '../../src/routes/(app)/admin/cycles/[id]/self-assessments/+page.server';
import * as csv from '../../src/routes/(app)/admin/cycles/[id]/self-assessments/export.csv/+server';
import * as xlsx from '../../src/routes/(app)/admin/cycles/[id]/self-assessments/export.xlsx/+server';

let year: ReturnType<typeof feedbackYear>;
beforeAll(() => {
	year = feedbackYear();
});

const get = (email: string, path: string) => year.get(email, path, { id: String(year.cycle.id) });
const base = () => `/admin/cycles/${year.cycle.id}/self-assessments`;
const others = ['examinator1@demo.test', 'jury1@demo.test', 'ordforande@demo.test', 'enhet1@demo.test'];

describe('the spread of self-assessments', () => {
	it('opens for the admin, with every criterion of the cycle', async () => {
		const data = (await page.load(get('admin@demo.test', base()) as never)) as { spread: unknown[]; assessed: number };
		expect(data.spread).toHaveLength(7);
		expect(data.assessed).toBeGreaterThan(0);
	});

	it('is refused to everyone else, page and exports alike', async () => {
		for (const email of others) {
			expect(await statusOf(() => page.load(get(email, base()) as never)), email).toBe(403);
			expect(await statusOf(() => csv.GET(get(email, `${base()}/export.csv`) as never)), email).toBe(403);
			expect(await statusOf(() => xlsx.GET(get(email, `${base()}/export.xlsx`) as never)), email).toBe(403);
		}
	});

	it('exports the rows as CSV and XLSX for the admin', async () => {
		const bytes = new Uint8Array(await ((await csv.GET(get('admin@demo.test', `${base()}/export.csv`) as never)) as Response).arrayBuffer());
		// The byte-order mark Excel needs, then the Swedish header.
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith('\ufeffEnhet;Förvaltning eller bolag;')).toBe(true);
		const workbook = (await xlsx.GET(get('admin@demo.test', `${base()}/export.xlsx`) as never)) as Response;
		expect(workbook.headers.get('content-disposition')).toContain('egen-bedomning-2026.xlsx');
		// An XLSX file is a ZIP archive.
		expect(new Uint8Array(await workbook.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
	});
});
