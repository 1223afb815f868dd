import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { outcome, scoringEvent, scoringYear } from '../test-support/scoring';
import { entryFacts, loadEntryContext, requireEntry } from './entry';
import { loadViewer } from '../auth/viewer';
import { mayWrite, requireScoring } from '../scoring/assessments';
import { saveAccess, saveAccessFacts } from './save-access';
import { criterionIdsOf } from '../scoring/save';

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
