/**
 * Last time's report for a returning unit: the lead writing this year's report sees its improvement
 * areas beside the editor, for the entry's own unit only, and never opens another unit's report.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { feedbackYear } from '../../src/lib/server/test-support/feedback';
import { statusOf } from '../../src/lib/server/test-support/route-status';
import * as editor from '../../src/routes/(app)/examiner/reports/[entryId]/+page.server';
import * as reportPage from '../../src/routes/(app)/reports/[reportId]/+page.server';

let year: ReturnType<typeof feedbackYear>;
beforeEach(() => {
	year = feedbackYear();
});

/** The unit's report of last year, released. */
function lastYearsReport(unitId: number) {
	return year.db
		.select({ id: table.feedbackReport.id })
		.from(table.feedbackReport)
		.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
		.where(and(eq(table.entry.unitId, unitId), ne(table.entry.cycleId, year.cycle.id)))
		.get()!;
}

describe('last time’s improvement areas beside the lead’s editor', () => {
	it('shows the lead the same unit’s areas from its released report of last year', async () => {
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const data = (await editor.load(year.get('examinator10@demo.test', `/examiner/reports/${hemlosa.id}`, { entryId: String(hemlosa.id) }) as never)) as {
			earlier: { year: number; criteria: { improvements: string[] }[] } | null;
		};
		expect(data.earlier?.year).toBe(2025);
		const content = year.db.select().from(table.feedbackReport).where(eq(table.feedbackReport.id, lastYearsReport(hemlosa.unitId).id)).get()!.content as {
			criteria: { improvements: string[] }[];
		};
		expect(data.earlier!.criteria.flatMap((c) => c.improvements)).toEqual(content.criteria.flatMap((c) => c.improvements));
	});

	it('shows nothing for a unit entering for the first time', async () => {
		const ekorren = year.entryOf('Förskolan Ekorren');
		const data = (await editor.load(year.get('examinator1@demo.test', `/examiner/reports/${ekorren.id}`, { entryId: String(ekorren.id) }) as never)) as { earlier: unknown };
		expect(data.earlier).toBeNull();
	});

	it('refuses the lead of another unit’s team, so that unit’s earlier report stays out of reach', async () => {
		const hemlosa = year.entryOf('Enheten för hemlösa');
		// examinator13 leads Hägerstens gruppbostäder, itself a returning unit.
		const other = year.get('examinator13@demo.test', `/examiner/reports/${hemlosa.id}`, { entryId: String(hemlosa.id) });
		expect(await statusOf(() => editor.load(other as never))).toBe(404);
	});

	it('never opens last year’s report itself to this year’s lead, not even of the same unit', async () => {
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const earlier = lastYearsReport(hemlosa.unitId);
		const event = year.get('examinator10@demo.test', `/reports/${earlier.id}`, { reportId: String(earlier.id) });
		expect(await statusOf(() => reportPage.load(event as never))).toBe(404);
	});
});
