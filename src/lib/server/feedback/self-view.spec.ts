import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { db } from '../db';
import { accountYear } from '../test-support/account';
import { feedbackYear } from '../test-support/feedback';
import { saveAccount } from '../account/store';
import { submitAccount } from '../account/submit';
import { entrySelfAssessments } from '../account/self';
import { currentContent } from './reports';
import { earlierImprovements, earlierReport } from './earlier';
import type { AccountDoc } from '$lib/domain/account';
import type { ReportContent } from '$lib/domain/feedback';

describe('the unit’s own view as handed in', () => {
	const withSelf = (doc: AccountDoc): AccountDoc => ({
		...doc,
		criteria: doc.criteria.map((c, i) => (i < 2 ? { ...c, self: { band: i + 3, reason: `Skäl ${i}` } } : c))
	});

	it('is read from the submitted account, by criterion', () => {
		const y = accountYear();
		const outcome = submitAccount(y.access(), 0, withSelf(y.filled()), y.shape);
		expect(outcome.ok).toBe(true);
		const views = entrySelfAssessments(db(), y.entryId);
		expect([...views.entries()]).toEqual([
			[y.shape[0].criterionId, { band: 3, reason: 'Skäl 0' }],
			[y.shape[1].criterionId, { band: 4, reason: 'Skäl 1' }]
		]);
	});

	it('is not read from a draft: the view counts once it is handed in', () => {
		const y = accountYear();
		expect(saveAccount(y.access(), y.contact, 0, withSelf(y.filled()), y.shape).ok).toBe(true);
		expect(entrySelfAssessments(db(), y.entryId).size).toBe(0);
	});
});

describe('the report of the demo year', () => {
	it('sets the unit’s own view beside the team’s once the consensus is done, and never before', () => {
		const year = feedbackYear();
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const report = year.reportOf(hemlosa.id);
		expect(currentContent(report).criteria.every((c) => c.self && c.self.reason.length > 0)).toBe(true);
		// The lead reopens the consensus: the view would anchor the team again, so the report drops it.
		year.db.update(table.consensus).set({ status: 'draft' }).where(eq(table.consensus.entryId, hemlosa.id)).run();
		expect(currentContent(report).criteria.every((c) => c.self === null)).toBe(true);
	});

	it('shows a returning unit last year’s band per criterion, and nothing for a unit entering first', () => {
		const year = feedbackYear();
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const content = currentContent(year.reportOf(hemlosa.id));
		const earlier = earlierReport(year.db, hemlosa.unitId, 2026)!;
		expect(content.previousYear).toBe(2025);
		expect(content.criteria.map((c) => c.previousBand)).toEqual(earlier.content.criteria.map((c) => c.band));
		const ekorren = currentContent(year.reportOf(year.entryOf('Förskolan Ekorren').id));
		expect(ekorren.previousYear).toBeNull();
		expect(ekorren.criteria.every((c) => c.previousBand === null)).toBe(true);
	});

	it('finds only the same unit’s earlier released report, from an earlier year', () => {
		const year = feedbackYear();
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const ekorren = year.entryOf('Förskolan Ekorren');
		expect(earlierReport(year.db, hemlosa.unitId, 2025)).toBeNull();
		expect(earlierReport(year.db, ekorren.unitId, 2026)).toBeNull();
		const earlier = earlierReport(year.db, hemlosa.unitId, 2026)!;
		expect(earlier.content.unit.name).toBe('Enheten för hemlösa');
		// A report of last year not yet released is not there to compare with.
		const row = year.db
			.select({ id: table.feedbackReport.id })
			.from(table.feedbackReport)
			.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
			.where(and(eq(table.entry.unitId, hemlosa.unitId), eq(table.feedbackReport.status, 'released')))
			.get()!;
		year.db.update(table.feedbackReport).set({ status: 'approved' }).where(eq(table.feedbackReport.id, row.id)).run();
		expect(earlierReport(year.db, hemlosa.unitId, 2026)).toBeNull();
	});

	it('gives the lead last time’s improvement areas, per criterion', () => {
		const year = feedbackYear();
		const hemlosa = year.entryOf('Enheten för hemlösa');
		const earlier = earlierReport(year.db, hemlosa.unitId, 2026)!.content as ReportContent;
		const shown = earlierImprovements(hemlosa.unitId, 2026)!;
		expect(shown.year).toBe(2025);
		expect(shown.criteria.flatMap((c) => c.improvements)).toEqual(earlier.criteria.flatMap((c) => c.improvements));
		expect(shown.criteria.length).toBeGreaterThan(0);
	});
});
