import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { adminRegistrations } from '$lib/server/registration/overview';
import { decideProposal, listProposals } from '$lib/server/registration/proposals';
import type { RequestEvent } from '@sveltejs/kit';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return { cycle: cycle && { name: cycle.name }, registrations: cycle ? adminRegistrations(cycle) : [], proposals: cycle ? listProposals(cycle.id) : [] };
};

async function decide(event: RequestEvent, accept: boolean) {
	const { user } = requireArea(event, 'admin');
	const values = formStrings(await readForm(event));
	const result = decideProposal(idParam(values.proposalId ?? ''), accept, user.id, messagesOf(event.cookies).registration);
	if (!result.ok) return fail(result.status, { errors: result.errors });
	return { decided: accept ? (result.value.matched ? 'matched' : 'accepted') : 'rejected' };
}

export const actions: Actions = {
	accept: (event) => decide(event, true),
	reject: (event) => decide(event, false)
};
