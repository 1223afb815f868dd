/**
 * Inter-rater agreement as Krippendorff's alpha (docs/aggregation.md#8-agreement): units are
 * entries, coders are examiners, values are scores. Follows the coincidence-matrix formulation of
 * K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
 * Communication, University of Pennsylvania (https://repository.upenn.edu/asc_papers/43):
 *
 * - a unit with m_u ≥ 2 values is pairable; one with fewer is ignored. Each of its m_u(m_u − 1)
 *   ordered pairs of values adds 1/(m_u − 1) to the coincidence o_ck of the pair's values c, k;
 * - n_c = Σ_k o_ck (so every pairable value counts once), n = Σ_c n_c;
 * - α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck,
 *   with δ²_ck = (c − k)² for the interval metric and [c ≠ k] for the nominal one.
 *
 * α = 1 is perfect agreement and 0 agreement no better than chance. Krippendorff advises relying on
 * data with α ≥ 0.800 and drawing only tentative conclusions from 0.667 ≤ α < 0.800; below 0.667 the
 * examiners disagree too much for their scores on that criterion to be relied on.
 *
 * `null` when alpha is undefined: no pairable unit, or no expected disagreement (every pairable value
 * the same). One score per examiner, entry and criterion is assumed, as the database guarantees.
 */
import { compareIds, type AggregateInput } from './aggregate';

export type AlphaMetric = 'interval' | 'nominal';

/** Below this, agreement is too weak even for tentative conclusions (Krippendorff 2011). */
export const ALPHA_THRESHOLD = 0.667;

/**
 * Alpha weighs the disagreement within entries against the disagreement expected from all the
 * class's scores pooled; with only a few entries that expectation rests on how far those few happen
 * to lie apart, so two examiners five points apart on two similar entries score "worse than chance".
 * Below these counts of entries with two scores and of such scores no verdict is given
 * (docs/aggregation.md#8-agreement).
 */
export const AGREEMENT_MIN_ENTRIES = 5;
export const AGREEMENT_MIN_VALUES = 10;

/**
 * What alpha says about a criterion: `too-few` below the minimum counts, whatever its value;
 * `none` when it cannot be computed; else `low` or `ok` against ALPHA_THRESHOLD.
 */
export type AgreementVerdict = 'too-few' | 'none' | 'low' | 'ok';

export function agreementVerdict(alpha: number | null, pairableEntries: number, pairableValues: number): AgreementVerdict {
	if (pairableEntries < AGREEMENT_MIN_ENTRIES || pairableValues < AGREEMENT_MIN_VALUES) return 'too-few';
	if (alpha === null) return 'none';
	return alpha < ALPHA_THRESHOLD ? 'low' : 'ok';
}

/** Alpha from the values of each unit; which coder gave which value does not enter the formula. */
export function krippendorffAlpha(
	units: readonly (readonly number[])[],
	metric: AlphaMetric = 'interval'
): number | null {
	const delta = metric === 'interval' ? interval : nominal;
	// Σ_c Σ_k o_ck δ²_ck, summed pair by pair: the same cells as the coincidence matrix, without
	// materialising a matrix whose size grows with the number of distinct values.
	let observed = 0;
	const margins = new Map<number, number>();
	let n = 0;
	for (const unit of units) {
		const m = unit.length;
		if (m < 2) continue;
		for (let i = 0; i < m; i++) {
			margins.set(unit[i], (margins.get(unit[i]) ?? 0) + 1);
			for (let j = 0; j < m; j++) if (i !== j) observed += delta(unit[i], unit[j]) / (m - 1);
		}
		n += m;
	}
	if (n === 0) return null;
	const expected = metric === 'interval' ? intervalExpected(margins, n) : nominalExpected(margins, n);
	if (expected === 0) return null;
	return 1 - ((n - 1) * observed) / expected;
}

/**
 * Alpha from a reliability data matrix as Krippendorff prints it: one row per coder, one column per
 * unit, `null` (or undefined, or a non-finite number) where a coder gave no value.
 */
