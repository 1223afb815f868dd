import { fail, type ActionFailure } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { text } from '$lib/server/http/request';
import { cycleCriteria, entryNames, reopenAssessment } from '$lib/server/scoring/assessments';
import { consensusPage, reopenConsensus } from '$lib/server/consensus/consensus';
import { consensusDocument } from '$lib/server/consensus/document';
import * as versioned from '$lib/server/scoring/versioned-actions';
import { LIMITS, mayReadTeamWork, mayReopen, mayWriteConsensus, type ConsensusDoc } from '$lib/domain/scoring';
import { requireConsensusLead } from '$lib/server/access/guards';

export const load: PageServerLoad = (event) => {
	const access = requireConsensusLead(event, event.params.entryId);
	const c = access.cycle;
	const base = {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		cycle: { name: c.name, phase: c.phase, scaleStep: c.scaleStep, divergenceThreshold: c.divergenceThreshold, consensusDue: c.consensusDue },
		criteria: cycleCriteria(c.id),
		writable: mayWriteConsensus(access.viewer, access.facts),
		mayReopen: mayReopen(access.viewer, access.facts)
	};
	// Independence holds for the lead too: nothing of the team's before their own is submitted.
	if (!mayReadTeamWork(access.viewer, access.facts)) return { ...base, ready: false as const };
	return { ...base, ready: true as const, ...consensusPage(access) };
};

/** A reason: required, with a limit. */
function reason(b: versioned.Begun<ConsensusDoc>): { ok: true; value: string } | { ok: false; failure: ActionFailure<Record<string, unknown>> } {
	const value = text(b.form, 'reason');
	if (!value) return { ok: false, failure: fail(400, { reasonError: b.m.errors.reasonMissing, target: text(b.form, 'examiner') }) };
	if (value.length > LIMITS.reason) return { ok: false, failure: fail(400, { reasonError: b.m.errors.reasonTooLong(LIMITS.reason), target: text(b.form, 'examiner') }) };
	return { ok: true, value };
}

export const actions: Actions = {
	save: (event) => versioned.save(consensusDocument, event),
	done: (event) => versioned.finish(consensusDocument, event),
	resolve: (event) => versioned.resolve(consensusDocument, event),

	reopen: async (event) => {
		const b = await versioned.begin(consensusDocument, event);
		if (!mayWriteConsensus(b.access.viewer, b.access.facts)) return fail(403, { message: b.m.errors.phase });
		const r = reason(b);
		if (!r.ok) return r.failure;
		const out = reopenConsensus(b.access, r.value);
		return out.ok ? { reopened: true } : fail(409, { message: b.m.errors.consensusNotDone });
	},

	reopenAssessment: async (event) => {
		const b = await versioned.begin(consensusDocument, event);
		if (!mayReopen(b.access.viewer, b.access.facts)) return fail(403, { message: b.m.errors.phase });
		const r = reason(b);
		if (!r.ok) return r.failure;
		const out = reopenAssessment(b.access, Number(text(b.form, 'examiner')), r.value);
		if (out.ok) return { reopenedAssessment: out.name };
		return fail(409, { message: out.reason === 'notSubmitted' ? b.m.errors.notSubmitted : b.m.errors.noSuchAssessment });
	}
};
