import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; use cases accept either, so they compose inside one transaction. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Queryable = DB | Tx;

export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs and applies
 * the committed migrations. WAL with synchronous=NORMAL survives a process crash without losing
 * committed transactions; busy_timeout lets a second process (the seed, a CLI) wait instead of fail.
 */
export function openDatabase(path: string): DB {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = NORMAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	migrate(db, { migrationsFolder });
	return db;
}
