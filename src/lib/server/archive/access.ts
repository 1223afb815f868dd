/** The guard of the archive package's page, action and download: the admin, through `may`. */
import type { RequestEvent } from '@sveltejs/kit';
import { forbidden, requireArea } from '../auth/guards';
import { mayInCycle } from '../access/guards';
import { requireCycle, type Cycle } from '../cycles/lookup';
import type { SessionUser } from '../auth/session';

export function requireArchive(event: Pick<RequestEvent, 'locals' | 'url'>, cycleId: string): { user: SessionUser; cycle: Cycle } {
	const { user, viewer } = requireArea(event, 'admin');
	const cycle = requireCycle(cycleId);
	if (!mayInCycle(viewer, 'archive.package', cycle)) forbidden();
	return { user, cycle };
}
