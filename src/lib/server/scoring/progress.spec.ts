import { describe, expect, it } from 'vitest';
import { progressMatrix } from './progress';
import { scoringYear } from '../test-support/scoring';

describe('progress for the admin', () => {
	it('gives per class the entries × team members with the state of each assessment and consensus', () => {
		const y = scoringYear();
		const { classes, totals } = progressMatrix(y.cycle, '2026-09-01');
		const cls = classes.find((c) => c.entries.some((e) => e.entryId === y.entryId))!;
		const entry = cls.entries.find((e) => e.entryId === y.entryId)!;
		expect(entry.cells[y.lead]).toMatchObject({ status: 'submitted', late: false });
		expect(entry.cells[y.drafter]).toMatchObject({ status: 'draft', late: false });
		expect(entry.cells[y.fresh]).toMatchObject({ status: 'none', late: false });
		expect(entry.consensus).toEqual({ status: 'none', late: false });
		expect(cls.examiners.map((x) => x.userId)).toEqual(expect.arrayContaining([y.lead, y.drafter, y.fresh]));
		// Demo: 12 entries with a team of three; in the assessment phase one in three has submitted.
		expect(totals).toMatchObject({ assessments: 36, submitted: 12, entries: 12, consensusDone: 0, late: 0 });
		expect(classes.flatMap((c) => c.entries).filter((e) => e.teamName === null).length).toBeGreaterThan(0);
	});

	it('marks who is late against the cycle’s dates, from the day after', () => {
		const y = scoringYear();
		const due = y.cycle.assessmentDue!;
		expect(progressMatrix(y.cycle, due).totals.late).toBe(0);
		const after = progressMatrix(y.cycle, '2026-09-19');
		const entry = after.classes.flatMap((c) => c.entries).find((e) => e.entryId === y.entryId)!;
		expect(entry.cells[y.lead].late).toBe(false);
		expect(entry.cells[y.drafter].late).toBe(true);
		expect(entry.cells[y.fresh].late).toBe(true);
		expect(entry.consensus.late).toBe(false);
		expect(after.totals.late).toBe(24);
		const later = progressMatrix(y.cycle, '2026-10-10');
		expect(later.totals.late).toBe(24 + 12);
	});
});
