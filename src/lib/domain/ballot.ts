/**
 * The jury's advisory ballot (docs/jury.md#3-the-ballot): every member ranks any subset of a
 * class's finalists, ties allowed, and the Schulze method orders them.
 *
 * Conventions of `schulze`:
 * - `pairwise` and `strongest` hold every ordered pair of candidates; the diagonal is present and 0,
 *   so a page can render a full matrix without checking for missing keys.
 * - Names in a ballot that are not candidates are ignored; the server refuses such ballots first
 *   with `validateBallot`. A candidate listed twice in one ballot counts at its best tier.
 * - Duplicate candidate ids are collapsed, keeping the first occurrence.
 * - Every ballot counts; keeping one ballot per voter is the caller's job.
 * - The candidates are the class as its reader sees it: a ballot that ranks none of them (outside its
 *   own exclusions) is as if it had not been cast, and its voter is not among `voters`.
 */

export interface Ballot {
	voterId: string;
	/** Tiers, best first; candidates in one tier are tied. */
	ranking: string[][];
	/** The voter's conflicts: pairs involving these are not counted for this voter. */
	excluded?: string[];
}

export interface SchulzeResult {
	/** Tiers, winners first; within a tier, the input candidate order. */
	order: string[][];
	/** d[a][b]: voters preferring a to b. */
	pairwise: Record<string, Record<string, number>>;
	/** p[a][b]: strength of the strongest path from a to b. */
	strongest: Record<string, Record<string, number>>;
	/** The voters whose ballot ranks at least one candidate it may rank, in the order of the ballots. */
	voters: string[];
}

type Matrix = Record<string, Record<string, number>>;

export function schulze(candidates: string[], ballots: Ballot[]): SchulzeResult {
	const ids = [...new Set(candidates)];
	const { pairwise, voters } = countPairwise(ids, ballots);
	const strongest = widestPaths(ids, pairwise);
	return { order: orderTiers(ids, strongest), pairwise, strongest, voters };
}

function emptyMatrix(ids: string[]): Matrix {
	return Object.fromEntries(ids.map((a) => [a, Object.fromEntries(ids.map((b) => [b, 0]))]));
}

function countPairwise(ids: string[], ballots: Ballot[]): { pairwise: Matrix; voters: string[] } {
	const d = emptyMatrix(ids);
	const known = new Set(ids);
	const voters: string[] = [];
	for (const ballot of ballots) {
		const rank = tierIndex(ballot.ranking, known);
		const excluded = new Set(ballot.excluded ?? []);
		const counted = ids.filter((id) => !excluded.has(id));
		if (counted.some((id) => rank(id) < ballot.ranking.length)) voters.push(ballot.voterId);
		for (const a of counted) {
			for (const b of counted) {
				if (rank(a) < rank(b)) d[a][b] += 1;
			}
		}
	}
	return { pairwise: d, voters };
}

/** Each candidate's tier in one ballot; left-out candidates share a tier below every ranked one. */
function tierIndex(ranking: string[][], known: Set<string>): (id: string) => number {
	const tiers = new Map<string, number>();
	ranking.forEach((tier, index) => {
		for (const id of tier) if (known.has(id) && !tiers.has(id)) tiers.set(id, index);
	});
	return (id) => tiers.get(id) ?? ranking.length;
}

/**
 * Floyd–Warshall widest paths. A direct link a→b is as strong as the number of voters preferring
 * a to b (winning votes) when that beats the reverse count, else it does not exist (0).
 */
function widestPaths(ids: string[], d: Matrix): Matrix {
	const p = emptyMatrix(ids);
	for (const a of ids) {
		for (const b of ids) {
			if (a !== b && d[a][b] > d[b][a]) p[a][b] = d[a][b];
		}
	}
	for (const via of ids) {
		for (const a of ids) {
			if (a === via) continue;
			for (const b of ids) {
				if (b === a || b === via) continue;
				p[a][b] = Math.max(p[a][b], Math.min(p[a][via], p[via][b]));
			}
		}
	}
	return p;
}

/**
 * Tiers by the Schulze relation (a beats b iff p[a][b] > p[b][a]): each tier is the set of remaining
 * candidates that no remaining candidate beats. The relation is transitive (Schulze 2011, §4.1), so
 * that set is never empty; the fallback only guards against an endless loop.
 */
function orderTiers(ids: string[], p: Matrix): string[][] {
	const order: string[][] = [];
	let remaining = ids;
	while (remaining.length > 0) {
		const unbeaten = remaining.filter((b) => !remaining.some((a) => p[a][b] > p[b][a]));
		const tier = unbeaten.length > 0 ? unbeaten : remaining;
		order.push(tier);
		remaining = remaining.filter((id) => !tier.includes(id));
	}
	return order;
}

/** Each candidate's place in a Schulze order, tied candidates sharing it: 1, 1, 3 … */
export function tierPlaces(order: readonly (readonly string[])[]): Map<string, number> {
	const places = new Map<string, number>();
	let place = 1;
	for (const tier of order) {
		for (const id of tier) places.set(id, place);
		place += tier.length;
	}
	return places;
}

/** What decides whether a member may see a class's tally. */
export interface TallyState {
	/** The member has a ballot in the class. */
	ownBallot: boolean;
	/** The chair has opened the tally to every member. */
	opened: boolean;
	/** The decisions are closed, so nothing can be voted any more. */
	closed: boolean;
}

/**
 * The tally (order, pairwise counts, who has not voted) would anchor a member who has not yet
 * ranked the finalists, so it is shown to them only after their own ballot, once the chair opens it
 * for the meeting, or once the decisions are closed and no vote can follow.
 */
export function tallyVisible(state: TallyState): boolean {
	return state.ownBallot || state.opened || state.closed;
}

export type BallotErrorCode = 'malformed' | 'empty' | 'unknown-candidate' | 'duplicate-candidate';

export interface BallotError {
	code: BallotErrorCode;
	/** The offending candidate, for the codes that concern one. */
	candidate?: string;
}

export type BallotCheck = { ok: true; ranking: string[][] } | { ok: false; errors: BallotError[] };

/**
 * Checks a ballot as submitted (parsed from a form, so typed `unknown`) before anything is written:
 * an array of tiers of candidate ids, at least one candidate, every id one of `finalistIds`, none
 * twice. The caller passes the finalists the voter may rank, so that one they are barred from gets
 * the same answer as any id that is no finalist. Each offending id is reported once. On success
 * returns the ranking with empty tiers dropped, which is what should be stored.
 */
export function validateBallot(ranking: unknown, finalistIds: readonly string[]): BallotCheck {
	if (!isTierList(ranking)) return { ok: false, errors: [{ code: 'malformed' }] };

	const finalists = new Set(finalistIds);
	const seen = new Set<string>();
	const reported = new Set<string>();
	const errors: BallotError[] = [];
	const report = (code: BallotErrorCode, candidate: string) => {
		const key = `${code}\u0000${candidate}`;
		if (reported.has(key)) return;
		reported.add(key);
		errors.push({ code, candidate });
	};

	for (const id of ranking.flat()) {
		if (!finalists.has(id)) report('unknown-candidate', id);
		if (seen.has(id)) report('duplicate-candidate', id);
		seen.add(id);
	}
	if (seen.size === 0) errors.push({ code: 'empty' });

	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, ranking: ranking.filter((tier) => tier.length > 0) };
}

function isTierList(value: unknown): value is string[][] {
	return (
		Array.isArray(value) &&
		value.every((tier) => Array.isArray(tier) && tier.every((id) => typeof id === 'string' && id !== ''))
	);
}
