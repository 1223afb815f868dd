/**
 * Sorting the ranked table (docs/aggregation.md#5-rank) by the column a person picks, from the
 * address so that it works without JavaScript (`?sort=total&dir=desc`), and the class median the
 * radar chart compares with.
 */

export type SortKey = 'rank' | 'total' | 'adjusted' | 'name' | `criterion:${string}`;
export type SortDirection = 'asc' | 'desc';

export interface Sort {
	key: SortKey;
	dir: SortDirection;
}

export const DEFAULT_SORT: Sort = { key: 'rank', dir: 'asc' };

/** The natural first direction of a column: best first for numbers, A–Ö for names and ranks. */
export function defaultDirection(key: SortKey): SortDirection {
	return key === 'rank' || key === 'name' ? 'asc' : 'desc';
}

/** The sort in the address, or the default when it names no column of this table. */
export function parseSort(params: URLSearchParams, criterionKeys: readonly string[]): Sort {
	const raw = params.get('sort') ?? '';
	const known = raw === 'rank' || raw === 'total' || raw === 'adjusted' || raw === 'name';
	const criterion = raw.startsWith('criterion:') && criterionKeys.includes(raw.slice('criterion:'.length));
	if (!known && !criterion) return DEFAULT_SORT;
	const key = raw as SortKey;
	const dir = params.get('dir');
	return { key, dir: dir === 'asc' || dir === 'desc' ? dir : defaultDirection(key) };
}

/** Where a header's link leads: the other direction on the sorted column, else the column's own first. */
export function nextSort(current: Sort, key: SortKey): Sort {
	if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
	return { key, dir: defaultDirection(key) };
}

export interface SortableRow {
	rank: number | null;
	total: number | null;
	adjustedTotal: number | null;
	unitName: string;
	criteria: Record<string, { used: number | null }>;
}

/**
 * A sorted copy. Missing values (an incomplete entry's total, an unscored criterion) go last in
 * either direction; ties keep the ranked order, which is the order the rows come in.
 */
export function sortRows<T extends SortableRow>(rows: readonly T[], sort: Sort, locale = 'sv'): T[] {
	const sign = sort.dir === 'asc' ? 1 : -1;
	if (sort.key === 'name') {
		const collator = new Intl.Collator(locale === 'en' ? 'en-GB' : 'sv-SE');
		return [...rows].sort((a, b) => sign * collator.compare(a.unitName, b.unitName));
	}
	const value = valueOf(sort.key);
	return rows
		.map((row, i) => ({ row, i, v: value(row) }))
		.sort((a, b) => {
			if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
			return sign * (a.v - b.v) || a.i - b.i;
		})
		.map((x) => x.row);
}

function valueOf(key: SortKey): (row: SortableRow) => number | null {
	if (key === 'rank') return (r) => r.rank;
	if (key === 'total') return (r) => r.total;
	if (key === 'adjusted') return (r) => r.adjustedTotal;
	const criterion = key.slice('criterion:'.length);
	return (r) => r.criteria[criterion]?.used ?? null;
}

/** The median of each criterion's used score over the rows that have one; null where none has. */
export function classMedians(rows: readonly Pick<SortableRow, 'criteria'>[], keys: readonly string[]): Record<string, number | null> {
	const result: Record<string, number | null> = {};
	for (const key of keys) {
		const values = rows.map((r) => r.criteria[key]?.used ?? null).filter((v): v is number => v !== null);
		result[key] = median(values);
	}
	return result;
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
