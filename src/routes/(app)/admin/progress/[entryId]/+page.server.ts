import type { Actions, PageServerLoad } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { cycleCriteria, entryNames, teamAssessments } from '$lib/server/scoring/assessments';
import { reopenPostedAssessment } from '$lib/server/scoring/reopen';
import { readConsensus } from '$lib/server/consensus/consensus';
import { db } from '$lib/server/db';
import { mayReadTeamWork, mayReopen } from '$lib/domain/scoring';

/** One entry's assessments for the admin: every team member's state and scores, and reopening. */
export const load: PageServerLoad = (event) => {
	const access = requireEntry(event, event.params.entryId, 'cycle.manage');
	const criteria = cycleCriteria(access.cycle.id);
	const ids = criteria.map((c) => c.id);
	const team = mayReadTeamWork(access.viewer, access.facts) ? teamAssessments(access.entry.id, ids) : [];
	const consensus = readConsensus(db(), access.entry.id, ids);
	return {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		criteria: criteria.map((c) => ({ id: c.id, titleSv: c.titleSv, titleEn: c.titleEn })),
		team,
		consensusStatus: (consensus?.status ?? 'none') as 'none' | 'draft' | 'done',
		mayReopen: mayReopen(access.viewer, access.facts)
	};
};

export const actions: Actions = {
	reopen: async (event) => {
		const r = await reopenPostedAssessment(event, requireEntry(event, event.params.entryId, 'cycle.manage'));
		return r.ok ? { reopened: r.name } : r.failure;
	}
};
