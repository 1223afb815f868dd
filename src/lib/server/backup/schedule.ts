/**
 * Backups on a schedule, in the server: every BACKUP_INTERVAL_MINUTES a verified backup in
 * BACKUP_DIR, then the retention rule (`retain`) decides which older ones to remove. Each run is
 * logged; the last success and the last failure are kept for the admin's home page.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupHealth, retain, type BackupHealth, type RetentionPolicy } from '$lib/domain/backup';
import { databasePath } from '../db';
import { filesDir } from '../registry/documents';
import { createBackup, type BackupSources } from './create';
import { megabytes, readManifest } from './verify';
import { timeStamp } from './disk';

export interface BackupSchedule {
	dir: string;
	intervalMs: number;
	policy: RetentionPolicy;
}

/** The schedule the environment asks for: null without BACKUP_DIR, a Swedish message when a value is wrong. */
export function backupSchedule(env: Record<string, string | undefined>): { ok: true; schedule: BackupSchedule | null } | { ok: false; message: string } {
	const dir = env.BACKUP_DIR?.trim();
	if (!dir) return { ok: true, schedule: null };
	const number = (name: string, fallback: number, whole: boolean) => {
		const raw = env[name]?.trim();
		const value = raw ? Number(raw) : fallback;
		return Number.isFinite(value) && (whole ? Number.isInteger(value) && value >= 0 : value > 0) ? value : null;
	};
	const minutes = number('BACKUP_INTERVAL_MINUTES', 60, false);
	if (minutes === null) return { ok: false, message: `BACKUP_INTERVAL_MINUTES ska vara ett antal minuter större än noll, inte "${env.BACKUP_INTERVAL_MINUTES}".` };
	const hourly = number('BACKUP_KEEP_HOURLY', 48, true);
	if (hourly === null) return { ok: false, message: `BACKUP_KEEP_HOURLY ska vara ett heltal, noll eller större, inte "${env.BACKUP_KEEP_HOURLY}".` };
	const daily = number('BACKUP_KEEP_DAILY', 30, true);
	if (daily === null) return { ok: false, message: `BACKUP_KEEP_DAILY ska vara ett heltal, noll eller större, inte "${env.BACKUP_KEEP_DAILY}".` };
	return { ok: true, schedule: { dir, intervalMs: minutes * 60_000, policy: { hourly, daily } } };
}

const NAME = /^utmarkelse-\d{8}T\d{6}Z$/;

export interface StoredBackup {
	name: string;
	path: string;
	takenAt: Date;
}

