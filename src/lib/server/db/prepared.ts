import type Database from 'better-sqlite3';
import { sql, type Placeholder } from 'drizzle-orm';
import { db } from './index';

// Statements prepared once per connection: for the lean reads over a whole cycle, preparing costs
// more than running them on a small one. They run on the process's one connection, so also inside
// any transaction open on it.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A raw statement for this SQL on the process's connection, prepared on first use. */
export function prepared(sql: string): Database.Statement {
	const client = db().$client;
	let cache = statements.get(client);
	if (!cache) statements.set(client, (cache = new Map()));
	let statement = cache.get(sql);
	if (!statement) cache.set(sql, (statement = client.prepare(sql)));
	return statement;
}

/**
 * Placeholders named after these columns, for an insert prepared once and run for many rows: building
 * a drizzle query anew for each row of a 5 000-row import held the event loop for a second.
 */
export function placeholders<K extends string>(...names: K[]): { [N in K]: Placeholder<N> } {
	return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as { [N in K]: Placeholder<N> };
}

/** A nullable boolean column as raw statements return it (1, 0 or null). */
export const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);
