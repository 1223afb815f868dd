import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq, isNull, and } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { getCurrentCycle, type Cycle } from '../cycles/lookup';
import { sv as registration } from '$lib/i18n/sections/registration';
import { runScheduledReminders, setReminderSchedule, startReminderSchedule } from './reminder-schedule';
import { sendReminders } from './reminders';

let db: DB;
let cycle: Cycle;
const ORIGIN = 'https://utmarkelse.test';
const adminId = () => db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
const outbox = () => db.select().from(table.outbox).all();
const audits = (action: string) => db.select({ n: count() }).from(table.auditLog).where(eq(table.auditLog.action, action)).get()!.n;
const sent = (runs: ReturnType<typeof runScheduledReminders>) => runs.reduce((n, r) => n + r.sent, 0);

beforeEach(() => {
	db = createTestDatabase();
	// The demo year of 2026: minutes due 30 June, Ljungbacken's still missing.
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	cycle = getCurrentCycle()!;
});
afterEach(() => vi.useRealTimers());

describe('reminders on a schedule', () => {
	it('send nothing while the admin has not turned them on for the cycle', () => {
		expect(runScheduledReminders(ORIGIN, new Date('2026-06-25T06:00:00Z'))).toEqual([]);
		expect(outbox()).toHaveLength(0);
	});

	it('once on, go out each day of the week before the deadline, never twice for the same entry and deadline', () => {
		setReminderSchedule(cycle, true, adminId());
		expect(audits('reminder.schedule')).toBe(1);
		// Day by day from before the week to after the deadline, as the daily run would see them.
		const day = (iso: string) => sent(runScheduledReminders(ORIGIN, new Date(`${iso}T06:00:00Z`)));
		expect(day('2026-06-22')).toBe(0);
		expect(day('2026-06-23')).toBe(2);
		expect(outbox().map((o) => o.toAddress).sort()).toEqual(['enhet4@demo.test', 'samordnare1@demo.test']);
		expect(outbox()[0].bodyText).toContain(`${ORIGIN}/`);
		for (const later of ['2026-06-24', '2026-06-29', '2026-06-30', '2026-07-01']) expect(day(later)).toBe(0);
		expect(outbox()).toHaveLength(2);
		// Every sending is in the audit log, with no person as its actor.
		const logged = db.select().from(table.auditLog).where(and(eq(table.auditLog.action, 'reminder.send'), isNull(table.auditLog.actorId))).all();
		expect(logged).toHaveLength(1);
	});

	it('sends nothing the admin’s button already sent, and the button nothing the schedule sent', () => {
		setReminderSchedule(cycle, true, adminId());
		const inWeek = new Date('2026-06-26T06:00:00Z');
		expect(sendReminders(cycle, 'minutes', adminId(), ORIGIN, registration, inWeek)).toEqual({ ok: true, sent: 2 });
		expect(sent(runScheduledReminders(ORIGIN, inWeek))).toBe(0);
		// A unit that loses its minutes later is reminded the next day, once.
		const hvilan = db.select().from(table.unit).where(eq(table.unit.name, 'Hvilan')).get()!.id;
		db.update(table.entry).set({ minutesReceivedDate: null }).where(and(eq(table.entry.unitId, hvilan), eq(table.entry.cycleId, cycle.id))).run();
		expect(sent(runScheduledReminders(ORIGIN, new Date('2026-06-27T06:00:00Z')))).toBe(2);
		expect(sendReminders(cycle, 'minutes', adminId(), ORIGIN, registration, new Date('2026-06-27T07:00:00Z'))).toEqual({ ok: true, sent: 0 });
		expect(outbox()).toHaveLength(4);
	});

	it('stop when the admin turns them off', () => {
		setReminderSchedule(cycle, true, adminId());
		setReminderSchedule({ ...cycle, remindersScheduled: true }, false, adminId());
		expect(runScheduledReminders(ORIGIN, new Date('2026-06-25T06:00:00Z'))).toEqual([]);
		expect(audits('reminder.schedule')).toBe(2);
	});

	it('run by themselves at the daily time the server is given', () => {
		setReminderSchedule(cycle, true, adminId());
		vi.useFakeTimers({ now: new Date(2026, 5, 24, 7, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
		startReminderSchedule({ REMINDERS_DAILY_AT: '07:30', ORIGIN });
		vi.advanceTimersByTime(29 * 60_000);
		expect(outbox()).toHaveLength(0);
		vi.advanceTimersByTime(60_000);
		expect(outbox()).toHaveLength(2);
		vi.advanceTimersByTime(24 * 3_600_000);
		expect(outbox()).toHaveLength(2);
	});
});
