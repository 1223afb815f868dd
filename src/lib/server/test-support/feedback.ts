/** The demo year in the feedback phase, and the people and entries the feedback tests talk about. */
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from './db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import type { SessionUser } from '../auth/session';

export const AFTER_CEREMONY = new Date('2026-12-01T10:00:00Z');
export const BEFORE_CEREMONY = new Date('2026-11-20T10:00:00Z');
export const ORIGIN = 'http://localhost:4999';

export function feedbackYear() {
	const db = createTestDatabase();
	seedDemo(db, { phase: 'feedback', passwordHash: 'x' });
	const user = (email: string): SessionUser => {
		const u = db.select().from(table.user).where(eq(table.user.email, email)).get();
		if (!u) throw new Error(`no user ${email}`);
		return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin };
	};
	const entryOf = (unitName: string) =>
		db
			.select({ id: table.entry.id, unitId: table.entry.unitId })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(and(eq(table.unit.name, unitName), eq(table.entry.cycleId, cycle.id)))
			.get()!;
	const reportOf = (entryId: number) => db.select().from(table.feedbackReport).where(eq(table.feedbackReport.entryId, entryId)).get()!;
	const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
	return { db, cycle, user, entryOf, reportOf };
}
