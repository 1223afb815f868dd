/**
 * The server's archive packages: each is built by `npm run archive`'s code in a process of its own
 * (scripts/archive.ts, at the lowest priority), never in the server's, so a year of PDFs and
 * hashing holds up no request. The child reads the same database and files (DATABASE_PATH,
 * FILES_DIR) and reports its progress as lines of JSON, which the admin's page polls. One build per
 * cycle at a time; a new build replaces the earlier package only once it is whole.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { db } from '../db';
import { appendAudit } from '../db/audit';
import type { Cycle } from '../cycles/lookup';
import { archiveDir, builtPackage, packageFileName } from './build';
import type { ArchiveProgress, ArchiveState } from '$lib/domain/archive';
import { PACKAGE_ENTITY } from './contents';

interface Job {
	progress: ArchiveProgress;
	running: boolean;
	/** Kept after the build has ended, for the admin to read. */
	failure: string | null;
	done: Promise<void>;
}

const jobs = new Map<number, Job>();

/** The package file of a year in the server's folder. */
export function packagePath(year: number): string {
	return join(archiveDir(), packageFileName(year));
}

/** Starts building the cycle's package in a child process; false when one is being built already. */
export function startArchive(cycle: Pick<Cycle, 'id' | 'year'>, actorId: number, reason: 'requested' | 'archived' = 'requested'): boolean {
	if (jobs.get(cycle.id)?.running) return false;
	appendAudit(db(), { actorId, cycleId: cycle.id, action: 'build', entityType: PACKAGE_ENTITY, entityId: cycle.year, after: { reason } });
	const child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/archive.ts'), '--year', String(cycle.year), '--progress', packagePath(cycle.year)], {
		env: process.env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	try {
		if (child.pid) setPriority(child.pid, 19);
	} catch {
		// Not allowed on this system: the build still runs, at the server's priority.
	}
	const job: Job = { progress: { done: 0, total: 0 }, running: true, failure: null, done: Promise.resolve() };
	let stderr = '';
	let reported: string | null = null;
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
	createInterface({ input: child.stdout }).on('line', (line) => {
		try {
			const message = JSON.parse(line) as Partial<ArchiveProgress> & { error?: string };
			if (typeof message.done === 'number' && typeof message.total === 'number') job.progress = { done: message.done, total: message.total };
			if (typeof message.error === 'string') reported = message.error;
		} catch {
			// Not a progress line; the command prints nothing else with --progress.
		}
	});
	job.done = new Promise((settle) => {
		const finish = (failure: string | null) => {
			if (!job.running) return;
			job.failure = failure;
			job.running = false;
			if (failure) console.error(`Arkivpaketet för ${cycle.year} kunde inte skapas: ${failure}`);
			settle();
		};
		child.once('error', (e) => finish(e.message));
		child.once('exit', (code) => finish(code === 0 ? null : (reported ?? (stderr.trim() || `avslutades med kod ${code}`))));
	});
	jobs.set(cycle.id, job);
	return true;
}

/** What the admin's page shows about the cycle's package. */
export async function archiveState(cycle: Pick<Cycle, 'id' | 'year'>): Promise<ArchiveState> {
	const job = jobs.get(cycle.id);
	if (job?.running) return { state: 'running', progress: job.progress };
	const built = await builtPackage(cycle.year);
	if (job?.failure) return { state: 'failed', message: job.failure, earlier: built && { bytes: built.bytes, at: built.at } };
	return built ? { state: 'ready', bytes: built.bytes, at: built.at } : { state: 'none' };
}

/** Waits for the cycle's running build, if any (tests, and a server shutting down). */
export function archiveSettled(cycleId: number): Promise<void> {
	return jobs.get(cycleId)?.done ?? Promise.resolve();
}

/** Records a download in the audit log, in the cycle's log but outside the package's own record. */
export function logDownload(cycle: Pick<Cycle, 'id' | 'year'>, actorId: number, bytes: number): void {
	appendAudit(db(), { actorId, cycleId: cycle.id, action: 'download', entityType: PACKAGE_ENTITY, entityId: cycle.year, after: { bytes } });
}