/** The finished backups in a schedule's folder, newest first; anything else there is left alone. */
export async function listBackups(dir: string): Promise<StoredBackup[]> {
	if (!existsSync(dir)) return [];
	const found: StoredBackup[] = [];
	for (const name of await readdir(dir)) {
		if (!NAME.test(name)) continue;
		const path = join(dir, name);
		try {
			found.push({ name, path, takenAt: new Date((await readManifest(path)).startedAt) });
		} catch {
			// Without a readable manifest it is no backup of ours; it stays for a person to look at.
		}
	}
	return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export interface ScheduledRun {
	name: string;
	takenAt: Date;
	seconds: number;
	databaseBytes: number;
	files: { count: number; bytes: number };
	removed: string[];
	kept: number;
}

/** One run: a new backup beside the others (sharing their files), then the retention rule. */
export async function runScheduledBackup(schedule: BackupSchedule, sources: BackupSources, now = new Date()): Promise<ScheduledRun> {
	const started = performance.now();
	await mkdir(schedule.dir, { recursive: true });
	// A backup cut off by a crash leaves its partial folder behind.
	for (const name of await readdir(schedule.dir)) {
		if (name.endsWith('.partial') && NAME.test(name.slice(0, -'.partial'.length))) await rm(join(schedule.dir, name), { recursive: true, force: true });
	}
	const earlier = await listBackups(schedule.dir);
	const name = `utmarkelse-${timeStamp(now)}`;
	const path = join(schedule.dir, name);
	const manifest = await createBackup(path, sources, { linkFrom: earlier[0]?.path });
	const { keep, remove } = retain([{ name, path, takenAt: new Date(manifest.startedAt) }, ...earlier], schedule.policy);
	for (const old of remove) await rm(old.path, { recursive: true, force: true });
	return {
		name,
		takenAt: new Date(manifest.startedAt),
		seconds: (performance.now() - started) / 1000,
		databaseBytes: manifest.database.bytes,
		files: { count: manifest.files.count, bytes: manifest.files.bytes },
		removed: remove.map((b) => b.name),
		kept: keep.length
	};
}

interface State {
	schedule: BackupSchedule | null;
	startedAt: Date;
	lastSuccess: { at: Date; name: string } | null;
	lastFailure: { at: Date; message: string } | null;
	kept: number;
}

const state: State = { schedule: null, startedAt: new Date(), lastSuccess: null, lastFailure: null, kept: 0 };
let sources: BackupSources | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<unknown> = Promise.resolve();

/**
 * Reads the schedule from the environment and what the folder already holds. A wrong value is a
 * failure the admin sees, and no backups run until it is mended.
 */
export async function configureBackups(
	env: Record<string, string | undefined> = process.env,
	from: BackupSources = { databasePath: databasePath(), filesDir: filesDir() },
	now = new Date()
): Promise<BackupSchedule | null> {
	const parsed = backupSchedule(env);
	sources = from;
	Object.assign(state, { schedule: null, startedAt: now, lastSuccess: null, lastFailure: null, kept: 0 });
	if (!parsed.ok) {
		recordFailure(parsed.message);
		return null;
	}
	state.schedule = parsed.schedule;
	if (!state.schedule) return null;
	try {
		const existing = await listBackups(state.schedule.dir);
		state.kept = existing.length;
		if (existing[0]) state.lastSuccess = { at: existing[0].takenAt, name: existing[0].name };
	} catch (e) {
		// The runs will fail too, and say so; until then the admin sees why.
		recordFailure((e as Error).message);
	}
	return state.schedule;
}

function recordFailure(message: string): void {
	state.lastFailure = { at: new Date(), message: message.slice(0, 1000) };
	console.error(`Säkerhetskopieringen misslyckades: ${message}`);
}

/** Runs a scheduled backup now (never two at once), logs it and records the outcome. */
export function backupNow(now = new Date()): Promise<void> {
	const run = running.then(async () => {
		const schedule = state.schedule;
		if (!schedule || !sources) return;
		try {
			const done = await runScheduledBackup(schedule, sources, now);
			state.lastSuccess = { at: done.takenAt, name: done.name };
			state.kept = done.kept;
			console.log(
				`Säkerhetskopia ${done.name} klar på ${done.seconds.toFixed(1)} s: databasen ${megabytes(done.databaseBytes)}, ` +
					`${done.files.count} filer (${megabytes(done.files.bytes)}); ${done.removed.length} äldre borttagna, ${done.kept} sparade`
			);
		} catch (e) {
			recordFailure(e instanceof Error ? e.message : String(e));
		}
	});
	running = run;
	return run;
}

/** Starts the schedule once per process: the first run when the newest backup is an interval old. */
export async function startBackupSchedule(): Promise<void> {
	if (timer) return;
	const schedule = await configureBackups();
	if (!schedule) return;
	const next = () => {
		timer = setTimeout(() => void backupNow().then(next), schedule.intervalMs);
		timer.unref();
	};
	const dueInMs = state.lastSuccess ? state.lastSuccess.at.getTime() + schedule.intervalMs - Date.now() : 0;
	timer = setTimeout(() => void backupNow().then(next), Math.max(0, dueInMs));
	timer.unref();
	console.log(`Säkerhetskopiering till ${schedule.dir} med ${schedule.intervalMs / 60_000} minuters mellanrum; ${state.kept} sparade`);
}

export interface BackupStatus {
	health: BackupHealth | 'off';
	lastSuccess: { at: Date; name: string } | null;
	lastFailure: { at: Date; message: string } | null;
	kept: number;
}

/** What the admin's home page shows about backups. */
export function backupStatus(now = new Date()): BackupStatus {
	const { schedule, lastSuccess, lastFailure, kept } = state;
	const health = schedule
		? backupHealth({ lastSuccessAt: lastSuccess?.at ?? null, lastFailureAt: lastFailure?.at ?? null, startedAt: state.startedAt, intervalMs: schedule.intervalMs, now })
		: lastFailure
			? 'failing'
			: 'off';
	return { health, lastSuccess, lastFailure, kept };
}
