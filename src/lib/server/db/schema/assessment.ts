import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id, stringList } from './helpers';
import { user } from './auth';
import { criterion } from './cycle';
import { entry } from './units';

export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;

/** One examiner's individual assessment of one entry; `version` guards against lost updates. */
export const assessment = sqliteTable(
	'assessment',
	{
		id: id(),
		entryId: integer('entry_id')
			.notNull()
			.references(() => entry.id, { onDelete: 'cascade' }),
		examinerId: integer('examiner_id')
			.notNull()
			.references(() => user.id),
		status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
		notes: text('notes').notNull().default(''),
		version: integer('version').notNull().default(1),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('assessment_entry_examiner_idx').on(t.entryId, t.examinerId),
		index('assessment_examiner_idx').on(t.examinerId)
	]
);

/**
 * A score is a whole number 0–100 or not yet given. The database holds to it as well as the forms,
 * because the ranking reads scores in a packed form (ranking/load.ts) that relies on it.
 */
const wholeScore = (score: SQLiteColumn) => sql`${score} IS NULL OR (typeof(${score}) = 'integer' AND ${score} BETWEEN 0 AND 100)`;

export const assessmentScore = sqliteTable(
	'assessment_score',
	{
		assessmentId: integer('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => criterion.id),
		score: integer('score'),
		strengths: stringList('strengths'),
		improvements: stringList('improvements'),
		notes: text('notes').notNull().default('')
	},
	(t) => [
		primaryKey({ columns: [t.assessmentId, t.criterionId] }),
		check('assessment_score_whole', wholeScore(t.score)),
		// Covers the ranking's read of every score of a cycle: no row lookup per score.
		index('assessment_score_ranking_idx').on(t.assessmentId, t.criterionId, t.score)
	]
);

/** Every saved state of a draft, so an earlier text can be recovered. */
export const assessmentRevision = sqliteTable(
	'assessment_revision',
	{
		id: id(),
		assessmentId: integer('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		savedBy: integer('saved_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('assessment_revision_assessment_idx').on(t.assessmentId, t.version)]
);

export const CONSENSUS_STATUSES = ['draft', 'done'] as const;

export const consensus = sqliteTable('consensus', {
	id: id(),
	entryId: integer('entry_id')
		.notNull()
		.unique()
		.references(() => entry.id, { onDelete: 'cascade' }),
	status: text('status', { enum: CONSENSUS_STATUSES }).notNull().default('draft'),
	summary: text('summary').notNull().default(''),
	recommendFinalist: integer('recommend_finalist', { mode: 'boolean' }),
	version: integer('version').notNull().default(1),
	updatedBy: integer('updated_by').references(() => user.id),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: createdAt()
});

export const consensusScore = sqliteTable(
	'consensus_score',
	{
		consensusId: integer('consensus_id')
			.notNull()
			.references(() => consensus.id, { onDelete: 'cascade' }),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => criterion.id),
		score: integer('score'),
		strengths: stringList('strengths'),
		improvements: stringList('improvements')
	},
	(t) => [
		primaryKey({ columns: [t.consensusId, t.criterionId] }),
		check('consensus_score_whole', wholeScore(t.score)),
		index('consensus_score_ranking_idx').on(t.consensusId, t.criterionId, t.score)
	]
);

export const siteVisit = sqliteTable('site_visit', {
	id: id(),
	entryId: integer('entry_id')
		.notNull()
		.unique()
		.references(() => entry.id, { onDelete: 'cascade' }),
	visitDate: day('visit_date'),
	participants: text('participants').notNull().default(''),
	findings: text('findings').notNull().default(''),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
