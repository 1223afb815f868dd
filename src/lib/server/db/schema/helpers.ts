import { integer, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** Primary key: SQLite rowid integers keep joins and indexes small. */
export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** Creation time in epoch milliseconds, set by the database. */
export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** A calendar day as ISO text (YYYY-MM-DD): deadlines compare by day, never by time of day. */
export const day = (name: string) => text(name);

/** A JSON list of strings (strengths, improvements, questions, band texts). */
export const stringList = (name: string) =>
	text(name, { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`);
