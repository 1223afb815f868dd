/**
 * From submitted scores to a ranked view per class, exactly as docs/aggregation.md describes it.
 *
 * Conventions of `rankEntries`:
 * - Scores naming an unknown entry or criterion, or with a non-finite value, are ignored everywhere,
 *   including the severity statistics. One score per examiner, entry and criterion is assumed
 *   (the database guarantees it); duplicates would count as separate scores.
 * - Criterion keys and entry ids must be unique and weights finite and > 0; anything else throws a
 *   RangeError, because it is a broken assessment model rather than data to work around.
 * - A cycle without criteria gives every entry `incomplete` and no total.
 * - Output: classes sorted by classId (code-unit order, not locale), within a class ranked entries
 *   by rank, then incomplete ones; ties and incomplete entries by id.
 * - Totals are never rounded, but rank ties are decided at 1e-9 so that float noise (e.g. 15·71.67
 *   summed in another order) cannot split totals that are equal in exact arithmetic.
 * - Totals sum the criteria in key order and each cell's scores in ascending order, so a permutation
 *   of the input gives bit-identical results (for whole-number scores, whose plain sums are exact).
 * - `criteria` of each entry lists the criteria in the model's order.
 */
import { DEFAULT_DIVERGENCE_THRESHOLD, isDivergent } from './scoring';

export interface AggregateInput {
	criteria: { key: string; weight: number }[];
	divergenceThreshold?: number; // default DEFAULT_DIVERGENCE_THRESHOLD
	entries: { id: string; classId: string; consensus?: Record<string, number> }[];
	scores: { entryId: string; examinerId: string; criterion: string; score: number }[]; // submitted only
}

export interface CriterionStats {
	n: number; mean: number | null; median: number | null; min: number | null; max: number | null;
	sd: number | null; spread: number | null; divergent: boolean; consensus: number | null; used: number | null;
}

export interface RankedEntry {
	id: string; classId: string; incomplete: boolean;
	total: number | null; rank: number | null;
	adjustedTotal: number | null; adjustedRank: number | null;
	criteria: Record<string, CriterionStats>;
}

/** Distinct entries an examiner must have scored before their scores are severity-adjusted. */
export const SEVERITY_MIN_ENTRIES = 3;

/**
 * Scores by position instead of by id, one column per field: score `i` belongs to
 * `entries[entry[i]]`, `criteria[criterion[i]]` and examiner number `examiner[i]` (examiners
 * numbered 0, 1, 2 …). The loader of a large cycle fills these directly, which spares it an object
 * and three hash lookups per score; `rankEntries` resolves its ids into the same columns, so both
 * rank with the same code.
 */
export interface ScoreColumns {
	count: number;
	entry: Int32Array;
	criterion: Int32Array;
	examiner: Int32Array;
	score: Float64Array;
}

export type ColumnInput = Omit<AggregateInput, 'scores'> & { scores: ScoreColumns };

export function rankEntries(input: AggregateInput): RankedEntry[] {
	return rankColumns({ ...input, scores: resolveScores(input) });
}

/** `rankEntries` for scores already resolved into columns; entry ids must be unique there too. */
export function rankColumns(input: ColumnInput): RankedEntry[] {
	const keys = input.criteria.map((c) => c.key);
	checkCriteria(input.criteria);
	const { start, raw, adjusted } = indexScores(input.scores, input.entries.length, keys.length);
	const threshold = input.divergenceThreshold ?? DEFAULT_DIVERGENCE_THRESHOLD;
	const total = makeWeightedTotal(input.criteria);
	// Reused per entry: this loop runs 10,000 times in a large cycle and allocation is its main cost.
	const used: (number | null)[] = new Array(keys.length);
	const adjustedMeans: (number | null)[] = new Array(keys.length);
	const ranked = input.entries.map((entry, e): RankedEntry => {
		const criteria: Record<string, CriterionStats> = {};
		for (let c = 0; c < keys.length; c++) {
			const from = start[e * keys.length + c];
			const to = start[e * keys.length + c + 1];
			const stats = cellStats(raw, from, to, threshold);
			stats.consensus = finiteOrNull(entry.consensus?.[keys[c]]);
			stats.used = stats.consensus ?? stats.mean;
			criteria[keys[c]] = stats;
			used[c] = stats.used;
			// The adjusted view ignores consensus: it asks what the examiners' own scores would give.
			adjustedMeans[c] = sliceMean(adjusted, from, to);
		}
		const t = total(used);
		const adjustedTotal = total(adjustedMeans);
		const { id, classId } = entry;
		return { id, classId, incomplete: t === null, total: t, rank: null, adjustedTotal, adjustedRank: null, criteria };
	});
	return orderByClass(ranked, (classEntries) => {
		const ranks = competitionRanks(classEntries.map((r) => r.total));
		const adjustedRanks = competitionRanks(classEntries.map((r) => r.adjustedTotal));
		classEntries.forEach((r, i) => {
			r.rank = ranks[i];
			r.adjustedRank = adjustedRanks[i];
		});
		// Ranked first by rank, then the incomplete; ties either way by id.
		return classEntries.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareIds(a.id, b.id));
	});
}

