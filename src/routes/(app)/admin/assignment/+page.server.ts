import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { ASSIGNMENT_PHASES, loadPlan } from '$lib/server/assignment/plan';
import { latestProposal, proposalRun, proposalStanding, startProposal } from '$lib/server/assignment/propose';
import { discardProposal, editPlan, publishPlan, unpublishPlan } from '$lib/server/assignment/edit';
import { readEdit } from '$lib/server/assignment/edit-form';

function guard(event: RequestEvent) {
	const { user, cycle } = requireArea(event, 'admin');
	if (!cycle) error(404, { message: 'not-found' });
	return { user, cycle };
}

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	// The page asks again by this name while a proposal is being worked out.
	event.depends('app:proposal');
	if (!cycle) return { cycle: null, plan: null };
	const state = loadPlan(cycle.id)!;
	const proposal = latestProposal(cycle.id);
	return {
		cycle: { name: cycle.name, phase: cycle.phase },
		plan: {
			editable: ASSIGNMENT_PHASES.includes(cycle.phase),
			version: state.version,
			teamSize: state.teamSize,
			input: state.input,
			teams: state.teams,
			entries: state.entries,
			classes: state.classes,
			examiners: state.pool.map((p) => ({
				id: String(p.userId),
				name: p.name,
				organisationName: p.organisationName,
				leadCapable: p.leadCapable,
				capacity: p.capacity,
				classIds: p.classIds.map(String)
			})),
			shortfalls: proposal.shortfalls.map((s) => ({ ...s, classId: String(s.classId) })),
			standing: proposalStanding(state, proposal.report),
			run: proposalRun(cycle.id, state.version)
		}
	};
};

/** A common refusal in words, with the status that fits it. */
function refusal(event: RequestEvent, error: string, action: string, teamId?: string) {
	const t = messagesOf(event.cookies).assignment.teams.errors as Record<string, string>;
	const status = error === 'conflict' ? 409 : error === 'notFound' ? 404 : 400;
	return fail(status, { action, teamId: teamId ?? null, message: t[error] ?? t.notFound });
}

export const actions: Actions = {
	propose: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const result = startProposal(cycle.id, text(form, 'version'), user.id);
		if (!result.ok) return refusal(event, result.error, 'propose');
		return { action: 'propose', started: true };
	},

	edit: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const teamId = text(form, 'teamId') || null;
		const edit = readEdit(form);
		if (!edit) return refusal(event, 'choose', 'edit', teamId ?? undefined);
		const result = editPlan(cycle.id, text(form, 'version'), edit, user.id);
		if (!result.ok) {
			if (result.error === 'refused') return fail(422, { action: 'edit', teamId, refused: result.refused });
			return refusal(event, result.error, 'edit', teamId ?? undefined);
		}
		return { action: 'edit', teamId, introduced: result.introduced };
	},

	publish: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const result = publishPlan(cycle.id, text(form, 'version'), user.id);
		if (!result.ok) {
			if (result.error === 'hardRules') return fail(422, { action: 'publish', blocked: result.breaches });
			return refusal(event, result.error, 'publish');
		}
		return { action: 'publish', published: result.teams };
	},

	unpublish: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const reason = text(form, 'reason');
		if (reason === '' || reason.length > 500) {
			return fail(400, { action: 'unpublish', errors: { reason: messagesOf(event.cookies).assignment.teams.errors.reason }, reason });
		}
		const result = unpublishPlan(cycle.id, text(form, 'version'), user.id, reason);
		if (!result.ok) return refusal(event, result.error === 'nothing' ? 'nothingPublished' : result.error, 'unpublish');
		return { action: 'unpublish', unpublished: result.teams };
	},

	discard: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const result = discardProposal(cycle.id, text(form, 'version'), user.id);
		if (!result.ok) return refusal(event, result.error, 'discard');
		return { action: 'discard', discarded: true };
	}
};
