import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { cycleCriteria, entryNames, reopenAssessment } from '$lib/server/scoring/assessments';
import { criterionIdsOf } from '$lib/server/scoring/save';
import { addTeamPoint, consensusPage, readConsensus, reopenConsensus, saveConsensus, teamView } from '$lib/server/consensus/consensus';
import { teamAssessments } from '$lib/server/scoring/assessments';
import { conflictChoices, consensusFromForm, consensusSchema, fieldErrors, formVersion, validatePosted } from '$lib/server/scoring/form';
import { db } from '$lib/server/db';
import { isWritable, LIMITS, mayReadTeamWork, mayReopen, mayWriteConsensus, pickFields, type ConsensusDoc } from '$lib/domain/scoring';
import { requireConsensusLead } from '$lib/server/access/guards';

export const load: PageServerLoad = (event) => {
	const access = requireConsensusLead(event, event.params.entryId);
	const c = access.cycle;
	const base = {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		cycle: { name: c.name, phase: c.phase, scaleStep: c.scaleStep, divergenceThreshold: c.divergenceThreshold, consensusDue: c.consensusDue },
		criteria: cycleCriteria(c.id),
		mayWrite: mayWriteConsensus(access.viewer, access.facts),
		mayReopen: mayReopen(access.viewer, access.facts)
	};
	// Independence holds for the lead too: nothing of the team's before their own is submitted.
	if (!mayReadTeamWork(access.viewer, access.facts)) return { ...base, ready: false as const };
	const page = consensusPage(access);
	return { ...base, ready: true as const, ...page, writable: isWritable({ mayWrite: base.mayWrite, status: page.consensus.status }) };
};

async function begin(event: RequestEvent) {
	const access = requireConsensusLead(event, event.params.entryId);
	const m = messagesOf(event.cookies).scoring;
	const form = await readForm(event);
	const criterionIds = criterionIdsOf(access.cycle.id);
	const schema = consensusSchema(m.errors, access.cycle.scaleStep, criterionIds);
	return { access, m, form, criterionIds, schema, version: formVersion(form) };
}
type Begun = Awaited<ReturnType<typeof begin>>;
type Input = { ok: true; doc: ConsensusDoc; version: number } | { ok: false; failure: ActionFailure<Record<string, unknown>> };

function conflict(b: Begun, reason: 'conflict' | 'done', mine: ConsensusDoc) {
	const current = readConsensus(db(), b.access.entry.id, b.criterionIds);
	return fail(409, {
		message: reason === 'done' ? b.m.errors.consensusDone : b.m.errors.conflict,
		conflict: { mine, theirs: current && { version: current.version, status: current.status, doc: current.doc } }
	});
}

function posted(b: Begun): Input {
	const post = consensusFromForm(b.form, b.criterionIds);
	if (!post.foreign) {
		// The team's points, for a "Lägg till" button posted without JavaScript.
		const view = teamView(teamAssessments(b.access.entry.id, b.criterionIds), b.criterionIds, b.access.cycle.divergenceThreshold);
		addTeamPoint(post.raw, String(b.form.get('op') ?? ''), view);
	}
	const result = validatePosted(post, b.schema, b.m.errors);
	if (!result.ok) {
		const errors = fieldErrors(result.errors, b.criterionIds);
		return { ok: false, failure: fail(400, { message: Object.values(errors)[0], errors, values: post.foreign ? null : post.raw }) };
	}
	if (!Number.isSafeInteger(b.version)) return { ok: false, failure: fail(400, { message: b.m.errors.version }) };
	return { ok: true, doc: result.data, version: b.version };
}

async function save(event: RequestEvent, input: (b: Begun) => Input, markDone = false) {
	const b = await begin(event);
	if (!mayWriteConsensus(b.access.viewer, b.access.facts)) return fail(403, { message: b.m.errors.phase });
	const i = input(b);
	if (!i.ok) return i.failure;
	const out = saveConsensus(b.access, i.version, i.doc, markDone);
	if (out.ok) return markDone ? { done: true } : { saved: true, version: out.version };
	if (out.reason === 'incomplete') {
		const titles = cycleCriteria(b.access.cycle.id).filter((c) => out.missing.includes(c.id)).map((c) => c.titleSv);
		return fail(400, { message: b.m.consensus.markDoneMissing(titles.join(', ')), values: i.doc });
	}
	return conflict(b, out.reason, i.doc);
}

/** A reason: required, with a limit. */
function reason(b: Begun): { ok: true; value: string } | { ok: false; failure: ActionFailure<Record<string, unknown>> } {
	const value = text(b.form, 'reason');
	if (!value) return { ok: false, failure: fail(400, { reasonError: b.m.errors.reasonMissing, target: text(b.form, 'examiner') }) };
	if (value.length > LIMITS.reason) return { ok: false, failure: fail(400, { reasonError: b.m.errors.reasonTooLong(LIMITS.reason), target: text(b.form, 'examiner') }) };
	return { ok: true, value };
}

export const actions: Actions = {
	save: (event) => save(event, posted),
	done: (event) => save(event, posted, true),

	resolve: (event) =>
		save(event, (b) => {
			let raw: unknown = null;
			try {
				raw = JSON.parse(String(b.form.get('mine') ?? ''));
			} catch {
				/* refused just below */
			}
			const mine = b.schema.safeParse(raw);
			if (!mine.success || !Number.isSafeInteger(b.version)) return { ok: false, failure: fail(400, { message: b.m.errors.badRequest }) };
			const current = readConsensus(db(), b.access.entry.id, b.criterionIds);
			if ((current?.version ?? 0) !== b.version || current?.status === 'done')
				return { ok: false, failure: conflict(b, current?.status === 'done' ? 'done' : 'conflict', mine.data) };
			const doc = current ? pickFields(mine.data, current.doc, conflictChoices(b.form)) : mine.data;
			return { ok: true, doc, version: b.version };
		}),

	reopen: async (event) => {
		const b = await begin(event);
		if (!mayWriteConsensus(b.access.viewer, b.access.facts)) return fail(403, { message: b.m.errors.phase });
		const r = reason(b);
		if (!r.ok) return r.failure;
		const out = reopenConsensus(b.access, r.value);
		return out.ok ? { reopened: true } : fail(409, { message: b.m.errors.consensusNotDone });
	},

	reopenAssessment: async (event) => {
		const b = await begin(event);
		if (!mayReopen(b.access.viewer, b.access.facts)) return fail(403, { message: b.m.errors.phase });
		const r = reason(b);
		if (!r.ok) return r.failure;
		const out = reopenAssessment(b.access, Number(text(b.form, 'examiner')), r.value);
		if (out.ok) return { reopenedAssessment: out.name };
		return fail(409, { message: out.reason === 'notSubmitted' ? b.m.errors.notSubmitted : b.m.errors.noSuchAssessment });
	}
};
