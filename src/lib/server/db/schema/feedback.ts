import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './helpers';
import { user } from './auth';
import { entry } from './units';

export const REPORT_STATUSES = ['draft', 'approved', 'released'] as const;

export const feedbackReport = sqliteTable('feedback_report', {
	id: id(),
	entryId: integer('entry_id')
		.notNull()
		.unique()
		.references(() => entry.id, { onDelete: 'cascade' }),
	status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
	/** The structured report (summary, per-criterion texts), edited by the lead. */
	content: text('content', { mode: 'json' }).notNull(),
	version: integer('version').notNull().default(1),
	approvedBy: integer('approved_by').references(() => user.id),
	approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
	releasedBy: integer('released_by').references(() => user.id),
	releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: createdAt()
});

/** Every saved state of a report's text, so an earlier version can be recovered. */
export const feedbackReportRevision = sqliteTable(
	'feedback_report_revision',
	{
		id: id(),
		reportId: integer('report_id')
			.notNull()
			.references(() => feedbackReport.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		content: text('content', { mode: 'json' }).notNull(),
		savedBy: integer('saved_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('feedback_report_revision_report_idx').on(t.reportId, t.version)]
);

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const;

/** E-mail goes through this table so that nothing is lost when the mail server is down. */
export const outbox = sqliteTable(
	'outbox',
	{
		id: id(),
		/** Made once, when the row is queued (`enqueueMail`), and sent on every attempt. */
		messageId: text('message_id').notNull().unique(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		bodyText: text('body_text').notNull(),
		bodyHtml: text('body_html'),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		lastError: text('last_error'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)]
);