/**
 * Σ w·value / Σ w over every criterion, or null when a value is missing (or there are no criteria).
 * `values` follows the order of `criteria`; the sum runs in key order so that the result does not
 * depend on the order in which the model lists its criteria.
 */
export function makeWeightedTotal(criteria: AggregateInput['criteria']) {
	const order = criteria.map((_, i) => i).sort((a, b) => compareIds(criteria[a].key, criteria[b].key));
	const weights = criteria.map((c) => c.weight);
	let weightSum = 0;
	for (const i of order) weightSum += weights[i];
	return (values: readonly (number | null)[]): number | null => {
		if (order.length === 0) return null;
		let sum = 0;
		for (const i of order) {
			const value = values[i];
			if (value === null) return null;
			sum += weights[i] * value;
		}
		return sum / weightSum;
	};
}

/** Competition ranks (1, 2, 2, 4) by total, descending; a null total gets no rank. */
export function competitionRanks(totals: readonly (number | null)[]): (number | null)[] {
	const keys = totals.map((t) => (t === null ? null : tieKey(t)));
	// A native numeric sort plus binary search: a comparator callback costs more at 2,000+ entries.
	const sorted = new Float64Array(keys.filter((k) => k !== null)).sort();
	// rank = 1 + the number of strictly greater totals = sorted.length − (index of the last ≤ key).
	return keys.map((key) => (key === null ? null : sorted.length - upperBound(sorted, key) + 1));
}

