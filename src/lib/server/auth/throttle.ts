/**
 * Failed sign-ins are limited per account and per address: after MAX_FAILURES within the window,
 * further attempts are refused until the oldest failure leaves the window.
 */
import { and, count, eq, gte, lt, min } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, address: string): string[] {
	return [`email:${email.trim().toLowerCase()}`, `ip:${address}`];
}

/** Minutes until another attempt is allowed, or 0 when the keys are not throttled. */
export function minutesBlocked(keys: string[], now = Date.now()): number {
	const since = new Date(now - WINDOW_MS);
	let waitMs = 0;
	for (const key of keys) {
		const row = db()
			.select({ failures: count(), oldest: min(table.loginFailure.at) })
			.from(table.loginFailure)
			.where(and(eq(table.loginFailure.key, key), gte(table.loginFailure.at, since)))
			.get();
		if (row && row.failures >= MAX_FAILURES && row.oldest) {
			waitMs = Math.max(waitMs, row.oldest.getTime() + WINDOW_MS - now);
		}
	}
	return waitMs > 0 ? Math.ceil(waitMs / 60000) : 0;
}

export function recordFailure(keys: string[], now = Date.now()): void {
	const at = new Date(now);
	db().transaction((tx) => {
		tx.insert(table.loginFailure).values(keys.map((key) => ({ key, at }))).run();
		// Old rows say nothing any more; drop them so the table stays small.
		tx.delete(table.loginFailure).where(lt(table.loginFailure.at, new Date(now - WINDOW_MS))).run();
	});
}
