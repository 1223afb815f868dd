import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { getPoolMember } from '$lib/server/examiners/pool';
import { assignmentPublished, conflictList, declareConflict, withdrawConflict } from '$lib/server/conflicts/declarations';
import { conflictError, declarationValues, parseDeclaration } from '$lib/server/conflicts/form';

function guard(event: RequestEvent) {
	const { user, cycle } = requireArea(event, 'examiner');
	if (!cycle) error(404, { message: 'not-found' });
	return { user, cycle, inPool: getPoolMember(cycle.id, user.id) !== null };
}

export const load: PageServerLoad = (event) => {
	const { user, cycle, inPool } = guard(event);
	return {
		cycle: { name: cycle.name },
		inPool,
		published: assignmentPublished(cycle.id),
		entries: inPool ? conflictList(cycle.id, user.id) : []
	};
};

export const actions: Actions = {
	declare: async (event) => {
		const { user, cycle } = guard(event);
		const values = declarationValues(await readForm(event));
		const m = messagesOf(event.cookies);
		const parsed = parseDeclaration(values, m);
		if (!parsed.ok) return fail(400, { action: 'declare' as const, errors: parsed.errors, values });
		const result = declareConflict({ cycleId: cycle.id, userId: user.id, ...parsed.data, actorId: user.id });
		if (!result.ok) {
			const { status, message } = conflictError(result.error, m);
			return fail(status, { action: 'declare' as const, errors: { _form: message }, values });
		}
		return { action: 'declare' as const, entryId: parsed.data.entryId };
	},

	withdraw: async (event) => {
		const { user, cycle } = guard(event);
		const form = await readForm(event);
		const result = withdrawConflict({ cycleId: cycle.id, conflictId: Number(text(form, 'conflictId')), actorId: user.id, asAdmin: false });
		if (!result.ok) {
			const { status, message } = conflictError(result.error, messagesOf(event.cookies));
			return fail(status, { action: 'withdraw' as const, errors: { _form: message } });
		}
		return { action: 'withdraw' as const, entryId: Number(text(form, 'entryId')) };
	}
};