/** The index of the first element of ascending `a` that is greater than `x`. */
function upperBound(a: Float64Array, x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (a[mid] <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Rows grouped by class (classes by id), each class ordered by `orderClass`, concatenated. */
function orderByClass<T extends { classId: string }>(rows: T[], orderClass: (rows: T[]) => T[]): T[] {
	const byClass = new Map<string, T[]>();
	for (const row of rows) {
		const list = byClass.get(row.classId);
		if (list) list.push(row);
		else byClass.set(row.classId, [row]);
	}
	return [...byClass.keys()].sort(compareIds).flatMap((classId) => orderClass(byClass.get(classId)!));
}

/** Code-unit order: unlike localeCompare it is the same on every machine. */
export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function tieKey(total: number): number {
	return Math.round(total * 1e9);
}

function checkCriteria(criteria: AggregateInput['criteria']): void {
	uniqueIndex(criteria.map((c) => c.key), 'criterion key');
	for (const c of criteria) {
		if (!Number.isFinite(c.weight) || c.weight <= 0) {
			throw new RangeError(`criterion ${c.key}: weight must be > 0, got ${c.weight}`);
		}
	}
}

/** The scores of `input` as columns, leaving out those of an unknown entry or criterion (`rankColumns` skips values that are not finite). */
export function resolveScores(input: AggregateInput): ScoreColumns {
	const criterionIndex = uniqueIndex(input.criteria.map((c) => c.key), 'criterion key');
	const entryIndex = uniqueIndex(input.entries.map((e) => e.id), 'entry id');
	const columns = scoreColumns(input.scores.length);
	const examiners = new Map<string, number>();
	// Rows usually come grouped by entry and examiner; remembering the last lookup skips most hashing.
	let lastEntryId: string | undefined;
	let e: number | undefined;
	let lastExaminerId: string | undefined;
	let x = -1;
	for (const s of input.scores) {
		if (s.entryId !== lastEntryId) {
			lastEntryId = s.entryId;
			e = entryIndex.get(s.entryId);
		}
		const c = criterionIndex.get(s.criterion);
		if (e === undefined || c === undefined) continue;
		if (s.examinerId !== lastExaminerId) {
			lastExaminerId = s.examinerId;
			x = examiners.get(s.examinerId) ?? examiners.size;
			examiners.set(s.examinerId, x);
		}
		addColumnScore(columns, e, c, x, s.score);
	}
	return columns;
}

/** The inverse of `resolveScores`: the columns as score objects, naming the examiners by `examinerIds`. */
export function columnScores(input: ColumnInput, examinerIds: readonly string[]): AggregateInput['scores'] {
	const { count, entry, criterion, examiner, score } = input.scores;
	const scores: AggregateInput['scores'] = new Array(count);
	for (let i = 0; i < count; i++) {
		scores[i] = {
			entryId: input.entries[entry[i]].id,
			examinerId: examinerIds[examiner[i]],
			criterion: input.criteria[criterion[i]].key,
			score: score[i]
		};
	}
	return scores;
}

/** Empty columns with room for `capacity` scores. */
export function scoreColumns(capacity: number): ScoreColumns {
	return {
		count: 0,
		entry: new Int32Array(capacity),
		criterion: new Int32Array(capacity),
		examiner: new Int32Array(capacity),
		score: new Float64Array(capacity)
	};
}

export function addColumnScore(columns: ScoreColumns, entry: number, criterion: number, examiner: number, score: number): void {
	const i = columns.count++;
	columns.entry[i] = entry;
	columns.criterion[i] = criterion;
	columns.examiner[i] = examiner;
	columns.score[i] = score;
}

/**
 * The scores of every (entry, criterion) cell in one flat array: cell `e * criteria + c` holds
 * `raw[start[cell]] .. raw[start[cell + 1] - 1]`, sorted ascending; `adjusted` holds the same
 * cell's severity-adjusted scores, also sorted. Flat typed arrays keep 200,000 scores cheap, and
 * sorted cells give the median for free and sums that do not depend on the input order. Scores
 * outside the entries or criteria, or not finite, are ignored.
 */
function indexScores(scores: ScoreColumns, entryCount: number, criterionCount: number) {
	const cellCount = entryCount * criterionCount;
	const start = new Int32Array(cellCount + 1);
	// Pass 1: count per cell, accumulate severity statistics.
	const cellOf = new Int32Array(scores.count).fill(-1);
	const stats: ExaminerStats[] = [];
	for (let i = 0; i < scores.count; i++) {
		const e = scores.entry[i];
		const c = scores.criterion[i];
		const x = scores.examiner[i];
		if (e < 0 || e >= entryCount || c < 0 || c >= criterionCount || x < 0 || !Number.isFinite(scores.score[i])) continue;
		cellOf[i] = e * criterionCount + c;
		start[cellOf[i] + 1]++;
		while (stats.length <= x) stats.push(newStats());
		addScore(stats[x], scores.score[i], e);
	}
	for (let k = 0; k < cellCount; k++) start[k + 1] += start[k];
	// μ and σ of every examiner's scores pooled, from the per-examiner sums.
	const pooled = newStats();
	for (const examiner of stats) {
		pooled.n += examiner.n;
		pooled.sum += examiner.sum;
		pooled.sumOfSquares += examiner.sumOfSquares;
	}
	const [mu, sigma] = [pooled.sum / pooled.n, populationSd(pooled)];
	const adjust = stats.map((examiner) => severityAdjustment(examiner, mu, sigma));
	// Pass 2: place each score in its cell, then sort the (small) cells.
	const raw = new Float64Array(start[cellCount]);
	const adjusted = new Float64Array(start[cellCount]);
	const next = start.slice(0, cellCount);
	for (let i = 0; i < scores.count; i++) {
		if (cellOf[i] < 0) continue;
		const at = next[cellOf[i]]++;
		raw[at] = scores.score[i];
		adjusted[at] = adjust[scores.examiner[i]](scores.score[i]);
	}
	for (let k = 0; k < cellCount; k++) {
		sortCell(raw, start[k], start[k + 1]);
		sortCell(adjusted, start[k], start[k + 1]);
	}
	return { start, raw, adjusted };
}

interface ExaminerStats {
	n: number;
	sum: number;
	sumOfSquares: number;
	min: number;
	max: number;
	/** Distinct entries seen, counted up to SEVERITY_MIN_ENTRIES; `seen` holds the ones before that. */
	entries: number;
	seen: number[];
}

function newStats(): ExaminerStats {
	return { n: 0, sum: 0, sumOfSquares: 0, min: Infinity, max: -Infinity, entries: 0, seen: [] };
}

function addScore(x: ExaminerStats, score: number, entry: number): void {
	// Plain sums rather than a running mean: for whole-number scores they are exact, so the
	// statistics do not depend on the order of the input.
	x.n++;
	x.sum += score;
	x.sumOfSquares += score * score;
	if (score < x.min) x.min = score;
	if (score > x.max) x.max = score;
	if (x.entries < SEVERITY_MIN_ENTRIES && !x.seen.includes(entry)) {
		x.seen.push(entry);
		x.entries++;
	}
}

/** μ + σ·(s − μᵢ)/σᵢ clamped to 0–100 for an examiner with ≥ 3 entries; identity otherwise. */
function severityAdjustment(x: ExaminerStats, mu: number, sigma: number): (score: number) => number {
	if (x.entries < SEVERITY_MIN_ENTRIES) return identity;
	const mui = x.sum / x.n;
	// An examiner who gave one value throughout has σᵢ = 0 exactly, whatever the float sums say.
	const sigmai = x.min === x.max ? 0 : populationSd(x);
	if (sigmai === 0) return () => clamp(mu);
	return (s) => clamp(mu + (sigma * (s - mui)) / sigmai);
}

const identity = (score: number) => score;

function populationSd(x: ExaminerStats): number {
	const mean = x.sum / x.n;
	return Math.sqrt(Math.max(0, x.sumOfSquares / x.n - mean * mean));
}

function clamp(score: number): number {
	return Math.min(100, Math.max(0, score));
}

const NO_SCORES: CriterionStats = { n: 0, mean: null, median: null, min: null, max: null, sd: null, spread: null,
	divergent: false, consensus: null, used: null };

/** Statistics of one sorted cell; `consensus` and `used` are filled in by the caller. */
function cellStats(a: Float64Array, from: number, to: number, threshold: number): CriterionStats {
	const n = to - from;
	if (n === 0) return { ...NO_SCORES };
	const mean = sliceMean(a, from, to)!;
	let squares = 0;
	for (let k = from; k < to; k++) squares += (a[k] - mean) ** 2;
	const mid = from + (n >> 1);
	const median = n % 2 === 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
	const spread = a[to - 1] - a[from];
	return {
		n,
		mean,
		median,
		min: a[from],
		max: a[to - 1],
		sd: n === 1 ? 0 : Math.sqrt(squares / (n - 1)),
		spread,
		divergent: isDivergent(spread, threshold),
		consensus: null,
		used: null
	};
}

function sliceMean(a: Float64Array, from: number, to: number): number | null {
	if (to === from) return null;
	let sum = 0;
	for (let k = from; k < to; k++) sum += a[k];
	return sum / (to - from);
}

/** Cells hold a handful of scores, where insertion sort beats a sort call; big cells get the real one. */
function sortCell(a: Float64Array, from: number, to: number): void {
	if (to - from > 16) {
		a.subarray(from, to).sort();
		return;
	}
	for (let i = from + 1; i < to; i++) {
		const v = a[i];
		let j = i - 1;
		while (j >= from && a[j] > v) a[j + 1] = a[j--];
		a[j + 1] = v;
	}
}

function uniqueIndex(ids: string[], what: string): Map<string, number> {
	const index = new Map<string, number>();
	ids.forEach((id, i) => {
		if (index.has(id)) throw new RangeError(`duplicate ${what}: ${id}`);
		index.set(id, i);
	});
	return index;
}

function finiteOrNull(value: number | null | undefined): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
