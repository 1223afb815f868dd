/** The lead's consensus as a versioned document: what the consensus page's actions and its autosave are told. */
import { entryAccess, requireConsensusLead } from '../access/guards';
import { db } from '../db';
import { teamAssessments } from '../scoring/assessments';
import { consensusFromForm, consensusSchema } from '../scoring/form';
import { scoredTarget, type VersionedDocument } from '../scoring/versioned-actions';
import { addTeamPoint, markConsensusDone, readConsensus, saveConsensus, teamView } from './consensus';
import { mayWriteConsensus, type ConsensusDoc } from '$lib/domain/scoring';

export const consensusDocument: VersionedDocument<ConsensusDoc, { done: true }> = {
	guard: (event) => requireConsensusLead(event, event.params.entryId),
	writable: (access) => mayWriteConsensus(access.viewer, access.facts),
	schema: consensusSchema,
	fromForm: (form, criterionIds, access) => {
		const post = consensusFromForm(form, criterionIds);
		if (!post.foreign) {
			// The team's points, for a "Lägg till" button posted without JavaScript.
			const view = teamView(teamAssessments(access.entry.id, criterionIds), criterionIds, access.cycle.divergenceThreshold);
			addTeamPoint(post.raw, String(form.get('op') ?? ''), view);
		}
		return post;
	},
	read: (access, criterionIds) => readConsensus(db(), access.entry.id, criterionIds),
	save: saveConsensus,
	finish: markConsensusDone,
	autosave: (event, user) => {
		const access = entryAccess(user, event.params.entryId, 'consensus.open');
		if (!consensusDocument.writable(access)) return null;
		return scoredTarget('consensus', consensusSchema, access.cycle.scaleStep, access.criterionIds, (baseVersion, doc) => saveConsensus(access, baseVersion, doc));
	},
	closed: 'done',
	finished: { done: true },
	closedMessage: (e) => e.consensusDone,
	missingMessage: (m, titles) => m.consensus.markDoneMissing(titles)
};
