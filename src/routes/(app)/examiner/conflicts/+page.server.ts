import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { getPoolMember } from '$lib/server/examiners/pool';
import { assignmentPublished, conflictList } from '$lib/server/conflicts/declarations';
import { declareFromForm, withdrawFromForm } from '$lib/server/conflicts/form';

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
	declare: (event) => {
		const { user, cycle } = guard(event);
		return declareFromForm(event, { cycleId: cycle.id, userId: user.id, actorId: user.id });
	},
	withdraw: (event) => {
		const { user, cycle } = guard(event);
		return withdrawFromForm(event, { cycleId: cycle.id, actorId: user.id, asAdmin: false });
	}
};
