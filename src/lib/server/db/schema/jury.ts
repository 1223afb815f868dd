import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id } from './helpers';
import { user } from './auth';
import { awardClass, cycle } from './cycle';
import { entry } from './units';

/** A juror's advisory ranking of a class's finalists: tiers of entry ids, best first. */
export const ballot = sqliteTable(
	'ballot',
	{
		id: id(),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id, { onDelete: 'cascade' }),
		voterId: integer('voter_id')
			.notNull()
			.references(() => user.id),
		ranking: text('ranking', { mode: 'json' }).$type<number[][]>().notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('ballot_class_voter_idx').on(t.classId, t.voterId)]
);

/**
 * The chair's opening of a class's ballot tally to every member, voted or not; until then a member
 * sees the tally only after casting their own ballot (docs/jury.md#3-the-ballot).
 */
export const tallyOpening = sqliteTable('tally_opening', {
	id: id(),
	classId: integer('class_id')
		.notNull()
		.unique()
		.references(() => awardClass.id, { onDelete: 'cascade' }),
	openedBy: integer('opened_by')
		.notNull()
		.references(() => user.id),
	openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull()
});

export const DECISION_OUTCOMES = ['award', 'mention', 'none'] as const;

/** The chair's decision: an entry's award or mention with its citation, or "no award" for a class. */
export const decision = sqliteTable(
	'decision',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id),
		entryId: integer('entry_id').references(() => entry.id),
		outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
		citation: text('citation').notNull().default(''),
		decidedBy: integer('decided_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('decision_class_idx').on(t.classId), uniqueIndex('decision_entry_idx').on(t.entryId)]
);

/** The jury meeting whose minutes record the decisions. */
export const juryMeeting = sqliteTable('jury_meeting', {
	id: id(),
	cycleId: integer('cycle_id')
		.notNull()
		.unique()
		.references(() => cycle.id, { onDelete: 'cascade' }),
	meetingDate: day('meeting_date'),
	presentUserIds: text('present_user_ids', { mode: 'json' }).$type<number[]>().notNull(),
	place: text('place').notNull().default('')
});
