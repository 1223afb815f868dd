import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { getPoolMember, removeExaminer, updateExaminer } from '$lib/server/examiners/pool';
import { examinerFormChoices, examinerFormValues, memberFormValues, parseExaminerForm } from '$lib/server/examiners/form';
import { saveErrors } from '$lib/server/examiners/save-errors';
import { conflictList } from '$lib/server/conflicts/declarations';
import { declareFromForm, withdrawFromForm } from '$lib/server/conflicts/form';

/** The admin, the current cycle and the pool member named in the address, or 404. */
function guard(event: RequestEvent) {
	const { user, cycle } = requireArea(event, 'admin');
	const userId = Number(event.params.id);
	const member = cycle && Number.isSafeInteger(userId) && userId > 0 ? getPoolMember(cycle.id, userId) : null;
	if (!cycle || !member) error(404, { message: 'not-found' });
	return { user, cycle, member };
}

export const load: PageServerLoad = (event) => {
	const { cycle, member } = guard(event);
	return {
		cycle: { name: cycle.name, defaultCapacity: cycle.defaultCapacity },
		member,
		values: memberFormValues(member),
		entries: conflictList(cycle.id, member.userId),
		...examinerFormChoices(cycle.id)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, cycle, member } = guard(event);
		const form = await readForm(event);
		const values = examinerFormValues(form);
		const m = messagesOf(event.cookies);
		const parsed = parseExaminerForm(values, cycle.year, m);
		if (!parsed.ok) return fail(400, { form: 'save' as const, errors: parsed.errors, values });
		const result = updateExaminer(cycle.id, member.userId, Number(text(form, 'version')), parsed.data, user.id);
		if (!result.ok) {
			const { status, errors } = saveErrors(result.error, m);
			return fail(status, { form: 'save' as const, errors, values });
		}
		redirect(303, `/admin/examiners/${member.userId}?saved=1`);
	},

	remove: async (event) => {
		const { user, cycle, member } = guard(event);
		const form = await readForm(event);
		const result = removeExaminer(cycle.id, member.userId, Number(text(form, 'version')), user.id);
		if (!result.ok) {
			const t = messagesOf(event.cookies).assignment.form.errors;
			return fail(409, { form: 'remove' as const, errors: { _form: t[result.error] } });
		}
		redirect(303, `/admin/examiners?removed=${encodeURIComponent(member.name)}`);
	},

	declare: (event) => {
		const { user, cycle, member } = guard(event);
		return declareFromForm(event, { cycleId: cycle.id, userId: member.userId, actorId: user.id });
	},

	withdraw: (event) => {
		const { user, cycle } = guard(event);
		return withdrawFromForm(event, { cycleId: cycle.id, actorId: user.id, asAdmin: true });
	}
};
