/**
 * The server's archive packages: each is built as a job off the request thread (`../jobs/run.ts`),
 * at the lowest priority, so a year of PDFs and hashing holds up no request. The job's thread opens
 * the same database and files (DATABASE_PATH, FILES_DIR) and reports its progress, which the
 * admin's page polls. One build per cycle at a time; a new build replaces the earlier package only
 * once it is whole.
 */
import { join } from 'node:path';
import { db } from '../db';
import { appendAudit } from '../db/audit';
import type { Cycle } from '../cycles/lookup';
import { jobKind } from '../jobs/run';
import { archiveDir, builtPackage, packageFileName } from './build';
import type { ArchiveState } from '$lib/domain/archive';
import { PACKAGE_ENTITY } from './contents';

// The package is written and renamed into place by the job's thread itself: nothing is left to do here.
const builds = jobKind('buildArchive', (built) => built);

/** The package file of a year in the server's folder. */
export function packagePath(year: number): string {
	return join(archiveDir(), packageFileName(year));
}

/** Starts building the cycle's package off the request thread; false when one is being built already. */
export function startArchive(cycle: Pick<Cycle, 'id' | 'year'>, actorId: number, reason: 'requested' | 'archived' = 'requested'): boolean {
	if (builds.state(String(cycle.id))?.state === 'running') return false;
	appendAudit(db(), { actorId, cycleId: cycle.id, action: 'build', entityType: PACKAGE_ENTITY, entityId: cycle.year, after: { reason } });
	return builds.start(String(cycle.id), { cycleId: cycle.id, target: packagePath(cycle.year) }, null) === 'started';
}

/** What the admin's page shows about the cycle's package. */
export async function archiveState(cycle: Pick<Cycle, 'id' | 'year'>): Promise<ArchiveState> {
	const job = builds.state(String(cycle.id));
	if (job?.state === 'running') return { state: 'running', progress: job.progress ?? { done: 0, total: 0 } };
	const built = await builtPackage(cycle.year);
	if (job?.state === 'failed') return { state: 'failed', message: job.message, earlier: built && { bytes: built.bytes, at: built.at } };
	return built ? { state: 'ready', bytes: built.bytes, at: built.at } : { state: 'none' };
}

/** Waits for the cycle's running build, if any (tests, and a server shutting down). */
export function archiveSettled(cycleId: number): Promise<void> {
	return builds.settled(String(cycleId));
}

/** Records a download in the audit log, in the cycle's log but outside the package's own record. */
export function logDownload(cycle: Pick<Cycle, 'id' | 'year'>, actorId: number, bytes: number): void {
	appendAudit(db(), { actorId, cycleId: cycle.id, action: 'download', entityType: PACKAGE_ENTITY, entityId: cycle.year, after: { bytes } });
}
