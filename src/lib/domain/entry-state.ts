/**
 * Two facts about an entry that every area asks, defined here once: whether it is a finalist, and
 * whether a person is barred from it by a conflict of interest. The server's SQL builds its
 * conditions from the same constants (src/lib/server/access/conditions.ts).
 */

/** A finalist: a registered entry whose team's consensus is done and recommends it to the jury. */
export const FINALIST = { entryStatus: 'registered', consensusStatus: 'done', recommendFinalist: true } as const;

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
 * A conflict of interest: declared for the entry, or the entry belongs to the person's own
 * organisation (the organisation they are registered with as examiner or jury member that year).
 */
export function isConflicted(declared: boolean, sameOrganisation: boolean): boolean {
	return declared || sameOrganisation;
}
