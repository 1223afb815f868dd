import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { decisionsOpen, requireChair } from '$lib/server/jury/jury';
import { decisionBoard } from '$lib/server/jury/decision-board';
import { closeDecisions, recordClassDecision, recordMeeting } from '$lib/server/jury/decisions';
import { decisionIssueErrors, parseDecisionForm, parseMeetingForm, refusalMessage, refusalStatus } from '$lib/server/jury/form';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const access = requireChair(event);
	return { board: decisionBoard(access.cycle, access.barred), open: decisionsOpen(access.cycle) };
};

export const actions: Actions = {
	record: async (event) => {
		const access = requireChair(event);
		const form = await readForm(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const classId = Number(text(form, 'classId'));
		if (!Number.isSafeInteger(classId) || classId <= 0) return fail(404, { classId: 0, errors: { _form: m.notFound }, values: null });
		const parsed = parseDecisionForm(form, m);
		if (!parsed.ok) return fail(400, { classId, errors: parsed.errors, values: parsed.values });
		const actor = { userId: access.user.id, cycleId: access.cycle.id };
		const result = recordClassDecision(actor, classId, parsed.version, parsed.input);
		if (result.ok) return { savedClassId: classId };
		const errors = 'refusal' in result ? { _form: refusalMessage(result.refusal, m) } : decisionIssueErrors(result.issues, m);
		const status = 'refusal' in result ? refusalStatus(result.refusal) : 400;
		return fail(status, { classId, errors, values: parsed.values });
	},
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
