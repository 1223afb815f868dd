/**
 * Sign-in throttle benchmark (docs/sign-in.md#3-throttling): what the throttle adds to one sign-in
 * while an attack fills login_failure, against what every sign-in pays anyway.
 *
 * A file database like the server's (WAL, the real migrations) gets the rows that an hour of
 * password spraying leaves behind: each failure on a fresh account from a fresh address counts two
 * rows. Then, per table size, the median of `claimAttempt` for a fresh account and address (two
 * counts, two inserts and the clean-up of rows that left the window) followed by `forgetAttempt`, as
 * a successful sign-in does. The baselines, measured in the same run: the same without the index on
 * `at` (the table as it was before migration 0008, when the clean-up scanned every row), and one
 * argon2 verification, which every sign-in pays whatever the throttle does.
 *
 * Run with `npm run bench -- throttle` or `npx tsx bench/throttle.bench.ts`. Exits non-zero when the
 * throttle costs more than a tenth of a password check at the largest size.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/open';
import { useDatabase } from '../src/lib/server/db';
import { claimAttempt, forgetAttempt } from '../src/lib/server/auth/throttle';
import { hashPassword, verifyPassword } from '../src/lib/server/auth/password';
import { THROTTLE, THROTTLE_WINDOW_MS } from '../src/lib/domain/throttle';
import { median } from './server';

// 100 sign-ins a second for an hour is about what two cores can check with argon2.
const SIZES = [0, 100_000, 360_000];
const WARM_UP = 10;
const RUNS = 101;
const TARGET_RATIO = 0.1;

const dir = join(tmpdir(), 'utmarkelse-bench');
mkdirSync(dir, { recursive: true });
const ms = (v: number) => `${v.toFixed(3)} ms`;

const hash = await hashPassword('rätt-lösenord-för-mätning');
const verifyTimes: number[] = [];
for (let i = 0; i < 31; i++) {
	const started = performance.now();
	await verifyPassword(hash, 'fel-lösenord');
	verifyTimes.push(performance.now() - started);
}
const verify = median(verifyTimes);
console.log(`one argon2 verification (every sign-in pays it): ${ms(verify)}`);

/** The median time of a successful sign-in's throttling: claim a fresh account and address, then forget. */
function timeThrottle(now: number): number {
	const times: number[] = [];
	for (let run = 0; run < WARM_UP + RUNS; run++) {
		const account = `email:bench${run}@stockholm.se`;
		const started = performance.now();
		const claim = claimAttempt(
			[
				{ key: account, policy: THROTTLE.account },
				{ key: `ip:203.0.113.${run & 255}`, policy: THROTTLE.address }
			],
			new Date(now)
		);
		if (!claim.ok) throw new Error('the bench was throttled');
		forgetAttempt(claim.ids, [account]);
		if (run >= WARM_UP) times.push(performance.now() - started);
	}
	return median(times);
}

const now = Date.now();
let largest = NaN;
for (const failures of SIZES) {
	const path = join(dir, `throttle-${failures}.db`);
	for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
	const db = openDatabase(path);
	useDatabase(db);
	// Spread over the window, the newest a second ago, so none leaves it during the timed runs.
	const insert = db.$client.prepare('INSERT INTO login_failure (key, at) VALUES (?, ?)');
	db.$client.transaction(() => {
		for (let i = 0; i < failures; i++) {
			const at = now - 1000 - Math.floor((i / failures) * (THROTTLE_WINDOW_MS - 60_000));
			insert.run(`email:person${i}@stockholm.se`, at);
			insert.run(`ip:198.51.${(i >> 8) & 255}.${i & 255}`, at);
		}
	})();
	const indexed = timeThrottle(now);
	db.$client.exec('DROP INDEX login_failure_at_idx');
	const scanned = timeThrottle(now);
	largest = indexed;
	console.log(
		`${String(failures).padStart(7)} failures in the window: throttle ${ms(indexed)} per sign-in ` +
			`(${((100 * indexed) / verify).toFixed(1)} % of a password check); without the index on \`at\` ${ms(scanned)}, ` +
			`${(scanned / indexed).toFixed(1)}× as long`
	);
	db.$client.close();
	for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
}

if (largest > TARGET_RATIO * verify) {
	console.error(`MISSED: the throttle costs ${ms(largest)}, more than ${TARGET_RATIO * 100} % of a password check`);
	process.exit(1);
}
