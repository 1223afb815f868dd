/**
 * Reminders on a schedule (docs/unit-side.md#3-board-minutes-from-the-coordinator): once a day at
 * REMINDERS_DAILY_AT (the server's local time, 08:00 unless set), every cycle whose admin has
 * turned the schedule on gets the reminders that are due: inside the week before each deadline,
 * to the units whose document is still missing. It is the admin's button without the admin
 * (`sendReminders`), so no entry is reminded twice for the same deadline, whoever sent first, and
 * each sending is in the audit log with no person as its actor. The mail is in Swedish, as the
 * button's is.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { dailySchedule } from '../schedule/daily';
import { sendReminders, type ReminderKind } from './reminders';
import type { Cycle } from '../cycles/lookup';
import { messages } from '$lib/i18n';

const schedule = dailySchedule('REMINDERS_DAILY_AT', 'Påminnelserna', { hour: 8, minute: 0 });

/** What one day's run sent: per cycle and kind, the mails queued (nothing outside the week). */
export function runScheduledReminders(origin: string, now = new Date()): { cycleId: number; kind: ReminderKind; sent: number }[] {
	const m = messages('sv').registration;
	const cycles = db().select().from(table.cycle).where(eq(table.cycle.remindersScheduled, true)).all();
	return cycles.flatMap((cycle) =>
		table.REMINDER_KINDS.flatMap((kind) => {
			const result = sendReminders(cycle, kind, null, origin, m, now);
			return result.ok ? [{ cycleId: cycle.id, kind, sent: result.sent }] : [];
		})
	);
}

/** The admin turns the daily reminders of a cycle on or off; the change is in the audit log. */
export function setReminderSchedule(cycle: Cycle, on: boolean, actorId: number): void {
	db().transaction((tx) => {
		tx.update(table.cycle).set({ remindersScheduled: on }).where(eq(table.cycle.id, cycle.id)).run();
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'reminder.schedule', entityType: 'cycle', entityId: cycle.id, before: { remindersScheduled: cycle.remindersScheduled }, after: { remindersScheduled: on } });
	});
}

/** The daily time as the admin's page shows it, or null when the server does not run the schedule. */
export const reminderScheduleLabel = schedule.label;

export function startReminderSchedule(env: Record<string, string | undefined> = process.env): void {
	// The reminders link to the tool, so they need the address people reach it at.
	const origin = env.ORIGIN;
	if (!origin) {
		console.error('Påminnelserna körs inte: ORIGIN saknas.');
		return;
	}
	schedule.start(env, () => {
		const sent = runScheduledReminders(origin).filter((r) => r.sent > 0);
		if (sent.length > 0) console.log(`Påminnelser skickade: ${sent.map((r) => `${r.kind} ${r.sent}`).join(', ')}`);
	});
}
