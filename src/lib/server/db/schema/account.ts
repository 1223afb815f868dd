import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id } from './helpers';
import { user } from './auth';
import { criterion } from './cycle';
import { entry } from './units';

export const ACCOUNT_STATUSES = ['draft', 'submitted'] as const;

/**
 * The written account as a form (docs/unit-side.md#4-the-written-account-as-a-form): one per entry,
 * shared by the unit's contacts; `version` guards against lost updates as an assessment's does.
 */
export const account = sqliteTable('account', {
	id: id(),
	entryId: integer('entry_id')
		.notNull()
		.unique()
		.references(() => entry.id, { onDelete: 'cascade' }),
	status: text('status', { enum: ACCOUNT_STATUSES }).notNull().default('draft'),
	introduction: text('introduction').notNull().default(''),
	version: integer('version').notNull().default(1),
	/** The admin's extension of this entry's deadline (a day, as the cycle's deadline is). */
	extendedTo: day('extended_to'),
	submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
	submittedBy: integer('submitted_by').references(() => user.id),
	/** The SHA-256 of what was submitted, as the receipt gives it. */
	receiptSha256: text('receipt_sha256'),
	/** The typeset account, in the document store. */
	pdfSha256: text('pdf_sha256'),
	/** The same typeset without the self-assessment, for readers who may not see it yet. */
	pdfWithoutSelfSha256: text('pdf_without_self_sha256'),
	updatedBy: integer('updated_by').references(() => user.id),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: createdAt()
});

/** One answer to one question of a criterion, by the question's place in the criterion's list. */
export const accountAnswer = sqliteTable(
	'account_answer',
	{
		accountId: integer('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => criterion.id),
		question: integer('question').notNull(),
		text: text('text').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.accountId, t.criterionId, t.question] })]
);

/**
 * The unit's own band for one criterion, 0–5 as the model's bands, and its reason
 * (docs/unit-side.md#5-self-assessment): a row only where a band is chosen or a reason written;
 * a draft's reason may wait for its band (null), a submitted account's never does.
 */
export const accountSelfAssessment = sqliteTable(
	'account_self_assessment',
	{
		accountId: integer('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => criterion.id),
		band: integer('band'),
		reason: text('reason').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.accountId, t.criterionId] }), check('account_self_assessment_band', sql`${t.band} BETWEEN 0 AND 5`)]
);

/** Every saved state of the account, so an earlier text can be recovered. */
export const accountRevision = sqliteTable(
	'account_revision',
	{
		id: id(),
		accountId: integer('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		savedBy: integer('saved_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('account_revision_account_idx').on(t.accountId, t.version)]
);

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** A file handed in with the account, kept in the document store by its SHA-256. */
export const accountAttachment = sqliteTable(
	'account_attachment',
	{
		id: id(),
		accountId: integer('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		sha256: text('sha256').notNull(),
		fileName: text('file_name').notNull(),
		mediaType: text('media_type', { enum: ATTACHMENT_TYPES }).notNull(),
		size: integer('size').notNull(),
		uploadedBy: integer('uploaded_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('account_attachment_account_idx').on(t.accountId)]
);
