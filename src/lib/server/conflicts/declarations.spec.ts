import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import type { DB } from '../db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import { getCycleByYear } from '../cycles/lookup';
import { conflictedEntryIds } from '../access/entry-facts';
import { assignmentPublished, conflictList, declareConflict, withdrawConflict } from './declarations';

let db: DB;
let cycleId: number;
let adminId: number;
let examinerId: number;

const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const audits = (action: string) => db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();

/** An entry that is not the examiner's own organisation's. */
function otherEntry(): number {
	return conflictList(cycleId, examinerId).find((e) => !e.sameOrganisation)!.entryId;
}

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	cycleId = getCycleByYear(2026)!.id;
	adminId = userId('admin@demo.test');
	examinerId = userId('examinator1@demo.test');
});

describe('declaring a conflict', () => {
	it('lists the cycle’s entries with the implied same-organisation conflicts', () => {
		const list = conflictList(cycleId, examinerId);
		expect(list).toHaveLength(16);
		const home = db.select().from(table.examinerProfile).where(eq(table.examinerProfile.userId, examinerId)).get()!.organisationId;
		const own = db
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(and(eq(table.entry.cycleId, cycleId), eq(table.unit.organisationId, home!)))
			.all()
			.map((e) => e.id);
		expect(list.filter((e) => e.sameOrganisation).map((e) => e.entryId).sort()).toEqual(own.sort());
		expect(list.every((e) => e.declared === null)).toBe(true);
	});

	it('lists the entries of an organisation the examiner coordinates as conflicts, and bars them', () => {
		const social = db.select().from(table.organisation).where(eq(table.organisation.name, 'Socialförvaltningen')).get()!.id;
		const outsider = db.select().from(table.examinerProfile).where(and(eq(table.examinerProfile.cycleId, cycleId), ne(table.examinerProfile.organisationId, social))).get()!.userId;
		db.insert(table.coordinator).values({ cycleId, organisationId: social, userId: outsider }).run();
		const coordinated = conflictList(cycleId, outsider).filter((e) => e.coordinator);
		expect(coordinated.map((e) => e.unitName).sort()).toEqual(['Enheten för hemlösa', 'Hvilan', 'Ljungbacken', 'Tillfälliga boenden']);
		expect(coordinated.every((e) => !e.sameOrganisation && e.declared === null)).toBe(true);
		for (const e of coordinated) expect(conflictedEntryIds(outsider, cycleId).has(e.entryId)).toBe(true);
	});

	it('records the declaration with its reason, audits it, and bars the entry from then on', () => {
		const entryId = otherEntry();
		expect(conflictedEntryIds(examinerId, cycleId).has(entryId)).toBe(false);
		const result = declareConflict({ cycleId, userId: examinerId, entryId, reason: 'former-workplace', note: 'Arbetade där 2022', actorId: examinerId });
		expect(result.ok).toBe(true);
		const row = conflictList(cycleId, examinerId).find((e) => e.entryId === entryId)!;
		expect(row.declared).toMatchObject({ reason: 'former-workplace', note: 'Arbetade där 2022', byThemselves: true });
		expect(conflictedEntryIds(examinerId, cycleId).has(entryId)).toBe(true);
		const [audit] = audits('conflict.declare');
		expect(audit).toMatchObject({ actorId: examinerId, cycleId, entityType: 'conflict' });
		expect(audit.after).toMatchObject({ userId: examinerId, entryId, reason: 'former-workplace' });
		expect(declareConflict({ cycleId, userId: examinerId, entryId, reason: 'other', note: '', actorId: examinerId })).toEqual({ ok: false, error: 'exists' });
	});

	it('refuses people outside the pool and entries of another cycle', () => {
		const juror = userId('jury1@demo.test');
		expect(declareConflict({ cycleId, userId: juror, entryId: otherEntry(), reason: 'relative', note: '', actorId: juror })).toEqual({
			ok: false,
			error: 'notInPool'
		});
		const stranger = db.select({ id: table.entry.id }).from(table.entry).where(ne(table.entry.cycleId, cycleId)).get();
		const missing = stranger?.id ?? 999_999;
		expect(declareConflict({ cycleId, userId: examinerId, entryId: missing, reason: 'relative', note: '', actorId: examinerId })).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(audits('conflict.declare')).toEqual([]);
	});
});

describe('withdrawing a declaration', () => {
	const declare = (actorId: number) => {
		const result = declareConflict({ cycleId, userId: examinerId, entryId: otherEntry(), reason: 'consultancy', note: '', actorId });
		if (!result.ok) throw new Error(result.error);
		return result.id;
	};
	const publishSomething = () => {
		const classId = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).get()!.id;
		db.insert(table.team).values({ cycleId, classId, name: 'Lag 1', publishedAt: new Date() }).run();
	};

	it('lets the examiner withdraw their own declaration before the assignment is published, audited', () => {
		const id = declare(examinerId);
		expect(withdrawConflict({ cycleId, conflictId: id, actorId: examinerId, asAdmin: false })).toEqual({ ok: true });
		expect(db.select().from(table.conflict).all()).toEqual([]);
		expect(audits('conflict.withdraw')[0].before).toMatchObject({ userId: examinerId, reason: 'consultancy', declaredBy: examinerId });
	});

	it('refuses the examiner after publishing, and for a declaration someone else made; the admin may always', () => {
		const byAdmin = declare(adminId);
		expect(withdrawConflict({ cycleId, conflictId: byAdmin, actorId: examinerId, asAdmin: false })).toEqual({ ok: false, error: 'notOwn' });
		const other = userId('examinator2@demo.test');
		expect(withdrawConflict({ cycleId, conflictId: byAdmin, actorId: other, asAdmin: false })).toEqual({ ok: false, error: 'notOwn' });
		expect(withdrawConflict({ cycleId, conflictId: byAdmin, actorId: adminId, asAdmin: true })).toEqual({ ok: true });

		const own = declare(examinerId);
		publishSomething();
		expect(assignmentPublished(cycleId)).toBe(true);
		expect(withdrawConflict({ cycleId, conflictId: own, actorId: examinerId, asAdmin: false })).toEqual({ ok: false, error: 'published' });
		expect(db.select().from(table.conflict).all()).toHaveLength(1);
		expect(withdrawConflict({ cycleId, conflictId: own, actorId: adminId, asAdmin: true })).toEqual({ ok: true });
		expect(audits('conflict.withdraw').map((a) => a.actorId)).toEqual([adminId, adminId]);
	});

	it('still takes new declarations after publishing', () => {
		publishSomething();
		expect(declare(examinerId)).toBeGreaterThan(0);
	});
});
