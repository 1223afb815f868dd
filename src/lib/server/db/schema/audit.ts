import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './helpers';
import { user } from './auth';

/** Append-only: migrations add triggers that refuse UPDATE, DELETE and an insert over an existing id. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: id(),
		at: createdAt(),
		actorId: integer('actor_id').references(() => user.id),
		cycleId: integer('cycle_id'),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		reason: text('reason')
	},
	(t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_cycle_idx').on(t.cycleId)]
);
