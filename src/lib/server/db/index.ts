import { openDatabase, type DB } from './open';

export type { DB, Tx, Queryable } from './open';

let current: DB | undefined;

/** The process's database, opened on first use from DATABASE_PATH. */
export function db(): DB {
	current ??= openDatabase(process.env.DATABASE_PATH ?? 'data/utmarkelse.db');
	return current;
}

/** Points the process at another database (tests use an in-memory one). */
export function useDatabase(database: DB): void {
	current = database;
}
