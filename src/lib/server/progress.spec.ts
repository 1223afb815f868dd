import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from './db/schema';
import { progressMatrix } from './progress';
import { outcome, scoringEvent, scoringYear } from './scoring-test-helpers';
import { entryFacts, loadEntryContext, requireEntry } from './access';
import { loadViewer } from './auth/viewer';
import { mayWrite, requireScoring } from './scoring';
import { saveAccess, saveAccessFacts } from './scoring-access';
import { criterionIdsOf } from './scoring-save';
import * as progressPage from '../../routes/(app)/admin/progress/+page.server';

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

/** A viewer with its lists in one order: `may` only asks whether they include something. */
function sorted(v: ReturnType<typeof loadViewer>) {
	return {
		...v,
		cycleRoles: [...v.cycleRoles].sort((a, b) => a.cycleId - b.cycleId || a.role.localeCompare(b.role)),
		leadCycleIds: [...v.leadCycleIds].sort(),
		unitIds: [...v.unitIds].sort()
	};
}

describe('the autosave’s fast guard', () => {
	it('answers as the page’s guard does, for every person, entry and phase of the demo', async () => {
		const y = scoringYear();
		y.db.insert(table.conflict).values({ userId: y.fresh, entryId: y.entries[1], reason: 'relative', declaredBy: y.admin }).run();
		// An admin who is also an examiner and a unit's contact: every list of the viewer has something.
		y.db.update(table.user).set({ isAdmin: true }).where(eq(table.user.id, y.drafter)).run();
		y.db.update(table.unitContact).set({ userId: y.drafter }).where(eq(table.unitContact.id, 2)).run();
		const users = y.db.select({ id: table.user.id }).from(table.user).all().map((u) => u.id);
		const entries = [...y.db.select({ id: table.entry.id }).from(table.entry).all().map((e) => e.id), 9999];
		let compared = 0;
		for (const phase of ['registration', 'assessment', 'consensus', 'jury'] as const) {
			y.setPhase(phase);
			for (const userId of users) {
				for (const entryId of entries) {
					const slow = await outcome(() => {
						const access = requireScoring(scoringEvent(userId, '/x'), entryId);
						return mayWrite(access) ? 'ok' : 403;
					});
					const fast = saveAccess(userId, entryId);
					expect(fast.ok ? 'ok' : fast.status).toEqual(typeof slow === 'object' ? slow.thrown : slow);
					const ctx = loadEntryContext(entryId);
					const found = saveAccessFacts(userId, entryId);
					expect(found === null).toBe(ctx === null);
					if (ctx && found) {
						const viewer = loadViewer(userId);
						expect(sorted(found.viewer)).toEqual(sorted(viewer));
						expect(found.facts).toEqual(entryFacts(viewer, ctx));
						expect(found.scaleStep).toBe(ctx.cycle.scaleStep);
						expect(found.criterionIds).toEqual(criterionIdsOf(ctx.cycle.id));
					}
					compared++;
				}
			}
		}
		expect(compared).toBeGreaterThan(1000);
		// And the general guard agrees the seed gives some of each answer.
		expect(saveAccess(y.fresh, y.entryId)).toMatchObject({ ok: false, status: 403 }); // phase is now jury
		y.setPhase('assessment');
		expect(saveAccess(y.fresh, y.entryId)).toMatchObject({ ok: true });
		expect(saveAccess(y.fresh, y.entries[1])).toEqual({ ok: false, status: 404 });
		expect(requireEntry(scoringEvent(y.admin, '/x'), y.entryId, 'cycle.manage').entry.id).toBe(y.entryId);
	}, 60_000);
});
