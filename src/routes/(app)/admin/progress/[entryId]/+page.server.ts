import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { cycleCriteria, entryNames, reopenAssessment, teamAssessments } from '$lib/server/scoring/assessments';
import { readConsensus } from '$lib/server/consensus/consensus';
import { db } from '$lib/server/db';
import { LIMITS, mayReadTeamWork, mayReopen } from '$lib/domain/scoring';

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
		const access = requireEntry(event, event.params.entryId, 'cycle.manage');
		const m = messagesOf(event.cookies).scoring;
		if (!mayReopen(access.viewer, access.facts)) return fail(403, { message: m.errors.phase });
		const form = await readForm(event);
		const examiner = text(form, 'examiner');
		const reason = text(form, 'reason');
		if (!reason) return fail(400, { reasonError: m.errors.reasonMissing, target: examiner });
		if (reason.length > LIMITS.reason) return fail(400, { reasonError: m.errors.reasonTooLong(LIMITS.reason), target: examiner });
		const out = reopenAssessment(access, Number(examiner), reason);
		if (out.ok) return { reopened: out.name };
		return fail(409, { message: out.reason === 'notSubmitted' ? m.errors.notSubmitted : m.errors.noSuchAssessment });
	}
};
