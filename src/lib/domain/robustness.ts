/**
 * How robust is a class's ranking: each entry's rank under four ways of combining the scores, and
 * which entries move in or out of the top k between them, k following the class's size (`topK`;
 * docs/aggregation.md#7-robustness).
 *
 * The methods, all ranked with the same tie rule as the ranked view (1, 2, 2, 4):
 * - `mean`: the official total and rank (docs/aggregation.md: consensus where set, else the mean),
 *   so the table shows how far the alternatives stray from the ranking the jury actually sees;
 * - `median`: per criterion the median of the examiners' scores;
 * - `trimmed`: per criterion the mean after dropping one highest and one lowest score when there are
 *   at least 3 scores, else the plain mean (with exactly 3 scores this equals the median);
 * - `adjusted`: the severity-adjusted total and rank (docs/aggregation.md#6-severity-adjusted-view).
 * The last three use the examiners' own scores only, never consensus; an entry with a criterion
 * nobody scored has no total and no rank under them.
 */
import {
	competitionRanks,
	makeWeightedTotal,
	rankEntries,
	type AggregateInput,
	type CriterionStats
} from './aggregate';

export type RankingMethod = 'mean' | 'median' | 'trimmed' | 'adjusted';
export const RANKING_METHODS: readonly RankingMethod[] = ['mean', 'median', 'trimmed', 'adjusted'];

export interface RobustnessRow {
	id: string;
	ranks: Record<RankingMethod, number | null>;
	totals: Record<RankingMethod, number | null>;
	/** In the top k (`ClassRobustness.top`) under some methods and not under others. */
	topChanges: boolean;
}

export interface ClassRobustness {
	classId: string;
	/** The k of "top k" for the class; 0 when the class is too small for such a claim. */
	top: number;
	/** In the order of the ranked view (official rank, then incomplete entries). */
	rows: RobustnessRow[];
}

export function rankRobustness(input: AggregateInput): ClassRobustness[] {
	const total = makeWeightedTotal(input.criteria);
	const keys = input.criteria.map((c) => c.key);
	const classes: ClassRobustness[] = [];
	// rankEntries returns each class as one consecutive run, already in ranked-view order.
	const ranked = rankEntries(input);
	for (let from = 0; from < ranked.length; ) {
		let to = from + 1;
		while (to < ranked.length && ranked[to].classId === ranked[from].classId) to++;
		const entries = ranked.slice(from, to);
		const totals: Record<RankingMethod, (number | null)[]> = {
			mean: entries.map((r) => r.total),
			median: entries.map((r) => total(keys.map((key) => r.criteria[key].median))),
			trimmed: entries.map((r) => total(keys.map((key) => trimmedMean(r.criteria[key])))),
			adjusted: entries.map((r) => r.adjustedTotal)
		};
		const ranks = {
			mean: entries.map((r) => r.rank),
			median: competitionRanks(totals.median),
			trimmed: competitionRanks(totals.trimmed),
			adjusted: entries.map((r) => r.adjustedRank)
		};
		const top = topK(entries.length);
		const rows = entries.map((r, i): RobustnessRow => {
			const rowRanks = pick(ranks, i);
			return { id: r.id, ranks: rowRanks, totals: pick(totals, i), topChanges: topChanges(rowRanks, top) };
		});
		classes.push({ classId: ranked[from].classId, top, rows });
		from = to;
	}
	return classes;
}

/**
 * Mean without the highest and lowest score when n ≥ 3, else the plain mean. Derived from the
 * cell's statistics (sum = mean·n) rather than the scores, so it needs no second pass over them.
 */
export function trimmedMean(stats: Pick<CriterionStats, 'n' | 'mean' | 'min' | 'max'>): number | null {
	if (stats.mean === null) return null;
	if (stats.n < 3) return stats.mean;
	return (stats.mean * stats.n - stats.min! - stats.max!) / (stats.n - 2);
}

/** The top of a class that the robustness table speaks of, at most the first three. */
export const TOP_PLACES = 3;

/**
 * "The top k stays the same" says something only when k is smaller than the class: with three
 * entries the top three is the whole class and cannot change, so k is at most the class size − 1,
 * and a class of one or two gets no such claim (0); there, whether the order itself changes is
 * read from the ranks directly.
 */
export function topK(classSize: number): number {
	return classSize <= 2 ? 0 : Math.min(TOP_PLACES, classSize - 1);
}

function topChanges(ranks: Record<RankingMethod, number | null>, top: number): boolean {
	if (top === 0) return false;
	const inTop = RANKING_METHODS.map((m) => ranks[m] !== null && ranks[m]! <= top);
	return inTop.some((v) => v !== inTop[0]);
}

function pick<T>(columns: Record<RankingMethod, T[]>, i: number): Record<RankingMethod, T> {
	const { mean, median, trimmed, adjusted } = columns;
	return { mean: mean[i], median: median[i], trimmed: trimmed[i], adjusted: adjusted[i] };
}
