import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { admittedEntryIds, entryEligibility, overrideEligibility, withdrawEligibilityOverride } from './eligibility';
import { getCycleByYear } from '../cycles/lookup';
import { DEMO_REFERENCE_DAY } from '$lib/domain/demo-calendar';

let db: DB;
let adminId: number;
let cycleId: number;
/**
 * The registration demo's own day, after the minutes deadline (30 June 2026): missing minutes fail
 * instead of being unknown, and a draft within its extension is still awaited.
 */
const TODAY = DEMO_REFERENCE_DAY.registration;

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	cycleId = getCycleByYear(2026)!.id;
});

const byUnit = (today = TODAY) => new Map(entryEligibility(cycleId, { today }).map((e) => [e.unitName, e]));
const status = (unit: string, rule: string, today = TODAY) =>
	byUnit(today).get(unit)!.eligibility.rules.find((r) => r.rule === rule)!.status;

describe('eligibility of the demo year', () => {
	it('lists every registered entry with all eight rules', () => {
		const all = entryEligibility(cycleId, { today: TODAY });
		expect(all).toHaveLength(16);
		for (const e of all) expect(e.eligibility.rules.map((r) => r.rule)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
	});

	it('finds the late account, the missing minutes, the 48 % share and the recent win', () => {
		const e = byUnit();
		expect(e.get('Hvilan')!.failing).toEqual(['E4']);
		expect(e.get('Ljungbacken')!.failing).toEqual(['E5']);
		expect(e.get('Förskolan Solstrålen')!.failing).toEqual(['E6']);
		expect(e.get('Vård- och omsorgsboendet Trädgården')!.failing).toEqual(['E7']);
		expect(e.get('Förskolan Solstrålen')!.eligibility.rules.find((r) => r.rule === 'E6')!.reason).toBe(
			'Enheten drivs privat och stockholmare har 48 % av platserna; minst 51 % krävs.'
		);
	});

	it('admits the unit in deficit but blocks its award (E8)', () => {
		const deficit = byUnit().get('Sjöstadsskolan')!;
		expect(deficit).toMatchObject({ admitted: true, failing: [] });
		expect(deficit.eligibility.awardBlocked).toBe(true);
		expect(status('Sjöstadsskolan', 'E8')).toBe('fail');
	});

	it('admits the twelve entries without an E1–E7 failure', () => {
		const admitted = admittedEntryIds(cycleId, { today: TODAY });
		const names = new Map(entryEligibility(cycleId, { today: TODAY }).map((e) => [e.entryId, e.unitName]));
		expect(admitted).toHaveLength(12);
		for (const out of ['Hvilan', 'Ljungbacken', 'Förskolan Solstrålen', 'Vård- och omsorgsboendet Trädgården']) {
			expect(admitted.map((id) => names.get(id))).not.toContain(out);
		}
		expect(admitted.map((id) => names.get(id))).toContain('Sjöstadsskolan');
	});

	it('awaits the account of the unit with only a draft until its extended last day, then fails it', () => {
		expect(status('Resursenheten', 'E4')).toBe('unknown');
		expect(status('Resursenheten', 'E4', '2026-07-21')).toBe('unknown');
		expect(status('Resursenheten', 'E4', '2026-07-22')).toBe('fail');
	});

	it('leaves missing minutes unknown until the deadline has passed: the entry stays admitted', () => {
		expect(status('Ljungbacken', 'E5', '2026-06-30')).toBe('unknown');
		expect(status('Ljungbacken', 'E5', '2026-07-01')).toBe('fail');
		expect(admittedEntryIds(cycleId, { today: '2026-06-30' })).toHaveLength(13);
	});

	it('builds E1 from both responsibilities and E7 from the win history', () => {
		const unit = db.select().from(table.unit).where(eq(table.unit.name, 'Hvilan')).get()!;
		db.update(table.unit).set({ managerHasStaffResponsibility: null }).where(eq(table.unit.id, unit.id)).run();
		expect(status('Hvilan', 'E1')).toBe('unknown');
		db.update(table.unit).set({ managerHasBudgetResponsibility: false }).where(eq(table.unit.id, unit.id)).run();
		expect(status('Hvilan', 'E1')).toBe('fail');
		db.insert(table.unitWin).values({ unitId: unit.id, year: 2023 }).run();
		expect(status('Hvilan', 'E7')).toBe('pass');
		db.insert(table.unitWin).values({ unitId: unit.id, year: 2024 }).run();
		expect(status('Hvilan', 'E7')).toBe('fail');
	});

	it('leaves withdrawn entries out', () => {
		const hvilan = byUnit().get('Hvilan')!;
		db.update(table.entry).set({ status: 'withdrawn' }).where(eq(table.entry.id, hvilan.entryId)).run();
		expect(entryEligibility(cycleId, { today: TODAY })).toHaveLength(15);
	});
});

describe('overriding eligibility', () => {
	it('admits a failing entry with its reason and logs it; withdrawing is logged too', () => {
		const hvilan = byUnit().get('Hvilan')!;
		const reason = 'Redovisningen skickades i tid men fastnade i stadens e-post.';
		expect(overrideEligibility({ cycleId, entryId: hvilan.entryId, version: hvilan.version, reason, actorId: adminId, today: TODAY })).toEqual({ ok: true });
		expect(admittedEntryIds(cycleId, { today: TODAY })).toContain(hvilan.entryId);
		expect(byUnit().get('Hvilan')).toMatchObject({ admitted: true, overrideReason: reason, failing: ['E4'], version: hvilan.version + 1 });
		const logged = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'entry.eligibilityOverride')).get()!;
		expect(logged).toMatchObject({ actorId: adminId, cycleId, entityType: 'entry', entityId: String(hvilan.entryId), reason });
		expect(logged.before).toEqual({ overrideReason: null });
		expect(logged.after).toEqual({ overrideReason: reason, failing: ['E4'] });

		expect(withdrawEligibilityOverride({ cycleId, entryId: hvilan.entryId, version: hvilan.version + 1, actorId: adminId, today: TODAY })).toEqual({ ok: true });
		expect(admittedEntryIds(cycleId, { today: TODAY })).not.toContain(hvilan.entryId);
		const withdrawn = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'entry.eligibilityOverrideWithdrawn')).get()!;
		expect(withdrawn.before).toEqual({ overrideReason: reason });
		expect(withdrawn.after).toEqual({ overrideReason: null, failing: ['E4'] });
	});

	it('refuses an entry that does not fail, a stale version, another cycle and a second withdrawal', () => {
		const e = byUnit();
		const fine = e.get('Enheten för hemlösa')!;
		const hvilan = e.get('Hvilan')!;
		const base = { cycleId, actorId: adminId, today: TODAY, reason: 'skäl' };
		expect(overrideEligibility({ ...base, entryId: fine.entryId, version: fine.version })).toEqual({ ok: false, error: 'notFailing' });
		expect(overrideEligibility({ ...base, entryId: hvilan.entryId, version: hvilan.version - 1 })).toEqual({ ok: false, error: 'conflict' });
		expect(overrideEligibility({ ...base, cycleId: cycleId - 1, entryId: hvilan.entryId, version: hvilan.version })).toEqual({ ok: false, error: 'notFound' });
		expect(withdrawEligibilityOverride({ ...base, entryId: hvilan.entryId, version: hvilan.version })).toEqual({ ok: false, error: 'noOverride' });
		expect(db.select().from(table.auditLog).where(eq(table.auditLog.entityType, 'entry')).all()).toHaveLength(0);
		expect(byUnit().get('Hvilan')!.overrideReason).toBeNull();
	});
});
