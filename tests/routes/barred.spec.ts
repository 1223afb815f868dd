/**
 * What the jury's and the ranking's pages hand a member with a conflict of interest, as a request
 * reaches them: the data each load returns (what `__data.json` carries) and the bytes of each
 * download. In the demo, Carlos Mendes (jury3) belongs to Socialförvaltningen, whose entries in the
 * class Socialtjänst he must learn nothing about (docs/rights.md#3-conflicts-of-interest).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import * as table from '../../src/lib/server/db/schema';
import { fakeEvent, juryYear } from '../../src/lib/server/test-support/jury';
import { readXlsxRows } from '../../src/lib/server/imports/xlsx';
import { classDecisions, decisionsVersion, recordClassDecision } from '../../src/lib/server/jury/decisions';
import { NONE_BARRED } from '../../src/lib/domain/entry-state';
import * as juryHome from '../../src/routes/(app)/jury/+page.server';
import * as classPage from '../../src/routes/(app)/jury/classes/[classId]/+page.server';
import * as comparePage from '../../src/routes/(app)/jury/classes/[classId]/compare/+page.server';
import * as ballotPage from '../../src/routes/(app)/jury/classes/[classId]/ballot/+page.server';
import * as minutesPage from '../../src/routes/(app)/jury/minutes/+page.server';
import * as minutesPdf from '../../src/routes/(app)/jury/minutes.pdf/+server';
import * as presentPage from '../../src/routes/(app)/jury/present/+page.server';
import * as rankingIndex from '../../src/routes/(app)/ranking/+page.server';
import * as rankingClass from '../../src/routes/(app)/ranking/[classId]/+page.server';
import * as robustnessPage from '../../src/routes/(app)/ranking/[classId]/robustness/+page.server';
import * as csvExport from '../../src/routes/(app)/ranking/[classId]/export.csv/+server';
import * as xlsxExport from '../../src/routes/(app)/ranking/[classId]/export.xlsx/+server';

let y: ReturnType<typeof juryYear>;
/** The class Socialtjänst and the entries in it from Carlos Mendes's own organisation. */
let classId: number;
let barred: { id: number; name: string }[];

beforeEach(() => {
	y = juryYear('jury');
	classId = y.classes[3].id;
	barred = y.db
		.select({ id: table.entry.id, name: table.unit.name })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.where(and(eq(table.entry.classId, classId), eq(table.organisation.name, 'Socialförvaltningen')))
		.all();
	expect(barred.map((b) => b.name)).toContain('Enheten för hemlösa');
	// The chair has recorded the class's decision, not yet closed: the award to one of those entries.
	const chair = { userId: y.userId('ordforande@demo.test'), cycleId: y.cycle.id };
	const hemlosa = barred.find((b) => b.name === 'Enheten för hemlösa')!.id;
	const award = { entryId: String(hemlosa), outcome: 'award' as const, citation: 'Ett föredömligt arbete med varje brukares väg till eget boende.' };
	const version = decisionsVersion(classDecisions(y.db, classId, NONE_BARRED));
	expect(recordClassDecision(chair, classId, version, { items: [award], noAward: false, reason: '' })).toEqual({ ok: true });
});

type Handler = (event: never) => unknown;

/** Every page and download of the jury and the ranking for the class, as text, for one person. */
async function everything(email: string): Promise<Record<string, string>> {
	const params = { classId: String(classId) };
	const run = (handler: unknown, path: string) => (handler as Handler)(fakeEvent(y.userId(email), `http://localhost${path}`, { params }));
	const data = async (handler: unknown, path: string) => JSON.stringify(await run(handler, path));
	const body = async (handler: unknown, path: string) => (await run(handler, path)) as Response;
	const finalists = y.finalists(classId).map((id) => `e=${id}`).join('&');
	const pdf = new PDFParse({ data: new Uint8Array(await (await body(minutesPdf.GET, '/jury/minutes.pdf')).arrayBuffer()) });
	const pages = {
		'/jury': await data(juryHome.load, '/jury'),
		'/jury/classes': await data(classPage.load, `/jury/classes/${classId}`),
		'/jury/compare': await data(comparePage.load, `/jury/classes/${classId}/compare?${finalists}`),
		'/jury/ballot': await data(ballotPage.load, `/jury/classes/${classId}/ballot`),
		'/jury/minutes': await data(minutesPage.load, '/jury/minutes'),
		'/jury/minutes.pdf': (await pdf.getText()).text,
		// The meeting screen on the class's own slide, where its candidates are listed before closing.
		'/jury/present': await data(presentPage.load, `/jury/present?c=${y.classes.findIndex((c) => c.id === classId) + 1}`),
		'/ranking': await data(rankingIndex.load, '/ranking'),
		'/ranking/class': await data(rankingClass.load, `/ranking/${classId}`),
		'/ranking/robustness': await data(robustnessPage.load, `/ranking/${classId}/robustness`),
		'/ranking/export.csv': await (await body(csvExport.GET, `/ranking/${classId}/export.csv`)).text(),
		'/ranking/export.xlsx': JSON.stringify(
			await readXlsxRows(new Uint8Array(await (await body(xlsxExport.GET, `/ranking/${classId}/export.xlsx`)).arrayBuffer()))
		)
	};
	await pdf.destroy();
	return pages;
}

