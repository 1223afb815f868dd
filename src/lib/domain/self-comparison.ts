/**
 * The unit's own view beside the team's (docs/feedback.md#6-the-units-own-view-and-its-change):
 * per criterion the band the unit placed itself in, the band of the consensus score, and the gap
 * in levels; where the gaps are largest; and, for a returning unit, the band of its last entry
 * beside the band now. Pure: the report's content carries the bands, the catalogue words them.
 */
import { BANDS } from './default-model';
import type { SelfAssessment } from './account';

/** A stored self-assessment, checked: a band of the scale and a reason, else nothing. */
export function selfAssessmentOf(value: unknown): SelfAssessment | null {
	if (typeof value !== 'object' || value === null) return null;
	const { band, reason } = value as Record<string, unknown>;
	if (typeof band !== 'number' || !Number.isInteger(band) || band < 0 || band >= BANDS.length) return null;
	return { band, reason: typeof reason === 'string' ? reason : '' };
}

/** Levels between two bands, signed: positive when `own` is above `other`. */
export function bandGap(own: number, other: number): number {
	return own - other;
}

export type GapDirection = 'higher' | 'same' | 'lower';

export function gapDirection(gap: number): GapDirection {
	return gap > 0 ? 'higher' : gap < 0 ? 'lower' : 'same';
}

/** What a criterion of the report says of the unit's view and its last entry. */
export interface ComparedCriterion {
	key: string;
	/** The team's band (of the consensus score), or null when the consensus has none. */
	band: number | null;
	self?: SelfAssessment | null;
	previousBand?: number | null;
}

export interface GapRow {
	key: string;
	self: SelfAssessment | null;
	team: number | null;
	/** The unit's band less the team's; null when either is missing. */
	gap: number | null;
}

export interface SelfComparison {
	rows: GapRow[];
	counts: Record<GapDirection, number>;
	/** The criteria with the largest gap (at least one level), in the report's order. */
	largest: GapRow[];
}

/**
 * The unit's view beside the team's, or null when the unit placed itself in no band at all: then
 * the report reads as it would without the comparison.
 */
export function compareSelf(criteria: ComparedCriterion[]): SelfComparison | null {
	if (!criteria.some((c) => c.self)) return null;
	const rows = criteria.map((c): GapRow => {
		const self = c.self ?? null;
		return { key: c.key, self, team: c.band, gap: self && c.band !== null ? bandGap(self.band, c.band) : null };
	});
	const counts: Record<GapDirection, number> = { higher: 0, same: 0, lower: 0 };
	for (const r of rows) if (r.gap !== null) counts[gapDirection(r.gap)]++;
	const widest = Math.max(0, ...rows.map((r) => Math.abs(r.gap ?? 0)));
	return { rows, counts, largest: widest === 0 ? [] : rows.filter((r) => r.gap !== null && Math.abs(r.gap) === widest) };
}

export interface ChangeRow {
	key: string;
	then: number | null;
	now: number | null;
	/** Levels gained since the last entry (negative: lost); null when either band is missing. */
	change: number | null;
}

/**
 * A returning unit's bands then and now, per criterion; null when the report has no earlier
 * entry to compare with. A criterion the last model did not have reads as missing then.
 */
export function changeSince(criteria: ComparedCriterion[], previousYear: number | null | undefined): ChangeRow[] | null {
	if (previousYear === null || previousYear === undefined) return null;
	return criteria.map((c) => {
		const then = c.previousBand ?? null;
		return { key: c.key, then, now: c.band, change: then !== null && c.band !== null ? bandGap(c.band, then) : null };
	});
}

/** One entry's two views of one criterion, for the award office's spread over a cycle. */
export interface SpreadInput {
	key: string;
	self: number | null;
	team: number | null;
}

export interface CriterionSpread {
	key: string;
	/** Entries with both a self-assessment and a consensus band for the criterion. */
	n: number;
	counts: Record<GapDirection, number>;
	/** The mean of the signed gaps (positive: units place themselves higher); null when n is 0. */
	meanGap: number | null;
	/** The mean of the gaps' sizes, whatever their sign. */
	meanSize: number | null;
	/** How many entries were off by each number of levels, 1 to 5, either way. */
	bySize: number[];
}

/** Per criterion, in the order given, how far the units' own views stood from the teams'. */
export function selfSpread(keys: string[], entries: SpreadInput[][]): CriterionSpread[] {
	return keys.map((key) => {
		const gaps = entries
			.flatMap((criteria) => criteria.filter((c) => c.key === key))
			.filter((c): c is { key: string; self: number; team: number } => c.self !== null && c.team !== null)
			.map((c) => bandGap(c.self, c.team));
		const counts: Record<GapDirection, number> = { higher: 0, same: 0, lower: 0 };
		const bySize = Array.from({ length: BANDS.length - 1 }, () => 0);
		for (const g of gaps) {
			counts[gapDirection(g)]++;
			if (g !== 0) bySize[Math.abs(g) - 1]++;
		}
		const n = gaps.length;
		const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
		return {
			key,
			n,
			counts,
			meanGap: n === 0 ? null : sum(gaps) / n,
			meanSize: n === 0 ? null : sum(gaps.map(Math.abs)) / n,
			bySize
		};
	});
}
