import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import * as table from '../db/schema';
import type { DB } from '../db';
import { outcome, scoringEvent, scoringYear } from '../test-support/scoring';
import { conflictedEntryIds, readEntry, readViewer } from './entry-facts';
import { mayWrite, requireScoring, saveAccess } from './guards';
import { CONSENSUS_DONE, isConflicted, isFinalist } from '$lib/domain/entry-state';
import type { EntryFacts, Viewer } from '$lib/domain/permissions';

/**
 * The facts as a reader would take them from the rows one by one, through the domain's own
 * definitions: the one statement and its SQL conditions must agree with this everywhere.
 */
function plainFacts(d: DB, userId: number, entryId: number): { viewer: Viewer; facts: EntryFacts; criterionIds: number[] } | null {
	const row = d
		.select({ entry: table.entry, cycle: table.cycle, organisationId: table.unit.organisationId })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(eq(table.entry.id, entryId))
		.get();
	if (!row) return null;
	const { entry, cycle } = row;
	const leadTeams = d
		.selectDistinct({ cycleId: table.team.cycleId })
		.from(table.teamMember)
		.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
		.where(and(eq(table.teamMember.userId, userId), eq(table.teamMember.isLead, true), isNotNull(table.team.publishedAt)))
		.all();
	const viewer: Viewer = {
		userId,
		isAdmin: d.select().from(table.user).where(eq(table.user.id, userId)).get()?.isAdmin ?? false,
		cycleRoles: d.select({ cycleId: table.cycleRole.cycleId, role: table.cycleRole.role }).from(table.cycleRole).where(eq(table.cycleRole.userId, userId)).all(),
		leadCycleIds: leadTeams.map((t) => t.cycleId),
		unitIds: [...new Set(d.select().from(table.unitContact).where(eq(table.unitContact.userId, userId)).all().map((c) => c.unitId))],
		coordinates: d.select({ cycleId: table.coordinator.cycleId, organisationId: table.coordinator.organisationId }).from(table.coordinator).where(eq(table.coordinator.userId, userId)).all()
	};
	const membership = d
		.select({ isLead: table.teamMember.isLead })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
		.where(and(eq(table.teamEntry.entryId, entryId), eq(table.teamMember.userId, userId), isNotNull(table.team.publishedAt)))
		.get();
	const declared = d.select().from(table.conflict).where(and(eq(table.conflict.userId, userId), eq(table.conflict.entryId, entryId))).get();
	const assessingRows = [
		...d.select().from(table.examinerProfile).where(and(eq(table.examinerProfile.userId, userId), eq(table.examinerProfile.cycleId, cycle.id))).all(),
		...d.select().from(table.cycleRole).where(and(eq(table.cycleRole.userId, userId), eq(table.cycleRole.cycleId, cycle.id))).all()
	];
	const homeOrganisations = assessingRows.map((r) => r.organisationId);
	const coordinates = d.select().from(table.coordinator).where(and(eq(table.coordinator.userId, userId), eq(table.coordinator.cycleId, cycle.id))).all().map((r) => r.organisationId);
	const consensus = d.select().from(table.consensus).where(eq(table.consensus.entryId, entryId)).get();
	const own = d.select().from(table.assessment).where(and(eq(table.assessment.entryId, entryId), eq(table.assessment.examinerId, userId))).get();
	const report = d.select().from(table.feedbackReport).where(eq(table.feedbackReport.entryId, entryId)).get();
	const criteria = d.select().from(table.criterion).where(eq(table.criterion.cycleId, cycle.id)).all();
	return {
		viewer,
		facts: {
			cycleId: cycle.id,
			phase: cycle.phase,
			unitId: entry.unitId,
			organisationId: row.organisationId,
			onTeam: Boolean(membership),
			isLead: membership?.isLead ?? false,
			conflicted: isConflicted(Boolean(declared), homeOrganisations.includes(row.organisationId), assessingRows.length > 0 && coordinates.includes(row.organisationId)),
			isFinalist: isFinalist({ entryStatus: entry.status, consensus }),
			consensusDone: consensus?.status === CONSENSUS_DONE,
			ownSubmitted: own?.status === 'submitted',
			reportReleased: report?.status === 'released'
		},
		criterionIds: criteria.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((c) => c.id)
	};
}

/** A viewer with its lists in one order: `may` only asks whether they include something. */
function sorted(v: Viewer) {
	return {
		...v,
		cycleRoles: [...v.cycleRoles].sort((a, b) => a.cycleId - b.cycleId || a.role.localeCompare(b.role)),
		leadCycleIds: [...v.leadCycleIds].sort(),
		unitIds: [...v.unitIds].sort(),
		coordinates: [...v.coordinates].sort((a, b) => a.cycleId - b.cycleId || a.organisationId - b.organisationId)
	};
}