/** The pages that name an entry, or whose data carries its id (as `"entryId":5` or `"5"`); downloads by name. */
function naming(pages: Record<string, string>, entry: { id: number; name: string }): string[] {
	const id = new RegExp(`"entryId":${entry.id}\\b|"${entry.id}"`);
	const isData = (path: string) => !path.includes('.');
	return Object.entries(pages)
		.filter(([path, text]) => text.includes(entry.name) || (isData(path) && id.test(text)))
		.map(([path]) => path);
}

describe('a jury member with a conflict of interest', () => {
	it('finds the entries of their own organisation on no page and in no download', async () => {
		const pages = await everything('jury3@demo.test');
		for (const entry of barred) expect.soft(naming(pages, entry), entry.name).toEqual([]);
	});

	it('sees the class as if those entries were not in it: ranks from 1 without gaps, counts without them', async () => {
		const params = { classId: String(classId) };
		const event = (path: string) => fakeEvent(y.userId('jury3@demo.test'), `http://localhost${path}`, { params });
		const ranked = (await (rankingClass.load as unknown as Handler)(event(`/ranking/${classId}`))) as { rows: { rank: number | null }[] };
		expect(ranked.rows.map((r) => r.rank)).toEqual(ranked.rows.map((_, i) => i + 1));
		const home = (await (juryHome.load as unknown as Handler)(event('/jury'))) as {
			overview: { classes: { id: number; entries: number; finalists: number }[] };
			decided: number[];
		};
		// Its only decision is on an entry he is barred from: to him the class is undecided.
		expect(home.decided).not.toContain(classId);
		const registered = y.db.select().from(table.entry).where(and(eq(table.entry.classId, classId), eq(table.entry.status, 'registered'))).all();
		const own = home.overview.classes.find((c) => c.id === classId)!;
		expect(own.entries).toBe(registered.length - barred.length);
		expect(own.finalists).toBe(y.finalists(classId).filter((id) => !barred.some((b) => b.id === id)).length);
	});

	it('reads the closed minutes in full: they are the public record of the decision', async () => {
		y.db.update(table.cycle).set({ decisionsClosedAt: new Date() }).where(eq(table.cycle.id, y.cycle.id)).run();
		const minutes = (await (minutesPage.load as unknown as Handler)(fakeEvent(y.userId('jury3@demo.test'), 'http://localhost/jury/minutes'))) as {
			minutes: { conflicts: { name: string; finalists: string[] }[] };
		};
		expect(minutes.minutes.conflicts).toEqual([{ name: 'Carlos Mendes', finalists: ['Enheten för hemlösa'] }]);
	});
});

describe('a jury member without conflicts', () => {
	it('finds those entries where the pages show them', async () => {
		const pages = await everything('jury1@demo.test');
		const hemlosa = barred.find((b) => b.name === 'Enheten för hemlösa')!;
		expect(naming(pages, hemlosa)).toEqual(
			expect.arrayContaining([
				'/jury/classes',
				'/jury/ballot',
				'/jury/minutes',
				'/jury/minutes.pdf',
				'/jury/present',
				'/ranking/class',
				'/ranking/robustness',
				'/ranking/export.csv',
				'/ranking/export.xlsx'
			])
		);
	});
});
