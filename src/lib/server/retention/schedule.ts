/**
 * Retention on a schedule, in the server: once a day at RETENTION_DAILY_AT (the server's local
 * time, "HH:MM"), the run carries out what is due, as the admin's button does. Off without the
 * setting, and never under tests (hooks.server.ts starts it).
 */
import { runRetention } from './run';

/** The daily time the environment asks for: null when off, a Swedish message when the value is wrong. */
export function retentionScheduleTime(env: Record<string, string | undefined>): { ok: true; time: { hour: number; minute: number } | null } | { ok: false; message: string } {
	const raw = env.RETENTION_DAILY_AT?.trim();
	if (!raw) return { ok: true, time: null };
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
	if (!match) return { ok: false, message: `RETENTION_DAILY_AT ska vara en tid som "03:30", inte "${raw}".` };
	return { ok: true, time: { hour: Number(match[1]), minute: Number(match[2]) } };
}

/** Milliseconds from `now` to the next time of day given, today if it is still ahead. */
export function msUntilNext(time: { hour: number; minute: number }, now: Date): number {
	const next = new Date(now);
	next.setHours(time.hour, time.minute, 0, 0);
	if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
	return next.getTime() - now.getTime();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let scheduled: string | null = null;

/** The daily time as the admin's page shows it, or null when the schedule is off. */
export function retentionScheduleLabel(): string | null {
	return scheduled;
}

export function startRetentionSchedule(env: Record<string, string | undefined> = process.env): void {
	if (timer) return;
	const parsed = retentionScheduleTime(env);
	if (!parsed.ok) {
		console.error(`Gallringen är avstängd: ${parsed.message}`);
		return;
	}
	const time = parsed.time;
	if (!time) return;
	scheduled = `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
	const next = () => {
		timer = setTimeout(() => {
			try {
				const run = runRetention({ actorId: null });
				const done = run.done.map((s) => `${s.kind} ${s.year}: ${s.count}`).join(', ') || 'inget att göra';
				if (run.failed) console.error(`Gallringen stannade vid ${run.failed.kind} ${run.failed.year}: ${run.failed.message} (utfört: ${done})`);
				else console.log(`Gallringen klar: ${done}`);
			} catch (e) {
				console.error('Gallringen misslyckades:', e);
			}
			next();
		}, msUntilNext(time, new Date()));
		timer.unref();
	};
	next();
	console.log(`Gallring varje dag kl. ${scheduled}`);
}
