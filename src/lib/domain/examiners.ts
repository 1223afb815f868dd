/**
 * The examiners behind the ranked view (docs/aggregation.md#9-the-examiners-figures): each
 * examiner's own total of an entry, for the totals chart, and each examiner's mean against
 * everyone's, for the severity chart. Same conventions as aggregate.ts: scores naming an unknown
 * criterion or with a non-finite value are ignored; one score per examiner, entry and criterion.
 */
import { makeWeightedTotal, SEVERITY_MIN_ENTRIES, type AggregateInput } from './aggregate';

type Score = AggregateInput['scores'][number];

export interface ExaminerTotal {
	examinerId: string;
	/** Σ w·s / Σ w over the examiner's own scores; null when they left a criterion unscored. */
	total: number | null;
}

/** Per entry, each examiner's weighted total of their own scores, examiners by id. */
export function examinerTotals(criteria: AggregateInput['criteria'], scores: readonly Score[]): Map<string, ExaminerTotal[]> {
	const index = new Map(criteria.map((c, i) => [c.key, i]));
	const total = makeWeightedTotal(criteria);
	const cells = new Map<string, Map<string, (number | null)[]>>();
	for (const s of scores) {
		const c = index.get(s.criterion);
		if (c === undefined || !Number.isFinite(s.score)) continue;
		let byExaminer = cells.get(s.entryId);
		if (!byExaminer) cells.set(s.entryId, (byExaminer = new Map()));
		let values = byExaminer.get(s.examinerId);
		if (!values) byExaminer.set(s.examinerId, (values = criteria.map(() => null)));
		values[c] = s.score;
	}
	const result = new Map<string, ExaminerTotal[]>();
	for (const [entryId, byExaminer] of cells) {
		const totals = [...byExaminer].map(([examinerId, values]) => ({ examinerId, total: total(values) }));
		result.set(entryId, totals.sort((a, b) => (a.examinerId < b.examinerId ? -1 : a.examinerId > b.examinerId ? 1 : 0)));
	}
	return result;
}

export interface ExaminerSeverity {
	examinerId: string;
	/** Scores given in the cycle. */
	n: number;
	/** Distinct entries scored. */
	entries: number;
	mean: number;
	/** Population SD, as the severity adjustment uses it (docs/aggregation.md). */
	sd: number;
	/** mean − the overall mean: below 0 the examiner is stricter than the pool, above it milder. */
	difference: number;
	/** Scored enough entries (≥ 3) for their scores to be severity-adjusted. */
	adjusted: boolean;
}

export interface SeverityReport {
	overall: { n: number; mean: number | null; sd: number | null };
	/** Examiners from the strictest (lowest mean) to the mildest, ties by id. */
	examiners: ExaminerSeverity[];
}

/** Each examiner's mean and SD against the pooled mean of every score (docs/aggregation.md). */
export function examinerSeverity(scores: readonly Pick<Score, 'entryId' | 'examinerId' | 'score'>[]): SeverityReport {
	const byExaminer = new Map<string, { n: number; sum: number; squares: number; entries: Set<string> }>();
	let n = 0;
	let sum = 0;
	let squares = 0;
	for (const s of scores) {
		if (!Number.isFinite(s.score)) continue;
		let x = byExaminer.get(s.examinerId);
		if (!x) byExaminer.set(s.examinerId, (x = { n: 0, sum: 0, squares: 0, entries: new Set() }));
		x.n++;
		x.sum += s.score;
		x.squares += s.score * s.score;
		x.entries.add(s.entryId);
		n++;
		sum += s.score;
		squares += s.score * s.score;
	}
	const sd = (count: number, total: number, sq: number) => Math.sqrt(Math.max(0, sq / count - (total / count) ** 2));
	const overallMean = n > 0 ? sum / n : null;
	const examiners = [...byExaminer].map(([examinerId, x]): ExaminerSeverity => {
		const mean = x.sum / x.n;
		return {
			examinerId,
			n: x.n,
			entries: x.entries.size,
			mean,
			sd: sd(x.n, x.sum, x.squares),
			difference: mean - overallMean!,
			adjusted: x.entries.size >= SEVERITY_MIN_ENTRIES
		};
	});
	examiners.sort((a, b) => a.mean - b.mean || (a.examinerId < b.examinerId ? -1 : a.examinerId > b.examinerId ? 1 : 0));
	return { overall: { n, mean: overallMean, sd: n > 0 ? sd(n, sum, squares) : null }, examiners };
}
