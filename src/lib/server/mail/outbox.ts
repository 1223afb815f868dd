/**
 * The outbox: e-mail is written to the database in the same transaction as the change that
 * causes it, and a worker delivers it. A mail server that is down loses nothing.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { newMessageId } from './transport';

export interface NewMail {
	to: string;
	subject: string;
	text: string;
	html?: string | null;
}

/**
 * Queues a message with its Message-ID, made here once: a crash after the mail server has accepted
 * a message but before its row says so sends it again, and the same id lets mail clients see one.
 */
export function enqueueMail(q: Queryable, mail: NewMail, now = new Date()): number {
	return q
		.insert(table.outbox)
		.values({ messageId: newMessageId(), toAddress: mail.to, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html ?? null, nextAttemptAt: now })
		.returning({ id: table.outbox.id })
		.get().id;
}

export type OutboxMessage = Omit<typeof table.outbox.$inferSelect, 'bodyText' | 'bodyHtml'>;

/** The latest messages with their state, for the admin; bodies stay out (they may hold sign-in links). */
export function listOutbox(limit = 200): OutboxMessage[] {
	return db()
		.select({
			id: table.outbox.id,
			messageId: table.outbox.messageId,
			toAddress: table.outbox.toAddress,
			subject: table.outbox.subject,
			status: table.outbox.status,
			attempts: table.outbox.attempts,
			nextAttemptAt: table.outbox.nextAttemptAt,
			lastError: table.outbox.lastError,
			sentAt: table.outbox.sentAt,
			createdAt: table.outbox.createdAt
		})
		.from(table.outbox)
		.orderBy(desc(table.outbox.id))
		.limit(limit)
		.all();
}

export function outboxCounts(): Record<(typeof table.OUTBOX_STATUSES)[number], number> {
	const rows = db().select({ status: table.outbox.status, n: sql<number>`count(*)` }).from(table.outbox).groupBy(table.outbox.status).all();
	const counts = { queued: 0, sent: 0, failed: 0 };
	for (const r of rows) counts[r.status] = r.n;
	return counts;
}

/**
 * The admin's "try again now": a failed message gets a fresh round of attempts, a queued one is
 * due at once. A sent message is left alone. Logged.
 */
export function retryMessage(id: number, actorId: number, now = new Date()): boolean {
	return db().transaction((tx) => {
		const row = tx.select().from(table.outbox).where(eq(table.outbox.id, id)).get();
		if (!row || row.status === 'sent') return false;
		tx.update(table.outbox)
			.set({ status: 'queued', attempts: row.status === 'failed' ? 0 : row.attempts, nextAttemptAt: now })
			.where(and(eq(table.outbox.id, id), inArray(table.outbox.status, ['queued', 'failed'])))
			.run();
		appendAudit(tx, {
			actorId,
			action: 'mail.retry',
			entityType: 'outbox',
			entityId: id,
			before: { status: row.status, attempts: row.attempts },
			after: { status: 'queued' }
		});
		return true;
	});
}
