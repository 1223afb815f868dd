import type Database from 'better-sqlite3';
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

/** A nullable boolean column as raw statements return it (1, 0 or null). */
export const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);
