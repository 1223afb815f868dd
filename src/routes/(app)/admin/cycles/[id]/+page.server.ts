import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { requireCycle } from '$lib/server/cycles/lookup';
import { changePhase, cycleStatus } from '$lib/server/cycles/phase';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { isPhase } from '$lib/domain/phases';
import { isModelFrozen } from '$lib/server/cycles/model';
import { requireArchive } from '$lib/server/archive/access';
import { archiveState, startArchive } from '$lib/server/archive/jobs';

export const load: PageServerLoad = async (event) => {
	const { cycle: current } = requireArea(event, 'admin');
	const cycle = requireCycle(event.params.id);
	// The archive panel polls this while a package is being built.
	event.depends('app:archive');
	return {
		archive: await archiveState(cycle),
		cycle,
		isCurrent: current?.id === cycle.id,
		frozen: isModelFrozen(cycle.phase),
		status: cycleStatus(cycle.id),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	phase: async (event) => {
		const { user } = requireArea(event, 'admin');
		const cycle = requireCycle(event.params.id);
		const form = await readForm(event);
		const m = messagesOf(event.cookies);
		const to = text(form, 'to');
		if (!isPhase(to)) error(400, m.errors.badForm);
		const override = text(form, 'override') === '1';
		const reason = text(form, 'reason');
		if (override && reason === '') return fail(400, { errors: { reason: m.cycles.phases.reasonRequired }, values: { reason } });
		if (reason.length > 1000) return fail(400, { errors: { reason: m.cycles.phases.reasonTooLong }, values: { reason } });
		const result = changePhase({ cycleId: cycle.id, to, reason: override ? reason : null, actorId: user.id });
		// The archived year's package is made at once, so the record leaves the tool with the year.
		if (result.ok && result.to === 'archived') startArchive(cycle, user.id, 'archived');
		if (result.ok) return { changed: result.to, overridden: result.overridden };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		if (result.error === 'order') return fail(409, { orderRefusal: result.refusal });
		return fail(409, { refused: true });
	},
	archive: async (event) => {
		const { user, cycle } = requireArchive(event, event.params.id);
		return startArchive(cycle, user.id) ? { archiveStarted: true } : fail(409, { archiveBusy: true });
	}
};
