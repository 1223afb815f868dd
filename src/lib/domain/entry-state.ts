/**
 * Two facts about an entry that every area asks, defined here once: whether it is a finalist, and
 * whether a person is barred from it by a conflict of interest; and what a barred person is shown
 * of a list of entries. The server's SQL builds its conditions from the same constants
 * (src/lib/server/access/conditions.ts).
 */

/** The status of a consensus the lead has marked done. */
export const CONSENSUS_DONE = 'done';

/** A finalist: a registered entry whose team's consensus is done and recommends it to the jury. */
export const FINALIST = { entryStatus: 'registered', consensusStatus: CONSENSUS_DONE, recommendFinalist: true } as const;

export interface FinalistFacts {
	entryStatus: string;
	/** The consensus, if the team has begun one. */
	consensus: { status: string; recommendFinalist: boolean | null } | null | undefined;
}

export function isFinalist({ entryStatus, consensus }: FinalistFacts): boolean {
	return (
		entryStatus === FINALIST.entryStatus &&
		consensus?.status === FINALIST.consensusStatus &&
		consensus.recommendFinalist === FINALIST.recommendFinalist
	);
}

/**
 * A conflict of interest: declared for the entry, the entry belongs to the person's own
 * organisation (the organisation they are registered with as examiner or jury member that year),
 * or the person examines or judges that year and is the coordinator of the entry's organisation,
 * who registered and confirmed its entries (docs/assignment.md#2-hard-rules). A coordinator who
 * neither examines nor judges has no conflict: their own unit's account stays theirs to write.
 */
export function isConflicted(declared: boolean, sameOrganisation: boolean, coordinatesOrganisation: boolean): boolean {
	return declared || sameOrganisation || coordinatesOrganisation;
}

/** The entries of a cycle a person is barred from; the server reads them with `barredEntryIds`. */
export type Barred = ReadonlySet<number>;

export const NONE_BARRED: Barred = new Set();

/**
 * The rows a person may learn about: those of the entries they are not barred from (a row of no
 * entry, `entryId` null, stays). Every list and figure shown to a person is computed from rows that
 * went through this first, so that a class looks to them exactly as if the barred entries were not
 * in it: ranks, medians, agreement, counts and ballot tallies alike (docs/rights.md#3-conflicts-of-interest).
 */
export function withoutBarred<T extends { entryId: number | null }>(rows: readonly T[], barred: Barred): T[] {
	return rows.filter((r) => r.entryId === null || !barred.has(r.entryId));
}
