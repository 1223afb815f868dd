/**
 * The unit's side of registration (docs/unit-side.md): the organisation's coordinator of a cycle,
 * the board minutes they hand in for several units at once, and units they propose to the register.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id } from './helpers';
import { user } from './auth';
import { awardClass, cycle } from './cycle';
import { board, entry, organisation, unit } from './units';

/** A person who coordinates an organisation's entries in one cycle (kvalitetssamordnare). */
export const coordinator = sqliteTable(
	'coordinator',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('coordinator_unique_idx').on(t.cycleId, t.organisationId, t.userId), index('coordinator_user_idx').on(t.userId)]
);

/** One board decision as a stored PDF; the entries it approves point at it. */
export const boardMinutes = sqliteTable(
	'board_minutes',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id),
		boardId: integer('board_id').references(() => board.id),
		dnr: text('dnr').notNull(),
		meetingDate: day('meeting_date').notNull(),
		/** The moment it arrived; its day in Stockholm is the entries' received day (E5). */
		receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
		sha256: text('sha256').notNull(),
		fileName: text('file_name').notNull(),
		size: integer('size').notNull(),
		uploadedBy: integer('uploaded_by')
			.notNull()
			.references(() => user.id)
	},
	(t) => [index('board_minutes_cycle_org_idx').on(t.cycleId, t.organisationId)]
);

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

/** A unit not yet in the register, proposed by a coordinator for the admin to accept. */
export const unitProposal = sqliteTable(
	'unit_proposal',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id),
		name: text('name').notNull(),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id),
		contactName: text('contact_name').notNull(),
		contactEmail: text('contact_email').notNull(),
		status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('proposed'),
		/** The unit it became (new, or an existing one of the same name). */
		unitId: integer('unit_id').references(() => unit.id),
		proposedBy: integer('proposed_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('unit_proposal_cycle_idx').on(t.cycleId)]
);

export const REMINDER_KINDS = ['account', 'minutes'] as const;

/** A reminder sent for one entry and one deadline: it is never sent twice for the same pair. */
export const reminder = sqliteTable(
	'reminder',
	{
		id: id(),
		entryId: integer('entry_id')
			.notNull()
			.references(() => entry.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
		deadline: day('deadline').notNull(),
		recipients: integer('recipients').notNull(),
		sentBy: integer('sent_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('reminder_entry_kind_deadline_idx').on(t.entryId, t.kind, t.deadline)]
);
