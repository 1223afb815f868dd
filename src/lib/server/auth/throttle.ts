/**
 * Throttling of sign-ins and sign-in links (docs/sign-in.md#3-throttling): every counted attempt is
 * a row of login_failure under its key, and `waitAfter` in the domain says how long a key must wait
 * after the attempts it has counted within the window. Nothing here locks anyone out.
 */
import { and, count, eq, gte, inArray, lt, max, or } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { THROTTLE_WINDOW_MS, waitRemaining, type ThrottlePolicy } from '../../domain/throttle';

/** What an attempt is counted against, e.g. `{ key: 'email:anna@stockholm.se', policy: THROTTLE.account }`. */
export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

export type Claim = { ok: true; ids: number[] } | { ok: false; retryAfterSeconds: number };

function waitBefore(q: Queryable, keys: ThrottleKey[], now: number): number {
	const since = new Date(now - THROTTLE_WINDOW_MS);
	let wait = 0;
	for (const { key, policy } of keys) {
		const row = q
			.select({ attempts: count(), last: max(table.loginFailure.at) })
			.from(table.loginFailure)
			.where(and(eq(table.loginFailure.key, key), gte(table.loginFailure.at, since)))
			.get();
		if (row?.last) wait = Math.max(wait, waitRemaining(row.attempts, row.last.getTime(), policy, now));
	}
	return wait;
}

/**
 * Counts an attempt against every key, unless one of them still owes a wait: then nothing is
 * counted, so asking again and again does not lengthen anyone's wait. The attempt is counted before
 * the caller checks a password, so attempts that arrive together cannot all slip past the check
 * before the first of them has been counted.
 */
export function claimAttempt(keys: ThrottleKey[], now: Date): Claim {
	return db().transaction((tx) => {
		const waitMs = waitBefore(tx, keys, now.getTime());
		if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
		const ids = tx
			.insert(table.loginFailure)
			.values(keys.map(({ key }) => ({ key, at: now })))
			.returning({ id: table.loginFailure.id })
			.all()
			.map((row) => row.id);
		// Old rows say nothing any more; drop them so the table stays small.
		tx.delete(table.loginFailure).where(lt(table.loginFailure.at, new Date(now.getTime() - THROTTLE_WINDOW_MS))).run();
		return { ok: true, ids };
	});
}

/** Takes back a claimed attempt that succeeded, together with everything counted against `clearedKeys`. */
export function forgetAttempt(ids: number[], clearedKeys: string[]): void {
	db()
		.delete(table.loginFailure)
		.where(or(inArray(table.loginFailure.id, ids), inArray(table.loginFailure.key, clearedKeys)))
		.run();
}