describe('the one entry read', () => {
	it('agrees with the rows read one by one, for every person, entry and phase of the demo', async () => {
		const y = scoringYear('consensus');
		y.db.insert(table.conflict).values({ userId: y.fresh, entryId: y.entries[1], reason: 'relative', declaredBy: y.admin }).run();
		// An examiner on the team who is also the coordinator of its entry's organisation.
		const { organisationId } = y.db.select({ organisationId: table.unit.organisationId }).from(table.entry).innerJoin(table.unit, eq(table.unit.id, table.entry.unitId)).where(eq(table.entry.id, y.entryId)).get()!;
		y.db.insert(table.coordinator).values({ cycleId: y.cycle.id, organisationId, userId: y.lead }).run();
		// A unit's contact who coordinates its organisation but neither examines nor judges: no conflict.
		const contact = y.db.select({ userId: table.unitContact.userId, unitId: table.unitContact.unitId, organisationId: table.unit.organisationId }).from(table.unitContact).innerJoin(table.unit, eq(table.unit.id, table.unitContact.unitId)).where(eq(table.unitContact.id, 1)).get()!;
		y.db.insert(table.coordinator).values({ cycleId: y.cycle.id, organisationId: contact.organisationId, userId: contact.userId! }).run();
		// An admin who is also an examiner and a unit's contact: every list of the viewer has something.
		y.db.update(table.user).set({ isAdmin: true }).where(eq(table.user.id, y.drafter)).run();
		y.db.update(table.unitContact).set({ userId: y.drafter }).where(eq(table.unitContact.id, 2)).run();
		// A withdrawn entry whose consensus recommends it is no finalist.
		const recommended = y.db.select().from(table.consensus).where(eq(table.consensus.recommendFinalist, true)).all();
		expect(recommended.length).toBeGreaterThan(1);
		y.db.update(table.entry).set({ status: 'withdrawn' }).where(eq(table.entry.id, recommended[0].entryId)).run();
		const users = y.db.select({ id: table.user.id }).from(table.user).all().map((u) => u.id);
		const entries = [...y.db.select({ id: table.entry.id }).from(table.entry).all().map((e) => e.id), 9999];
		const seen = { conflicted: 0, finalist: 0, onTeam: 0, lead: 0, consensusDone: 0 };
		for (const phase of ['registration', 'assessment', 'consensus', 'jury'] as const) {
			y.setPhase(phase);
			for (const userId of users) {
				expect(sorted(readViewer(userId))).toEqual(sorted(plainFacts(y.db, userId, y.entryId)!.viewer));
				const barred = conflictedEntryIds(userId, y.cycle.id);
				for (const entryId of entries) {
					const read = readEntry(userId, entryId);
					const plain = plainFacts(y.db, userId, entryId);
					expect(read === null).toBe(plain === null);
					if (!read || !plain) continue;
					expect(sorted(read.viewer)).toEqual(sorted(plain.viewer));
					expect(read.facts).toEqual(plain.facts);
					expect(read.criterionIds).toEqual(plain.criterionIds);
					expect(barred.has(entryId)).toBe(plain.facts.conflicted);
					seen.conflicted += Number(read.facts.conflicted);
					seen.finalist += Number(read.facts.isFinalist);
					seen.onTeam += Number(read.facts.onTeam);
					seen.lead += Number(read.facts.isLead);
					seen.consensusDone += Number(read.facts.consensusDone);
				}
			}
		}
		// The demo gives some of each fact, so none of the comparisons above is empty.
		for (const n of Object.values(seen)) expect(n).toBeGreaterThan(0);
		const own = y.db.select({ id: table.entry.id }).from(table.entry).where(and(eq(table.entry.unitId, contact.unitId), eq(table.entry.cycleId, y.cycle.id))).get()!.id;
		expect(readEntry(contact.userId!, own)!.facts.conflicted).toBe(false);
		expect(readEntry(y.lead, y.entryId)!.facts.conflicted).toBe(true);
	}, 60_000);

	it('the autosave guard answers as the scoring pages’ guard does', async () => {
		const y = scoringYear();
		y.db.insert(table.conflict).values({ userId: y.fresh, entryId: y.entries[1], reason: 'relative', declaredBy: y.admin }).run();
		const users = y.db.select({ id: table.user.id }).from(table.user).all().map((u) => u.id);
		const entries = [...y.entries, 9999];
		for (const phase of ['registration', 'assessment', 'jury'] as const) {
			y.setPhase(phase);
			for (const userId of users) {
				for (const entryId of entries) {
					const page = await outcome(() => {
						const access = requireScoring(scoringEvent(userId, '/x'), entryId);
						return mayWrite(access) ? 'ok' : 403;
					});
					const save = saveAccess(userId, entryId);
					expect(save.ok ? 'ok' : save.status).toEqual(typeof page === 'object' ? page.thrown : page);
				}
			}
		}
		expect(saveAccess(y.fresh, y.entryId)).toMatchObject({ ok: false, status: 403 }); // phase is now jury
		y.setPhase('assessment');
		expect(saveAccess(y.fresh, y.entryId)).toMatchObject({ ok: true, criterionIds: y.criterionIds });
		expect(saveAccess(y.fresh, y.entries[1])).toEqual({ ok: false, status: 404 });
	});
});
