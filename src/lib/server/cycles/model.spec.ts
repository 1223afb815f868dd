import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { getModel, removeClass, removeCriterion, saveClass, saveCriterion, saveScale } from './model';
import { parseClass, parseCriterion, parseScale } from './model-form';
import { createCycle, newCycleDefaults, parseNewCycle } from './settings';
import { changePhase } from './phase';
import { getCycle, getCycleByYear } from './lookup';
import { messages } from '$lib/i18n';

const sv = messages('sv');
let db: DB;
let actorId: number;
let cycleId: number;

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
	actorId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	const parsed = parseNewCycle(newCycleDefaults(), sv, 'sv');
	if (!parsed.ok) throw new Error('defaults must be valid');
	const created = createCycle(parsed.data, actorId);
	if (!created.ok) throw new Error('create failed');
	cycleId = created.id;
});

const criterionForm = (over: Record<string, string> = {}) => ({
	key: 'innovation',
	titleSv: 'Innovation',
	titleEn: 'Innovation',
	kind: 'approach',
	weight: '7,5',
	guidance: 'Hur enheten prövar nya arbetssätt.',
	questions: 'Vad har ni prövat?\n\n  Vad lärde ni er?  \n',
	sortOrder: '8',
	...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`band${i}`, ''])),
	...over
});
const audits = (action: string) => db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();

describe('editing the model in preparation', () => {
	it('adds a criterion with a decimal-comma weight and questions one per line', () => {
		const parsed = parseCriterion(criterionForm(), sv);
		expect(parsed).toMatchObject({ ok: true, data: { weight: 7.5, questions: ['Vad har ni prövat?', 'Vad lärde ni er?'], bandTexts: [] } });
		if (!parsed.ok) return;
		expect(saveCriterion({ cycleId, id: null, version: null, actorId }, parsed.data)).toEqual({ ok: true });
		expect(getModel(cycleId).criteria.map((c) => c.key)).toContain('innovation');
		expect(audits('model.criterion.create')).toHaveLength(1);
		// The same key again is refused.
		expect(saveCriterion({ cycleId, id: null, version: null, actorId }, parsed.data)).toEqual({ ok: false, error: 'keyTaken' });
	});

	it('updates a criterion with its version, and refuses an old version', () => {
		const leadership = getModel(cycleId).criteria.find((c) => c.key === 'leadership')!;
		const bands = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`band${i}`, `Nivå ${i}`]));
		const parsed = parseCriterion(criterionForm({ key: 'leadership', titleSv: 'Ledarskap och styrning', weight: '20', ...bands }), sv);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect(parsed.data.bandTexts).toHaveLength(6);
		const target = { cycleId, id: leadership.id, version: leadership.version, actorId };
		expect(saveCriterion(target, parsed.data)).toEqual({ ok: true });
		expect(saveCriterion(target, parsed.data)).toEqual({ ok: false, error: 'conflict' });
		const after = getModel(cycleId).criteria.find((c) => c.id === leadership.id)!;
		expect(after).toMatchObject({ titleSv: 'Ledarskap och styrning', weight: 20, version: leadership.version + 1 });
		const [audit] = audits('model.criterion.update');
		expect(audit.before).toMatchObject({ titleSv: 'Ledarskap', weight: 15 });
		expect(audit.after).toMatchObject({ titleSv: 'Ledarskap och styrning', weight: 20 });
	});

	it('says at the field what is wrong with a criterion', () => {
		const result = parseCriterion(criterionForm({ key: 'Inno vation', titleSv: '', kind: 'feelings', weight: '0', band2: 'bara en' }), sv);
		expect(result).toEqual({
			ok: false,
			errors: {
				key: sv.model.errors.key,
				titleSv: sv.model.errors.title,
				kind: sv.model.errors.kind,
				weight: sv.model.errors.weight
			}
		});
		expect(parseCriterion(criterionForm({ band2: 'bara en' }), sv)).toEqual({ ok: false, errors: { band0: sv.model.errors.bandsPartial } });
		expect(parseCriterion(criterionForm({ questions: 'x'.repeat(301) }), sv)).toEqual({ ok: false, errors: { questions: sv.model.errors.questions } });
	});

	it('adds, renames and removes a class; a class with entries cannot be removed', () => {
		const parsed = parseClass({ nameSv: 'Kultur', nameEn: 'Culture', description: '', sortOrder: '9' }, sv);
		if (!parsed.ok) throw new Error('valid expected');
		expect(saveClass({ cycleId, id: null, version: null, actorId }, parsed.data)).toEqual({ ok: true });
		expect(saveClass({ cycleId, id: null, version: null, actorId }, parsed.data)).toEqual({ ok: false, error: 'nameTaken' });
		const kultur = getModel(cycleId).classes.find((c) => c.nameSv === 'Kultur')!;
		expect(removeClass({ cycleId, id: kultur.id, version: kultur.version, actorId })).toEqual({ ok: true });
		expect(audits('model.class.remove')[0].before).toMatchObject({ nameSv: 'Kultur' });

		// 2026 is frozen, so put an entry on a class of the new cycle to see the rule.
		const skola = getModel(cycleId).classes.find((c) => c.nameSv === 'Skola')!;
		const unitId = db.select().from(table.unit).get()!.id;
		db.insert(table.entry).values({ cycleId, unitId, classId: skola.id }).run();
		expect(removeClass({ cycleId, id: skola.id, version: skola.version, actorId })).toEqual({ ok: false, error: 'classInUse', count: 1 });
	});

	it('refuses a class of another cycle', () => {
		const other = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, getCycleByYear(2025)!.id)).get()!;
		expect(removeClass({ cycleId, id: other.id, version: other.version, actorId })).toEqual({ ok: false, error: 'notFound' });
	});

	it('saves the scale step and divergence threshold with the cycle version', () => {
		const cycle = getCycle(cycleId)!;
		const parsed = parseScale({ scaleStep: '10', divergenceThreshold: '25' }, sv);
		if (!parsed.ok) throw new Error('valid expected');
		expect(saveScale({ cycleId, version: cycle.version, actorId }, parsed.data)).toEqual({ ok: true });
		expect(getCycle(cycleId)).toMatchObject({ scaleStep: 10, divergenceThreshold: 25, version: cycle.version + 1 });
		expect(saveScale({ cycleId, version: cycle.version, actorId }, parsed.data)).toEqual({ ok: false, error: 'conflict' });
		expect(parseScale({ scaleStep: '3', divergenceThreshold: '200' }, sv)).toEqual({
			ok: false,
			errors: { scaleStep: sv.model.errors.scaleStep, divergenceThreshold: sv.model.errors.divergenceThreshold }
		});
	});
});

