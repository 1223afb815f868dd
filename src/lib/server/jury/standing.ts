/**
 * Where each entry of a class stands for the meeting (docs/jury.md#2-reading-a-class): its rank,
 * total, consensus, finalist and eligibility from the ranking of the cycle as the reader sees it
 * (`cachedRanking` with their barred entries), and its place in the ballot's order once the
 * reader may see the tally. Built on those two reads, so an entry the reader is barred from is in
 * neither and nothing is filtered here.
 */
import { cachedRanking, type RankedRow } from '../ranking/ranking';
import { ballotSummary } from './ballots';
import { tierPlaces } from '$lib/domain/ballot';
import type { Barred } from '$lib/domain/entry-state';

export type StandingRow = Pick<
	RankedRow,
	'entryId' | 'unitName' | 'organisation' | 'rank' | 'total' | 'incomplete' | 'consensus' | 'recommendFinalist' | 'finalist' | 'awardBlocked' | 'overridden'
> & {
	/** The place in the ballot's Schulze order; null for a non-finalist, or while the tally is hidden. */
	ballotPlace: number | null;
};

export interface ClassStanding {
	/** In ranked order, incomplete entries last. */
	rows: StandingRow[];
	/** Whether the reader sees the ballot's order (docs/jury.md#3-the-ballot). */
	tallyShown: boolean;
	voted: number;
	members: number;
}

export function classStanding(cycleId: number, classId: number, reader: { userId: number; barred: Barred }): ClassStanding {
	const klass = cachedRanking(cycleId, reader.barred)?.classes.find((c) => c.id === classId);
	const ballot = ballotSummary(cycleId, classId, reader);
	const places = tierPlaces(ballot.tally?.result.order ?? []);
	const rows = (klass?.rows ?? []).map(
		(r): StandingRow => ({
			entryId: r.entryId,
			unitName: r.unitName,
			organisation: r.organisation,
			rank: r.rank,
			total: r.total,
			incomplete: r.incomplete,
			consensus: r.consensus,
			recommendFinalist: r.recommendFinalist,
			finalist: r.finalist,
			awardBlocked: r.awardBlocked,
			overridden: r.overridden,
			ballotPlace: places.get(String(r.entryId)) ?? null
		})
	);
	return { rows, tallyShown: ballot.tally !== null, voted: ballot.voted, members: ballot.members };
}

/** The entries that lead the class: those ranked first (several when tied), as the reader sees it. */
export function classLeaders(standing: Pick<ClassStanding, 'rows'>): StandingRow[] {
	return standing.rows.filter((r) => r.rank === 1);
}
