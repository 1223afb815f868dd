/**
 * Reminders a week before each deadline (docs/unit-side.md#3-board-minutes-from-the-coordinator): to the contacts and the
 * coordinators of registered units whose written account or board minutes are missing, through the
 * outbox. A reminder is kept per entry and deadline, so the same one never goes out twice, even when
 * the button is pressed again or two admins press it at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { enqueueMail } from '../mail/outbox';
import { snapshotAccountColumns } from '../account/state';
import type { Cycle } from '../cycles/lookup';
import { formatDaySv, stockholmDay } from '$lib/domain/dates';
import { minutesDeadlineOf } from '$lib/domain/eligibility';
import { unitYearSteps, entrySnapshot, reminderWindow, type ReminderWindow } from '$lib/domain/registration';
import type { Messages } from '$lib/i18n';

export type ReminderKind = (typeof table.REMINDER_KINDS)[number];
type M = Messages['registration'];

export interface ReminderPlan {
	kind: ReminderKind;
	deadline: string | null;
	window: ReminderWindow | null;
	opens: string | null;
	/** Per entry still missing the document and not yet reminded: its unit and the addresses. */
	entries: { entryId: number; unit: string; unitId: number; to: string[] }[];
}

function deadlineOf(cycle: Cycle, kind: ReminderKind): string | null {
	return kind === 'account' ? cycle.accountDeadline : minutesDeadlineOf({ cycleYear: cycle.year, minutesDeadline: cycle.minutesDeadline });
}

/** Who would get the reminder now, read in the given transaction or connection. */
export function reminderPlan(q: Queryable, cycle: Cycle, kind: ReminderKind, now = new Date()): ReminderPlan {
	const deadline = deadlineOf(cycle, kind);
	if (!deadline) return { kind, deadline, window: null, opens: null, entries: [] };
	const today = stockholmDay(now);
	const { window, opens } = reminderWindow(deadline, today);
	const rows = q
		.select({ entry: table.entry, unit: table.unit.name, organisationId: table.unit.organisationId, ...snapshotAccountColumns })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.leftJoin(table.account, eq(table.account.entryId, table.entry.id))
		.where(and(eq(table.entry.cycleId, cycle.id), eq(table.entry.status, 'registered')))
		.all();
	const reminded = new Set(
		q.select({ entryId: table.reminder.entryId }).from(table.reminder).where(and(eq(table.reminder.kind, kind), eq(table.reminder.deadline, deadline))).all().map((r) => r.entryId)
	);
	const cycleDates = { cycleYear: cycle.year, accountDeadline: cycle.accountDeadline, minutesDeadline: cycle.minutesDeadline };
	const missing = rows.filter(({ entry, ...account }) => {
		if (reminded.has(entry.id)) return false;
		const progress = unitYearSteps(entrySnapshot({ ...entry, ...account }), cycleDates, today);
		return progress.missing.some((s) => s.step === kind);
	});
	if (missing.length === 0) return { kind, deadline, window, opens, entries: [] };
	const contacts = q.select({ unitId: table.unitContact.unitId, email: table.unitContact.email }).from(table.unitContact).where(inArray(table.unitContact.unitId, missing.map((m) => m.entry.unitId))).all();
	const coordinators = q
		.select({ organisationId: table.coordinator.organisationId, email: table.user.email })
		.from(table.coordinator)
		.innerJoin(table.user, eq(table.user.id, table.coordinator.userId))
		.where(eq(table.coordinator.cycleId, cycle.id))
		.all();
	return {
		kind,
		deadline,
		window,
		opens,
		entries: missing.map(({ entry, unit, organisationId }) => ({
			entryId: entry.id,
			unit,
			unitId: entry.unitId,
			to: [...new Set([...contacts.filter((c) => c.unitId === entry.unitId), ...coordinators.filter((c) => c.organisationId === organisationId)].map((c) => c.email.toLowerCase()))]
		}))
	};
}

/**
 * Sends the reminder to everyone the plan names, inside one transaction that reads the plan
 * again, so what was already sent is skipped. Refused outside the week before the deadline.
 */
export function sendReminders(cycle: Cycle, kind: ReminderKind, actorId: number | null, origin: string, m: M, now = new Date()): { ok: true; sent: number } | { ok: false; message: string } {
	return db().transaction((tx) => {
		const plan = reminderPlan(tx, cycle, kind, now);
		if (plan.window !== 'open' || !plan.deadline) return { ok: false, message: m.reminders.closed };
		if (plan.entries.length === 0) return { ok: true, sent: 0 };
		const date = formatDaySv(plan.deadline);
		let sent = 0;
		for (const entry of plan.entries) {
			for (const to of entry.to) {
				enqueueMail(tx, { to, subject: m.reminders.subject(m.reminders.which[kind], date), text: m.reminders.body(entry.unit, m.reminders.whatLower[kind], date, `${origin}/`) }, now);
				sent += 1;
			}
			tx.insert(table.reminder).values({ entryId: entry.entryId, kind, deadline: plan.deadline, recipients: entry.to.length, sentBy: actorId }).onConflictDoNothing().run();
		}
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'reminder.send', entityType: 'cycle', entityId: cycle.id, after: { kind, deadline: plan.deadline, entries: plan.entries } });
		return { ok: true, sent };
	});
}
