import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { progressMatrix } from '$lib/server/scoring/progress';
import { outcome, scoringEvent, scoringYear } from '$lib/server/test-support/scoring';
import * as progressPage from '../../src/routes/(app)/admin/progress/+page.server';

describe('the progress page', () => {
	it('shows consensus done, and is the admin’s only', async () => {
		const y = scoringYear('consensus');
		const { totals } = progressMatrix(y.cycle, '2026-10-01');
		expect(totals.submitted).toBe(totals.assessments);
		expect(totals.consensusDone).toBe(y.db.select().from(table.consensus).where(eq(table.consensus.status, 'done')).all().length);
		expect((await outcome(() => progressPage.load(scoringEvent(y.lead, '/admin/progress') as never)) as { thrown: number }).thrown).toBe(403);
		const data = (await progressPage.load(scoringEvent(y.admin, '/admin/progress') as never)) as { progress: ReturnType<typeof progressMatrix> | null };
		expect(data.progress?.classes.length).toBe(5);
	});
});
