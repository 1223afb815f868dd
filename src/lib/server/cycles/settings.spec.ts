import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { createCycle, cycleValues, newCycleDefaults, parseCycleSettings, parseNewCycle, updateCycle } from './settings';
import { getCurrentCycle, getCycleByYear } from './lookup';
import { messages } from '$lib/i18n';
import { DEFAULT_CRITERIA } from '$lib/domain/default-model';

const sv = messages('sv');
let db: DB;
let adminId: number;

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
});

function form(overrides: Record<string, string> = {}) {
	return { ...newCycleDefaults(), ...overrides };
}

function model(cycleId: number) {
	return {
		classes: db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).orderBy(asc(table.awardClass.sortOrder)).all()
			.map(({ nameSv, nameEn, description, sortOrder }) => ({ nameSv, nameEn, description, sortOrder })),
		criteria: db.select().from(table.criterion).where(eq(table.criterion.cycleId, cycleId)).orderBy(asc(table.criterion.sortOrder)).all()
			.map(({ id: _i, cycleId: _c, version: _v, ...rest }) => rest)
	};
}

describe('creating a cycle', () => {
	it('starts from the year after the latest, copying the latest model', () => {
		const defaults = newCycleDefaults();
		const y2026 = getCycleByYear(2026)!;
		expect(defaults).toMatchObject({ year: '2027', name: 'Kvalitetsutmärkelsen 2027', copyFrom: String(y2026.id), scaleStep: '5' });
	});

	it('copies the classes and criteria of the chosen earlier cycle and logs it', () => {
		const y2026 = getCycleByYear(2026)!;
		// Change 2026's model so a copy of it differs from the default model.
		db.update(table.criterion).set({ weight: 40, questions: ['Egen fråga?'] }).where(and(eq(table.criterion.cycleId, y2026.id), eq(table.criterion.key, 'results'))).run();
		const parsed = parseNewCycle(form({ accountDeadline: '2027-05-17', ceremonyDate: '2027-11-23' }), sv, 'sv');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const result = createCycle(parsed.data, adminId);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const created = db.select().from(table.cycle).where(eq(table.cycle.id, result.id)).get()!;
		expect(created).toMatchObject({ year: 2027, phase: 'preparation', accountDeadline: '2027-05-17', ceremonyDate: '2027-11-23', version: 1 });
		expect(model(result.id)).toEqual(model(y2026.id));
		expect(model(result.id).criteria.find((c) => c.key === 'results')).toMatchObject({ weight: 40, questions: ['Egen fråga?'] });
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'cycle.create')).get()!;
		expect(audit).toMatchObject({ actorId: adminId, cycleId: result.id, entityId: String(result.id) });
		expect(audit.after).toMatchObject({ year: 2027, modelFrom: 2026, classes: 5, criteria: 7 });
	});

	it('copies from the archived 2025 cycle when asked, or uses the default model', () => {
		const y2025 = getCycleByYear(2025)!;
		const fromOld = parseNewCycle(form({ copyFrom: String(y2025.id) }), sv, 'sv');
		const id = fromOld.ok && createCycle(fromOld.data, adminId);
		expect(id && id.ok && model(id.id)).toEqual(model(y2025.id));
		const fromDefault = parseNewCycle(form({ year: '2028', name: 'Kvalitetsutmärkelsen 2028', copyFrom: 'default' }), sv, 'sv');
		const created = fromDefault.ok ? createCycle(fromDefault.data, adminId) : null;
		expect(created?.ok).toBe(true);
		if (created?.ok) expect(model(created.id).criteria.map((c) => c.key)).toEqual(DEFAULT_CRITERIA.map((c) => c.key));
	});

	it('does not take this year’s work away: a cycle in preparation is not the current one', () => {
		const parsed = parseNewCycle(form(), sv, 'sv');
		if (parsed.ok) createCycle(parsed.data, adminId);
		expect(getCurrentCycle()?.year).toBe(2026);
	});

	it('refuses a year that already has a cycle, and an unknown source, writing nothing', () => {
		const before = db.select().from(table.cycle).all().length;
		const taken = parseNewCycle(form({ year: '2026' }), sv, 'sv');
		expect(taken.ok && createCycle(taken.data, adminId)).toEqual({ ok: false, error: 'yearTaken' });
		const unknown = parseNewCycle(form({ copyFrom: '9999' }), sv, 'sv');
		expect(unknown.ok && createCycle(unknown.data, adminId)).toEqual({ ok: false, error: 'copyFrom' });
		expect(db.select().from(table.cycle).all()).toHaveLength(before);
		expect(db.select().from(table.auditLog).where(eq(table.auditLog.action, 'cycle.create')).all()).toHaveLength(0);
	});

	it('says at the field what is wrong, in Swedish', () => {
		const parsed = parseNewCycle(
			form({ year: '20x7', name: '', scaleStep: '7', divergenceThreshold: '0', teamSize: '12', defaultCapacity: 'två', accountAnswerLimit: '50', copyFrom: '../1' }),
			sv,
			'sv'
		);
		expect(parsed).toEqual({
			ok: false,
			errors: {
				year: 'Ange ett årtal mellan 2000 och 2100.',
				name: 'Ange ett namn på 1–120 tecken.',
				scaleStep: 'Välj steg om 5 eller 10.',
				divergenceThreshold: 'Ange ett heltal från 5 till 100.',
				teamSize: 'Ange ett heltal från 1 till 8.',
				defaultCapacity: 'Ange ett heltal från 1 till 10.',
				accountAnswerLimit: 'Ange ett heltal mellan 200 och 20\u00a0000.',
				copyFrom: 'Välj en omgång att kopiera från eller standardmodellen.'
			}
		});
	});

	it('refuses dates in the wrong order at the later field, with the date it may not precede', () => {
		const parsed = parseNewCycle(form({ juryMeetingDate: '2027-10-27', ceremonyDate: '2027-10-20', accountDeadline: '2027-13-01' }), sv, 'sv');
		expect(parsed).toEqual({
			ok: false,
			errors: {
				ceremonyDate: 'Kan inte vara före jurymöte (27 oktober 2027).',
				accountDeadline: 'Ange ett datum som ÅÅÅÅ-MM-DD.'
			}
		});
		const wrongYear = parseNewCycle(form({ accountDeadline: '2026-05-18' }), sv, 'sv');
		expect(wrongYear).toEqual({ ok: false, errors: { accountDeadline: 'Datumet ska ligga under 2027 eller 2028.' } });
	});

	it('shows date order errors together with other field errors', () => {
		const parsed = parseNewCycle(form({ name: '', minutesDeadline: '2027-06-30', accountDeadline: '2027-07-01', assessmentDue: '2027-06-01' }), sv, 'sv');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['assessmentDue', 'minutesDeadline', 'name']);
	});
});