describe('the model is frozen once assessment opens', () => {
	it('refuses every change to the 2026 model, which is in assessment, and writes nothing', () => {
		const y2026 = getCycleByYear(2026)!;
		const { classes, criteria } = getModel(y2026.id);
		const target = { cycleId: y2026.id, actorId };
		const crit = parseCriterion(criterionForm(), sv);
		const cls = parseClass({ nameSv: 'Kultur', nameEn: 'Culture', description: '', sortOrder: '9' }, sv);
		if (!crit.ok || !cls.ok) throw new Error('valid expected');
		const frozen = { ok: false, error: 'frozen' };
		expect(saveCriterion({ ...target, id: null, version: null }, crit.data)).toEqual(frozen);
		expect(saveCriterion({ ...target, id: criteria[0].id, version: criteria[0].version }, { ...crit.data, key: criteria[0].key })).toEqual(frozen);
		expect(removeCriterion({ ...target, id: criteria[0].id, version: criteria[0].version })).toEqual(frozen);
		expect(saveClass({ ...target, id: null, version: null }, cls.data)).toEqual(frozen);
		expect(saveClass({ ...target, id: classes[0].id, version: classes[0].version }, cls.data)).toEqual(frozen);
		expect(removeClass({ ...target, id: classes[0].id, version: classes[0].version })).toEqual(frozen);
		expect(saveScale({ ...target, version: y2026.version }, { scaleStep: 10, divergenceThreshold: 20 })).toEqual(frozen);
		expect(getModel(y2026.id)).toEqual({ classes, criteria });
		expect(getCycleByYear(2026)).toEqual(y2026);
		expect(db.select().from(table.auditLog).where(and(eq(table.auditLog.cycleId, y2026.id), eq(table.auditLog.entityType, 'criterion'))).all()).toHaveLength(0);
	});

	it('freezes the new cycle when it reaches assessment', () => {
		const reason = 'Provkörning';
		expect(changePhase({ cycleId, to: 'registration', actorId })).toMatchObject({ ok: true });
		const crit = parseCriterion(criterionForm(), sv);
		if (!crit.ok) throw new Error('valid expected');
		expect(saveCriterion({ cycleId, id: null, version: null, actorId }, crit.data)).toEqual({ ok: true });
		expect(changePhase({ cycleId, to: 'assessment', actorId, reason })).toMatchObject({ ok: true, overridden: true });
		expect(saveCriterion({ cycleId, id: null, version: null, actorId }, { ...crit.data, key: 'another' })).toEqual({ ok: false, error: 'frozen' });
	});
});
