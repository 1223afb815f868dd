/**
 * Delivers due outbox messages: each attempt either marks a message sent or books the next try
 * after an exponential back-off; after MAX_ATTEMPTS it is 'failed' until the admin retries it.
 * The server runs `deliverDue` on an interval; tests call it with the time they want.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { defaultTransport, type MailTransport } from './transport';

export const MAX_ATTEMPTS = Math.max(1, Number(process.env.MAIL_MAX_ATTEMPTS) || 10);
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;
const BATCH = 50;

/** The wait after the n-th failed attempt: 1, 2, 4, 8 … minutes, at most an hour. */
export function backoffMs(failedAttempts: number): number {
	return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1));
}

export interface DeliveryRun {
	sent: number;
	retrying: number;
	failed: number;
}

let chain: Promise<unknown> = Promise.resolve();

/** Delivers every queued message due at `now`. Runs one at a time, so a slow server never sends twice. */
export function deliverDue(now = new Date(), transport: MailTransport = defaultTransport()): Promise<DeliveryRun> {
	const run = chain.then(() => deliver(now, transport));
	chain = run.catch(() => undefined);
	return run;
}

async function deliver(now: Date, transport: MailTransport): Promise<DeliveryRun> {
	const result: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
	const due = db()
		.select()
		.from(table.outbox)
		.where(and(eq(table.outbox.status, 'queued'), lte(table.outbox.nextAttemptAt, now)))
		.orderBy(asc(table.outbox.nextAttemptAt), asc(table.outbox.id))
		.limit(BATCH)
		.all();
	for (const m of due) {
		const attempts = m.attempts + 1;
		try {
			await transport.send({ id: m.id, messageId: m.messageId, to: m.toAddress, subject: m.subject, text: m.bodyText, html: m.bodyHtml });
			db().update(table.outbox).set({ status: 'sent', attempts, sentAt: now, lastError: null }).where(eq(table.outbox.id, m.id)).run();
			result.sent++;
		} catch (e) {
			const lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
			const giveUp = attempts >= MAX_ATTEMPTS;
			db()
				.update(table.outbox)
				.set({ attempts, lastError, status: giveUp ? 'failed' : 'queued', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
				.where(eq(table.outbox.id, m.id))
				.run();
			if (giveUp) result.failed++;
			else result.retrying++;
		}
	}
	return result;
}

let timer: ReturnType<typeof setInterval> | undefined;

async function tick(): Promise<void> {
	try {
		const run = await deliverDue();
		if (run.retrying || run.failed) console.warn(`E-post: ${run.sent} skickade, ${run.retrying} försöks igen, ${run.failed} misslyckade`);
	} catch (e) {
		console.error('E-post: utskicket avbröts', e);
	}
}

/** Starts the delivery loop once per process (MAIL_POLL_MS, default 10 s). */
export function startMailWorker(intervalMs = Number(process.env.MAIL_POLL_MS) || 10_000): void {
	if (timer) return;
	timer = setInterval(() => void tick(), intervalMs);
	timer.unref();
	void tick();
}

export function stopMailWorker(): void {
	if (timer) clearInterval(timer);
	timer = undefined;
}

/** Delivers soon after something was queued, instead of waiting for the next tick. */
export function kickMailWorker(): void {
	if (timer) setTimeout(() => void tick(), 0);
}