describe('editing a cycle', () => {
	it('saves settings and dates, bumps the version and logs what changed', () => {
		const cycle = getCycleByYear(2026)!;
		const parsed = parseCycleSettings({ ...cycleValues(cycle), ceremonyDate: '2026-11-25', teamSize: '4', accountAnswerLimit: '6000' }, cycle.year, sv, 'sv');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(updateCycle(cycle.id, cycle.version, parsed.data, adminId)).toEqual({ ok: true });
		expect(getCycleByYear(2026)).toMatchObject({ ceremonyDate: '2026-11-25', teamSize: 4, accountAnswerLimit: 6000, version: cycle.version + 1, phase: 'assessment' });
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'cycle.update')).get()!;
		expect(audit.before).toEqual({ ceremonyDate: '2026-11-24', teamSize: 3, accountAnswerLimit: 4000 });
		expect(audit.after).toEqual({ ceremonyDate: '2026-11-25', teamSize: 4, accountAnswerLimit: 6000 });
	});

	it('refuses a save based on an old version as a conflict, writing nothing', () => {
		const cycle = getCycleByYear(2026)!;
		const first = parseCycleSettings({ ...cycleValues(cycle), name: 'Första' }, 2026, sv, 'sv');
		const second = parseCycleSettings({ ...cycleValues(cycle), name: 'Andra' }, 2026, sv, 'sv');
		if (!first.ok || !second.ok) throw new Error('valid input expected');
		expect(updateCycle(cycle.id, cycle.version, first.data, adminId)).toEqual({ ok: true });
		expect(updateCycle(cycle.id, cycle.version, second.data, adminId)).toEqual({ ok: false, error: 'conflict' });
		expect(getCycleByYear(2026)?.name).toBe('Första');
		expect(db.select().from(table.auditLog).where(eq(table.auditLog.action, 'cycle.update')).all()).toHaveLength(1);
	});

	it('refuses dates out of order against the cycle year', () => {
		const cycle = getCycleByYear(2026)!;
		expect(parseCycleSettings({ ...cycleValues(cycle), feedbackDate: '2026-11-01' }, 2026, sv, 'sv')).toEqual({
			ok: false,
			errors: { feedbackDate: 'Kan inte vara före prisutdelning (24 november 2026).' }
		});
		expect(parseCycleSettings({ ...cycleValues(cycle), feedbackDate: '2026-11-01' }, 2026, messages('en'), 'en')).toEqual({
			ok: false,
			errors: { feedbackDate: 'Cannot be before the ceremony (24 November 2026).' }
		});
	});

	it('refuses changes to an archived cycle', () => {
		const old = getCycleByYear(2025)!;
		const parsed = parseCycleSettings(cycleValues(old), 2025, sv, 'sv');
		expect(parsed.ok && updateCycle(old.id, old.version, parsed.data, adminId)).toEqual({ ok: false, error: 'archived' });
	});
});
