import type { Actions, PageServerLoad } from './$types';
import { cycleCriteria, entryNames } from '$lib/server/scoring/assessments';
import { reopenPostedAssessment, reopenPostedConsensus } from '$lib/server/scoring/reopen';
import { consensusPage } from '$lib/server/consensus/consensus';
import { consensusDocument } from '$lib/server/consensus/document';
import * as versioned from '$lib/server/scoring/versioned-actions';
import { isWritable, mayReadTeamWork, mayReopen, mayWriteConsensus } from '$lib/domain/scoring';
import { requireConsensusLead } from '$lib/server/access/guards';
import { answersForScoring } from '$lib/server/account/reading';

export const load: PageServerLoad = (event) => {
	const access = requireConsensusLead(event, event.params.entryId);
	const c = access.cycle;
	const base = {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		cycle: { name: c.name, phase: c.phase, scaleStep: c.scaleStep, divergenceThreshold: c.divergenceThreshold, consensusDue: c.consensusDue },
		criteria: cycleCriteria(c.id),
		accountAnswers: answersForScoring(access, c.id),
		mayWrite: mayWriteConsensus(access.viewer, access.facts),
		mayReopen: mayReopen(access.viewer, access.facts)
	};
	// Independence holds for the lead too: nothing of the team's before their own is submitted.
	if (!mayReadTeamWork(access.viewer, access.facts)) return { ...base, ready: false as const };
	const page = consensusPage(access);
	return { ...base, ready: true as const, ...page, writable: isWritable({ mayWrite: base.mayWrite, status: page.consensus.status }) };
};

export const actions: Actions = {
	save: (event) => versioned.save(consensusDocument, event),
	done: (event) => versioned.finish(consensusDocument, event),
	resolve: (event) => versioned.resolve(consensusDocument, event),

	reopen: async (event) => {
		const r = await reopenPostedConsensus(event, requireConsensusLead(event, event.params.entryId));
		return r.ok ? { reopened: true } : r.failure;
	},

	reopenAssessment: async (event) => {
		const r = await reopenPostedAssessment(event, requireConsensusLead(event, event.params.entryId));
		return r.ok ? { reopenedAssessment: r.name } : r.failure;
	}
};
