import { desc, ne } from 'drizzle-orm';
import { db } from './db';
import * as table from './db/schema';

export type Cycle = typeof table.cycle.$inferSelect;

/** The cycle people work in: the latest year that is not archived, else the latest of all. */
export function getCurrentCycle(): Cycle | null {
	const d = db();
	return (
		d.select().from(table.cycle).where(ne(table.cycle.phase, 'archived')).orderBy(desc(table.cycle.year)).get() ??
		d.select().from(table.cycle).orderBy(desc(table.cycle.year)).get() ??
		null
	);
}
