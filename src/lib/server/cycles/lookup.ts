import { error } from '@sveltejs/kit';
import { desc, eq, ne, notInArray, type SQL } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';

export type Cycle = typeof table.cycle.$inferSelect;

/**
 * The cycle people work in: the latest year that is under way (past preparation, not archived);
 * else the latest not archived; else the latest of all. A next year being prepared does not take
 * this year's examiners and jury away from their work.
 */
export function getCurrentCycle(): Cycle | null {
	const d = db();
	const latest = (where?: SQL) =>
		d.select().from(table.cycle).where(where).orderBy(desc(table.cycle.year)).get();
	return (
		latest(notInArray(table.cycle.phase, ['preparation', 'archived'])) ??
		latest(ne(table.cycle.phase, 'archived')) ??
		latest() ??
		null
	);
}

export function getCycle(id: number): Cycle | null {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	return db().select().from(table.cycle).where(eq(table.cycle.id, id)).get() ?? null;
}

/** The cycle named in the address, or 404. Call it after the area guard. */
export function requireCycle(id: string | number): Cycle {
	return getCycle(Number(id)) ?? error(404, { message: 'not-found' });
}

export function getCycleByYear(year: number): Cycle | null {
	return db().select().from(table.cycle).where(eq(table.cycle.year, year)).get() ?? null;
}

/** Every cycle, newest first. */
export function listCycles(): Cycle[] {
	return db().select().from(table.cycle).orderBy(desc(table.cycle.year)).all();
}