export function alphaFromMatrix(
	matrix: readonly (readonly (number | null | undefined)[])[],
	metric: AlphaMetric = 'interval'
): number | null {
	const unitCount = Math.max(0, ...matrix.map((row) => row.length));
	const units: number[][] = Array.from({ length: unitCount }, () => []);
	for (const row of matrix) {
		row.forEach((value, u) => {
			if (typeof value === 'number' && Number.isFinite(value)) units[u].push(value);
		});
	}
	return krippendorffAlpha(units, metric);
}

/** The coincidence matrix itself, for display and for checking against published tables. */
export function coincidenceMatrix(units: readonly (readonly number[])[]): { values: number[]; o: number[][] } {
	const pairable = units.filter((unit) => unit.length >= 2);
	const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
	const index = new Map(values.map((v, i) => [v, i]));
	const o = values.map(() => values.map(() => 0));
	for (const unit of pairable) {
		for (let i = 0; i < unit.length; i++) {
			for (let j = 0; j < unit.length; j++) {
				if (i !== j) o[index.get(unit[i])!][index.get(unit[j])!] += 1 / (unit.length - 1);
			}
		}
	}
	return { values, o };
}

function interval(c: number, k: number): number {
	return (c - k) ** 2;
}

function nominal(c: number, k: number): number {
	return c === k ? 0 : 1;
}

/** Σ_c Σ_k n_c n_k (c − k)² = 2n · Σ_c n_c (c − mean)², centred so large scores lose no precision. */
function intervalExpected(margins: Map<number, number>, n: number): number {
	let sum = 0;
	for (const [value, count] of margins) sum += value * count;
	const mean = sum / n;
	let squares = 0;
	for (const [value, count] of margins) squares += count * (value - mean) ** 2;
	return 2 * n * squares;
}

/** Σ_c Σ_k n_c n_k [c ≠ k] = n² − Σ_c n_c². */
function nominalExpected(margins: Map<number, number>, n: number): number {
	let same = 0;
	for (const count of margins.values()) same += count * count;
	return n * n - same;
}

export interface CriterionAgreement {
	classId: string;
	criterion: string;
	/** Interval alpha over the class's entries; null when not computable. */
	alpha: number | null;
	/** Entries with at least two scores on the criterion, i.e. the units alpha is based on. */
	pairableEntries: number;
	/** The scores of those entries, the values alpha is based on. */
	pairableValues: number;
	verdict: AgreementVerdict;
}

/**
 * Interval alpha per class and criterion, classes by id and criteria in model order. Scores naming
 * an unknown entry or criterion, or with a non-finite value, are ignored, as in `rankEntries`.
 */
export function agreementByClass(
	input: Pick<AggregateInput, 'criteria' | 'entries' | 'scores'>
): CriterionAgreement[] {
	const entriesByClass = new Map<string, string[]>();
	for (const entry of input.entries) {
		const list = entriesByClass.get(entry.classId);
		if (list) list.push(entry.id);
		else entriesByClass.set(entry.classId, [entry.id]);
	}
	// criterion → entry → scores: two lookups per score and no string keys built in the hot loop.
	const byCriterion = new Map(input.criteria.map((c) => [c.key, new Map<string, number[]>()]));
	for (const s of input.scores) {
		const byEntry = byCriterion.get(s.criterion);
		if (!byEntry || !Number.isFinite(s.score)) continue;
		const values = byEntry.get(s.entryId);
		if (values) values.push(s.score);
		else byEntry.set(s.entryId, [s.score]);
	}
	const rows: CriterionAgreement[] = [];
	for (const classId of [...entriesByClass.keys()].sort(compareIds)) {
		const entryIds = entriesByClass.get(classId)!;
		for (const { key } of input.criteria) {
			const byEntry = byCriterion.get(key)!;
			const units = entryIds.map((id) => byEntry.get(id) ?? []);
			const alpha = krippendorffAlpha(units, 'interval');
			const pairable = units.filter((unit) => unit.length >= 2);
			const pairableValues = pairable.reduce((n, unit) => n + unit.length, 0);
			const verdict = agreementVerdict(alpha, pairable.length, pairableValues);
			rows.push({ classId, criterion: key, alpha, pairableEntries: pairable.length, pairableValues, verdict });
		}
	}
	return rows;
}
