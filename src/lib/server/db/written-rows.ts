/**
 * What the rows under a versioned document (an assessment's criteria, an account's answers) held
 * after its last autosave in this process, by version: the next save on top of that version then
 * writes only the rows that changed, since typing changes one at a time. Only a save's own commit
 * fills it; anything else that moves the version makes it miss, and that save writes every row.
 * Committed ids are never reused (AUTOINCREMENT), so an id at a version names one state; a save
 * remembered inside a request's transaction that is then rolled back is forgotten with everything
 * else (`forgetWrittenRows`), since its id and version may be taken again.
 */
import type Database from 'better-sqlite3';

/** Each row's content as one string, by the row's key within the document. */
export type RowKeys = Map<string | number, string>;

type Known = WeakMap<Database.Database, Map<number, { version: number; rows: RowKeys }>>;
const every = new Set<Known>();

/** After a rollback of a transaction that saves may have been remembered in: nothing is known any more. */
export function forgetWrittenRows(client: Database.Database): void {
	for (const known of every) known.delete(client);
}

export function writtenRows() {
	const byClient: Known = new WeakMap();
	every.add(byClient);
	const of = (client: Database.Database) => {
		let rows = byClient.get(client);
		if (!rows) byClient.set(client, (rows = new Map()));
		return rows;
	};
	return {
		/** The rows as the save of `version` wrote them, or null when that is not known here. */
		at(client: Database.Database, id: number, version: number): RowKeys | null {
			const known = of(client).get(id);
			return known && known.version === version ? known.rows : null;
		},
		/** After the commit: the rows as written at this version. */
		remember(client: Database.Database, id: number, version: number, rows: RowKeys): void {
			of(client).set(id, { version, rows });
		}
	};
}
