/**
 * Shared set-up for the written account's tests: the demo year in registration, with its account
 * deadline far ahead, the demo's contact (enhet1) and a contact of another unit, and the entry of
 * the first one's unit.
 */
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import { readEntry } from '../access/entry-facts';
import { accountShape } from '../account/store';
import type { EntryAccess } from '../access/guards';
import type { AccountDoc } from '$lib/domain/account';

export function accountYear() {
	const db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
	db.update(table.cycle).set({ accountDeadline: '2099-05-20' }).where(eq(table.cycle.id, cycle.id)).run();
	const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
	const contact = userId('enhet1@demo.test');
	const admin = userId('admin@demo.test');
	const unitId = db.select().from(table.unitContact).where(eq(table.unitContact.userId, contact)).get()!.unitId;
	const entryId = db.select().from(table.entry).where(eq(table.entry.unitId, unitId)).all().find((e) => e.cycleId === cycle.id)!.id;
	// The demo's half-written draft goes: every test starts from an account not begun.
	db.delete(table.account).where(eq(table.account.entryId, entryId)).run();
	// A colleague at the same unit, so two contacts can edit one account.
	const colleague = db.insert(table.user).values({ email: 'kollega@demo.test', name: 'Karin Kollega', passwordHash: 'x' }).returning().get().id;
	db.insert(table.unitContact).values({ unitId, userId: colleague, name: 'Karin Kollega', email: 'kollega@demo.test' }).run();
	const otherUnit = db.select().from(table.unit).all().find((u) => u.id !== unitId)!.id;
	const outsider = db.insert(table.user).values({ email: 'annan@demo.test', name: 'Annan Enhet', passwordHash: 'x' }).returning().get().id;
	db.insert(table.unitContact).values({ unitId: otherUnit, userId: outsider, name: 'Annan Enhet', email: 'annan@demo.test' }).run();
	const shape = accountShape(cycle.id);
	const access = (user = contact): EntryAccess => {
		const row = db.select().from(table.user).where(eq(table.user.id, user)).get()!;
		return { ...readEntry(user, entryId)!, user: { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin } };
	};
	const filled = (text = 'Svar'): AccountDoc => ({
		introduction: `${text}: om enheten`,
		criteria: shape.map((c) => ({ criterionId: c.criterionId, answers: Array.from({ length: c.questions }, (_, q) => `${text} ${c.criterionId}.${q}`) }))
	});
	return { db, cycle, contact, colleague, outsider, admin, unitId, entryId, shape, access, filled };
}
