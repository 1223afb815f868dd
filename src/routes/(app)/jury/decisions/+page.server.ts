import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { decisionsOpen, requireChair } from '$lib/server/jury/jury';
import { decisionBoard } from '$lib/server/jury/decision-board';
import { closeDecisions, recordMeeting } from '$lib/server/jury/decisions';
import { recordDecisionAction } from '$lib/server/jury/decision-action';
import { parseMeetingForm, refusalMessage, refusalStatus } from '$lib/server/jury/form';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const access = requireChair(event);
	return { board: decisionBoard(access.cycle, { userId: access.user.id, barred: access.barred }), open: decisionsOpen(access.cycle) };
};

export const actions: Actions = {
	record: recordDecisionAction,
	meeting: async (event) => {
		const access = requireChair(event);
		const form = await readForm(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const parsed = parseMeetingForm(form, m);
		if (!parsed.ok) return fail(400, { meeting: true, errors: parsed.errors, values: parsed.values });
		const result = recordMeeting({ userId: access.user.id, cycleId: access.cycle.id }, parsed.version, parsed.input);
		if (result.ok) return { meetingSaved: true };
		const values = { meetingDate: parsed.input.meetingDate, place: parsed.input.place, present: parsed.input.presentUserIds.map(String) };
		if ('refusal' in result) {
			return fail(refusalStatus(result.refusal), { meeting: true, errors: { _form: refusalMessage(result.refusal, m) }, values });
		}
		return fail(400, { meeting: true, errors: { present: m.notMember }, values });
	},
	close: async (event) => {
		const access = requireChair(event);
		const form = await readForm(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const result = closeDecisions({ userId: access.user.id, cycleId: access.cycle.id }, form.get('confirm') === 'on');
		if (result.ok) return { closed: true };
		if ('refusal' in result) return fail(refusalStatus(result.refusal), { closeError: refusalMessage(result.refusal, m) });
		if ('unconfirmed' in result) return fail(400, { closeError: m.unconfirmed, confirmError: true });
		return fail(400, { closeError: m.gaps });
	}
};
