/** Search and sort for the register's lists, in Swedish order (å, ä, ö after z), done in memory. */
export type Direction = 'asc' | 'desc';

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The list's sort key and direction from the query string, or the defaults. */
export function sortParams<K extends string>(url: URL, keys: readonly K[], fallback: K): { sort: K; dir: Direction } {
	const s = url.searchParams.get('sort');
	const sort = (keys as readonly string[]).includes(s ?? '') ? (s as K) : fallback;
	return { sort, dir: url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc' };
}

/** Whether any of the texts contains the query, ignoring case (å ä ö stay letters of their own). */
export function matches(query: string, ...texts: (string | null | undefined)[]): boolean {
	const q = query.trim().toLocaleLowerCase('sv');
	if (!q) return true;
	return texts.some((t) => t?.toLocaleLowerCase('sv').includes(q));
}

/** Sorts by the key's value (text in Swedish order, numbers numerically, empty last), then by name. */
export function sortRows<T extends { name: string }>(rows: T[], value: (row: T) => string | number | null, dir: Direction): T[] {
	const sign = dir === 'desc' ? -1 : 1;
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
		const primary = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
		return sign * primary || collator.compare(a.name, b.name);
	});
}
