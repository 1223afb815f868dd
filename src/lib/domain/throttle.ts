/**
 * How long to wait before the next sign-in attempt or sign-in link (docs/sign-in.md#3-throttling).
 * Attempts are counted per key (an account, an address, a link's recipient) over the last hour. A
 * few cost nothing; after that each one doubles the wait, up to a cap of minutes. There is no
 * lockout: the longest anyone waits is the cap, and they are told how long.
 */

export interface ThrottlePolicy {
	/** Attempts within the window that cost no wait. */
	free: number;
	/** The wait after the first attempt beyond the free ones; each further attempt doubles it. */
	firstWaitMs: number;
	maxWaitMs: number;
}

/** Attempts older than this no longer count. */
export const THROTTLE_WINDOW_MS = 60 * 60_000;

export const THROTTLE = {
	/**
	 * Failed sign-ins on one account, from any address: a person's typing mistakes cost nothing or
	 * seconds, while someone guessing the password is held to about twelve tries an hour.
	 */
	account: { free: 3, firstWaitMs: 2_000, maxWaitMs: 5 * 60_000 },
	/**
	 * Failed sign-ins (and sign-in links asked for) from one address, on any account. Behind the
	 * city's proxy a whole office shares one address, so delays begin only far beyond what an
	 * office's mistakes add up to in an hour, and stay short; someone trying account after account
	 * from one address is still slowed.
	 */
	address: { free: 100, firstWaitMs: 1_000, maxWaitMs: 60_000 },
	/**
	 * Sign-in links asked for one e-mail address. The cap stays well below a link's lifetime
	 * (15 minutes), so whoever asks over and over only fills the owner's inbox with a few working
	 * links; they cannot leave the owner without one.
	 */
	linkRecipient: { free: 3, firstWaitMs: 60_000, maxWaitMs: 5 * 60_000 }
} as const satisfies Record<string, ThrottlePolicy>;

/** The wait a key owes after `attempts` counted attempts: none for the free ones, then doubling to the cap. */
export function waitAfter(attempts: number, policy: ThrottlePolicy): number {
	if (attempts < policy.free) return 0;
	return Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** (attempts - policy.free));
}

/** Milliseconds from `now` until the key's next attempt may go ahead; 0 when it may now. */
export function waitRemaining(attempts: number, lastAttemptAt: number, policy: ThrottlePolicy, now: number): number {
	return Math.max(0, lastAttemptAt + waitAfter(attempts, policy) - now);
}
