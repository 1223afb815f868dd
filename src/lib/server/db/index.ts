import { openDatabase, type DB } from './open';

export type { DB, Tx, Queryable } from './open';

let current: DB | undefined;

/** The database file of the server and the scripts: DATABASE_PATH. */
export function databasePath(): string {
	return process.env.DATABASE_PATH ?? 'data/utmarkelse.db';
}

/** The process's database, opened on first use from DATABASE_PATH. */
export function db(): DB {
	current ??= openDatabase(databasePath());
	return current;
}

/** Points the process at another database (tests use an in-memory one). */
export function useDatabase(database: DB): void {
	current = database;
}
