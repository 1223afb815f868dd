import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import { seedDemo, type DemoPhase } from '../demo/seed';
import { changePhase, nextPhaseCheck, phaseFacts } from './phase';
import { getCycleByYear } from './lookup';
import { DEMO_REFERENCE_DAY } from '$lib/domain/demo-calendar';

const TODAY = '2026-11-30';

function setup(phase: DemoPhase) {
	const db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	const adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	const cycle = getCycleByYear(2026)!;
	const phaseAudits = () => db.select().from(table.auditLog).where(eq(table.auditLog.action, 'cycle.phase')).all();
	return { db, adminId, cycle, phaseAudits };
}

describe('phase facts on the demo year', () => {
	it('in assessment: twelve admitted entries on teams, with the drafts and missing assessments named', () => {
		const { cycle } = setup('assessment');
		const facts = phaseFacts(cycle.id, { today: TODAY })!;
		expect(facts).toMatchObject({ phase: 'assessment', classCount: 5, admittedEntries: 12, entriesWithoutTeam: [], decisionsClosed: false });
		expect(facts.criteria).toHaveLength(7);
		// Each team member of the demo's midway year: one submitted, one draft, one not started.
		expect(facts.assessmentsNotSubmitted).toHaveLength(12);
		for (const a of facts.assessmentsNotSubmitted) expect(a.examiners).toHaveLength(2);
	});

	it('in registration: no teams yet', () => {
		const { cycle } = setup('registration');
		// On the demo's own day: later, its draft would be past its extended last day and not counted.
		const facts = phaseFacts(cycle.id, { today: DEMO_REFERENCE_DAY.registration })!;
		expect(facts.entriesWithoutTeam).toHaveLength(12);
		expect(facts.entriesWithoutTeam).toContain('Sjöstadsskolan');
	});
});

describe('changing the phase', () => {
	it('refuses consensus while assessments are missing, names them, and writes nothing', () => {
		const { cycle, adminId, phaseAudits } = setup('assessment');
		const result = changePhase({ cycleId: cycle.id, to: 'consensus', actorId: adminId, today: TODAY });
		expect(result.ok).toBe(false);
		if (result.ok || result.error !== 'needsReason') throw new Error('needsReason expected');
		expect(result.check.missing).toHaveLength(12);
		expect(result.check.missing[0]).toMatchObject({ key: 'assessmentsNotSubmitted' });
		expect(getCycleByYear(2026)!.phase).toBe('assessment');
		expect(phaseAudits()).toHaveLength(0);
		// A reason of only spaces is no reason.
		expect(changePhase({ cycleId: cycle.id, to: 'consensus', reason: '   ', actorId: adminId, today: TODAY })).toMatchObject({ ok: false, error: 'needsReason' });
		expect(getCycleByYear(2026)!.phase).toBe('assessment');
	});

	it('overrides with a reason, and logs before, after, what was missing and the reason', () => {
		const { cycle, adminId, phaseAudits } = setup('assessment');
		const reason = 'Två examinatorer är sjuka; lagen fortsätter i konsensus.';
		expect(changePhase({ cycleId: cycle.id, to: 'consensus', reason, actorId: adminId, today: TODAY })).toEqual({
			ok: true,
			from: 'assessment',
			to: 'consensus',
			overridden: true
		});
		expect(getCycleByYear(2026)!.phase).toBe('consensus');
		const [audit] = phaseAudits();
		expect(audit).toMatchObject({ actorId: adminId, cycleId: cycle.id, entityType: 'cycle', entityId: String(cycle.id), reason });
		expect(audit.before).toEqual({ phase: 'assessment' });
		expect(audit.after).toMatchObject({ phase: 'consensus', overridden: true });
		expect((audit.after as { missing: unknown[] }).missing).toHaveLength(12);
	});

	it('changes without a reason when nothing is missing, and logs it as no override', () => {
		const { db, cycle, adminId, phaseAudits } = setup('jury');
		expect(nextPhaseCheck(cycle.id, TODAY)).toMatchObject({ to: 'decided', missing: [{ key: 'decisionsOpen' }] });
		db.update(table.cycle).set({ decisionsClosedAt: new Date() }).where(eq(table.cycle.id, cycle.id)).run();
		expect(nextPhaseCheck(cycle.id, TODAY)).toMatchObject({ to: 'decided', allowed: true });
		expect(changePhase({ cycleId: cycle.id, to: 'decided', actorId: adminId, today: TODAY })).toMatchObject({ ok: true, overridden: false });
		expect(phaseAudits()[0]).toMatchObject({ reason: null, after: { phase: 'decided', overridden: false, missing: [] } });
	});

	it('goes to the jury once every admitted entry has its consensus done', () => {
		const { db, cycle, adminId } = setup('consensus');
		const check = nextPhaseCheck(cycle.id, TODAY)!;
		expect(check.missing.map((m) => m.key)).toEqual(['consensusNotDone']);
		db.update(table.consensus).set({ status: 'done' }).run();
		expect(changePhase({ cycleId: cycle.id, to: 'jury', actorId: adminId, today: TODAY })).toMatchObject({ ok: true });
	});

	it('refuses backwards and skipping, even with a reason', () => {
		const { cycle, adminId, phaseAudits } = setup('consensus');
		expect(changePhase({ cycleId: cycle.id, to: 'assessment', reason: 'skäl', actorId: adminId, today: TODAY })).toEqual({ ok: false, error: 'order', refusal: 'backwards' });
		expect(changePhase({ cycleId: cycle.id, to: 'decided', reason: 'skäl', actorId: adminId, today: TODAY })).toEqual({ ok: false, error: 'order', refusal: 'skip' });
		expect(changePhase({ cycleId: cycle.id, to: 'consensus', reason: 'skäl', actorId: adminId, today: TODAY })).toEqual({ ok: false, error: 'order', refusal: 'same' });
		expect(getCycleByYear(2026)!.phase).toBe('consensus');
		expect(phaseAudits()).toHaveLength(0);
	});

	it('counts an overridden entry as admitted: it then needs a team before assessment', () => {
		const { db, cycle } = setup('registration');
		const hvilan = db
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(and(eq(table.unit.name, 'Hvilan'), eq(table.entry.cycleId, cycle.id)))
			.get()!;
		db.update(table.entry).set({ eligibilityOverrideReason: 'Fastnade i e-posten.' }).where(eq(table.entry.id, hvilan.id)).run();
		expect(phaseFacts(cycle.id, { today: TODAY })!.entriesWithoutTeam).toContain('Hvilan');
	});

	it('reports an unknown cycle', () => {
		const { adminId } = setup('assessment');
		expect(changePhase({ cycleId: 99999, to: 'consensus', actorId: adminId, today: TODAY })).toEqual({ ok: false, error: 'notFound' });
	});
});
