import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id, stringList } from './helpers';
import { user } from './auth';
import { PHASES } from '../../../domain/phases';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '../../../domain/scoring';
import { DEFAULT_ANSWER_LIMIT } from '../../../domain/account';

export const cycle = sqliteTable('cycle', {
	id: id(),
	year: integer('year').notNull().unique(),
	name: text('name').notNull(),
	phase: text('phase', { enum: PHASES }).notNull().default('preparation'),
	accountDeadline: day('account_deadline'),
	minutesDeadline: day('minutes_deadline'),
	assessmentDue: day('assessment_due'),
	consensusDue: day('consensus_due'),
	juryMeetingDate: day('jury_meeting_date'),
	ceremonyDate: day('ceremony_date'),
	feedbackDate: day('feedback_date'),
	scaleStep: integer('scale_step').notNull().default(5),
	/** The longest answer in the written account form, in characters as the unit sees them. */
	accountAnswerLimit: integer('account_answer_limit').notNull().default(DEFAULT_ANSWER_LIMIT),
	/** The admin has turned on the daily reminders in the week before each deadline. */
	remindersScheduled: integer('reminders_scheduled', { mode: 'boolean' }).notNull().default(false),
	divergenceThreshold: integer('divergence_threshold').notNull().default(DEFAULT_DIVERGENCE_THRESHOLD),
	teamSize: integer('team_size').notNull().default(3),
	defaultCapacity: integer('default_capacity').notNull().default(2),
	scoresInFeedback: integer('scores_in_feedback', { mode: 'boolean' }).notNull().default(false),
	decisionsClosedAt: integer('decisions_closed_at', { mode: 'timestamp_ms' }),
	decisionsClosedBy: integer('decisions_closed_by').references(() => user.id),
	version: integer('version').notNull().default(1),
	createdAt: createdAt()
});

export const awardClass = sqliteTable(
	'award_class',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		nameSv: text('name_sv').notNull(),
		nameEn: text('name_en').notNull(),
		description: text('description').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('award_class_cycle_name_idx').on(t.cycleId, t.nameSv)]
);

export const CRITERION_KINDS = ['approach', 'results'] as const;

export const criterion = sqliteTable(
	'criterion',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		titleSv: text('title_sv').notNull(),
		titleEn: text('title_en').notNull(),
		kind: text('kind', { enum: CRITERION_KINDS }).notNull(),
		weight: real('weight').notNull(),
		guidance: text('guidance').notNull().default(''),
		questions: stringList('questions'),
		/** Six band texts, lowest first; empty means the default texts of the criterion's kind. */
		bandTexts: stringList('band_texts'),
		sortOrder: integer('sort_order').notNull().default(0),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('criterion_cycle_key_idx').on(t.cycleId, t.key), index('criterion_cycle_idx').on(t.cycleId)]
);
