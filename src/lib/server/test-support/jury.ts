/** Shared set-up for the jury's integration tests: a demo year in the jury phase and its people. */
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from './db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { finalistRows } from '../jury/jury';
import { NONE_BARRED } from '$lib/domain/entry-state';

export function juryYear(phase: 'jury' | 'feedback' | 'consensus' = 'jury') {
	const db: DB = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
	const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
	const classes = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).orderBy(asc(table.awardClass.sortOrder)).all();
	const finalists = (classId: number) => finalistRows(db, cycle.id, NONE_BARRED, classId).map((f) => f.entryId);
	const nonFinalist = (classId: number) =>
		db
			.select({ id: table.entry.id })
			.from(table.entry)
			.where(and(eq(table.entry.classId, classId), eq(table.entry.cycleId, cycle.id)))
			.all()
			.map((e) => e.id)
			.find((id) => !finalists(classId).includes(id));
	/** Everything the jury's writes touch, to prove that a refused write changed nothing. */
	const snapshot = () => ({
		ballots: db.select().from(table.ballot).all(),
		decisions: db.select().from(table.decision).all(),
		meetings: db.select().from(table.juryMeeting).all(),
		cycle: db.select().from(table.cycle).where(eq(table.cycle.id, cycle.id)).get(),
		audit: db.select().from(table.auditLog).all().length
	});
	const reloadCycle = () => db.select().from(table.cycle).where(eq(table.cycle.id, cycle.id)).get()!;
	return { db, cycle, userId, classes, finalists, nonFinalist, snapshot, reloadCycle };
}

/** A request as the guards see it: a signed-in user, an address, cookies without a language. */
export function fakeEvent(userId: number | null, url = 'http://localhost/jury', init?: { form?: FormData; params?: Record<string, string> }) {
	return {
		locals: { user: userId === null ? null : { id: userId, email: '', name: '', isAdmin: false }, session: null },
		url: new URL(url),
		params: init?.params ?? {},
		cookies: { get: () => undefined },
		request: new Request(url, init?.form ? { method: 'POST', body: init.form } : undefined)
	} as never;
}
