/** The demo year in the feedback phase, and the people and entries the feedback tests talk about. */
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from './db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import type { SessionUser } from '../auth/session';
import type { RequestEvent } from '@sveltejs/kit';

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
	/** A page or file request from the given person, as a route sees it. */
	const get = (email: string, path: string, params: Record<string, string>): RequestEvent => {
		const signedIn = user(email);
		const url = new URL(path, ORIGIN);
		return {
			locals: { user: signedIn, session: { id: 'test', userId: signedIn.id, expiresAt: new Date(Date.now() + 3_600_000) } },
			url,
			params,
			request: new Request(url),
			cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' },
			route: { id: null }
		} as unknown as RequestEvent;
	};
	return { db, cycle, user, entryOf, reportOf, get };
}
