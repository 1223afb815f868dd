/**
 * Retention on a schedule, in the server: once a day at RETENTION_DAILY_AT (the server's local
 * time, "HH:MM"), the run carries out what is due, as the admin's button does. Off without the
 * setting, and never under tests (hooks.server.ts starts it).
 */
import { dailyTime, everyDay, timeLabel } from '../schedule/daily';
import { runRetention } from './run';

/** The daily time the environment asks for: null when off, a Swedish message when the value is wrong. */
export function retentionScheduleTime(env: Record<string, string | undefined>) {
	return dailyTime(env, 'RETENTION_DAILY_AT');
}

let stop: (() => void) | undefined;
let scheduled: string | null = null;

/** The daily time as the admin's page shows it, or null when the schedule is off. */
export function retentionScheduleLabel(): string | null {
	return scheduled;
}

export function startRetentionSchedule(env: Record<string, string | undefined> = process.env): void {
	if (stop) return;
	const parsed = retentionScheduleTime(env);
	if (!parsed.ok) {
		console.error(`Gallringen är avstängd: ${parsed.message}`);
		return;
	}
	const time = parsed.time;
	if (!time) return;
	scheduled = timeLabel(time);
	stop = everyDay(time, 'Gallringen', () => {
		const run = runRetention({ actorId: null });
		const done = run.done.map((s) => `${s.kind} ${s.year}: ${s.count}`).join(', ') || 'inget att göra';
		if (run.failed) console.error(`Gallringen stannade vid ${run.failed.kind} ${run.failed.year}: ${run.failed.message} (utfört: ${done})`);
		else console.log(`Gallringen klar: ${done}`);
	});
	console.log(`Gallring varje dag kl. ${scheduled}`);
}
