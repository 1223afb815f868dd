import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { cycle } from './cycle';

/**
 * A cycle's retention settings: months after archiving per kind of record
 * (src/lib/domain/retention.ts). A kind missing from `months` takes its default, so a new kind
 * needs no migration. No row means every default.
 */
export const retentionPolicy = sqliteTable('retention_policy', {
	cycleId: integer('cycle_id')
		.primaryKey()
		.references(() => cycle.id, { onDelete: 'cascade' }),
	months: text('months', { mode: 'json' }).$type<Record<string, number>>().notNull(),
	version: integer('version').notNull().default(1),
	updatedBy: integer('updated_by').references(() => user.id),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * A retention step carried out: written in the same transaction as the step itself, so a step is
 * either done and recorded or not begun, and a run that stopped half-way continues from here.
 */
export const retentionStep = sqliteTable(
	'retention_step',
	{
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		count: integer('count').notNull(),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }).notNull(),
		doneBy: integer('done_by').references(() => user.id)
	},
	(t) => [primaryKey({ columns: [t.cycleId, t.kind] })]
);
