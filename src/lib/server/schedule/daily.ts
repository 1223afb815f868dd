/**
 * A job the server runs once a day at a time of day the environment sets ("HH:MM", the server's
 * local time): retention and the unit reminders. Started by hooks.server.ts, so never under tests.
 */

export interface TimeOfDay {
	hour: number;
	minute: number;
}

/** The time of day in the setting `name`: `fallback` when unset (null: off), a Swedish message when wrong. */
function dailyTime(env: Record<string, string | undefined>, name: string, fallback: TimeOfDay | null = null): { ok: true; time: TimeOfDay | null } | { ok: false; message: string } {
	const raw = env[name]?.trim();
	if (!raw) return { ok: true, time: fallback };
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
	if (!match) return { ok: false, message: `${name} ska vara en tid som "03:30", inte "${raw}".` };
	return { ok: true, time: { hour: Number(match[1]), minute: Number(match[2]) } };
}

/** Milliseconds from `now` to the next time of day given, today if it is still ahead. */
export function msUntilNext(time: TimeOfDay, now: Date): number {
	const next = new Date(now);
	next.setHours(time.hour, time.minute, 0, 0);
	if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
	return next.getTime() - now.getTime();
}

/** "08:00" */
function timeLabel(time: TimeOfDay): string {
	return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/**
 * Runs `job` every day at `time`, on a timer that does not keep the process alive; a job that
 * throws is logged under `name` and the next day comes all the same.
 */
function everyDay(time: TimeOfDay, name: string, job: () => void): void {
	const next = () => {
		const timer = setTimeout(() => {
			try {
				job();
			} catch (e) {
				console.error(`${name} misslyckades:`, e);
			}
			next();
		}, msUntilNext(time, new Date()));
		timer.unref();
	};
	next();
}

/**
 * A job the server starts once and runs daily at the time in the environment's `setting`
 * (`fallback` when unset; null: off). `label` is that time as the admin's pages show it, null
 * while it does not run; a wrong setting is logged under `name` and leaves it off.
 */
export function dailySchedule(setting: string, name: string, fallback: TimeOfDay | null = null) {
	let scheduled: string | null = null;
	return {
		label: (): string | null => scheduled,
		/** The time `start` would read from `env`: null when off, a Swedish message when wrong. */
		timeIn: (env: Record<string, string | undefined>) => dailyTime(env, setting, fallback),
		start(env: Record<string, string | undefined>, job: () => void): void {
			if (scheduled !== null) return;
			const parsed = dailyTime(env, setting, fallback);
			if (!parsed.ok) console.error(`${name} körs inte: ${parsed.message}`);
			if (!parsed.ok || !parsed.time) return;
			scheduled = timeLabel(parsed.time);
			everyDay(parsed.time, name, job);
			console.log(`${name} körs varje dag kl. ${scheduled}`);
		}
	};
}
