/**
 * Retention on a schedule, in the server: once a day at RETENTION_DAILY_AT (the server's local
 * time, "HH:MM"), the run carries out what is due, as the admin's button does. Off without the
 * setting, and never under tests (hooks.server.ts starts it).
 */
import { dailySchedule } from '../schedule/daily';
import { runRetention } from './run';

const schedule = dailySchedule('RETENTION_DAILY_AT', 'Gallringen');

/** The daily time the environment asks for: null when off, a Swedish message when the value is wrong. */
export const retentionScheduleTime = schedule.timeIn;

/** The daily time as the admin's page shows it, or null when the schedule is off. */
export const retentionScheduleLabel = schedule.label;

export function startRetentionSchedule(env: Record<string, string | undefined> = process.env): void {
	schedule.start(env, () => {
		const run = runRetention({ actorId: null });
		const done = run.done.map((s) => `${s.kind} ${s.year}: ${s.count}`).join(', ') || 'inget att göra';
		if (run.failed) console.error(`Gallringen stannade vid ${run.failed.kind} ${run.failed.year}: ${run.failed.message} (utfört: ${done})`);
		else console.log(`Gallringen klar: ${done}`);
	});
}
