import { readViewer } from '../access/entry-facts';
import { getCurrentCycle } from '../cycles/lookup';
import { areasOf } from '$lib/domain/permissions';

/** Where a person lands after signing in: their one role's home, or the shared start with several. */
export function homeOf(userId: number): string {
	const areas = areasOf(readViewer(userId), getCurrentCycle()?.id ?? null);
	return areas.length === 1 ? `/${areas[0]}` : '/';
}
