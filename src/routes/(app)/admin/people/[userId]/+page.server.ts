import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { correctionValues, correctPerson, erasePerson, parseCorrection, personSummary, pseudonymisePerson } from '$lib/server/personal-data/manage';

function userIdOf(event: Pick<RequestEvent, 'params'>): number {
	const id = Number(event.params.userId);
	return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const person = personSummary(userIdOf(event));
	if (!person) error(404, { message: 'not-found' });
	return { person };
};

/** The admin, the posted form and the catalogue; erasing and pseudonymising need the box ticked. */
async function posted(event: RequestEvent) {
	const { user } = requireArea(event, 'admin');
	return { user, form: await readForm(event), t: messagesOf(event.cookies).retention.person };
}

export const actions: Actions = {
	correct: async (event) => {
		const { user, form, t } = await posted(event);
		const values = correctionValues(form);
		const parsed = parseCorrection(values, messagesOf(event.cookies));
		if (!parsed.ok) return fail(400, { action: 'correct', errors: parsed.errors, values });
		const result = correctPerson({ userId: userIdOf(event), was: { name: values['was.name'], email: values['was.email'] }, ...parsed.data, actorId: user.id });
		if (result.ok) return { action: 'correct', done: true };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		if (result.error === 'emailTaken') return fail(409, { action: 'correct', errors: { email: t.errors.emailTaken }, values });
		return fail(409, { action: 'correct', conflict: result.error === 'conflict', errors: { _form: t.errors[result.error === 'conflict' ? 'conflict' : 'pseudonymised'] } });
	},

	erase: async (event) => {
		const { user, form, t } = await posted(event);
		if (text(form, 'confirm') !== 'yes') return fail(400, { action: 'erase', errors: { confirm: t.errors.confirmMissing } });
		const result = erasePerson({ userId: userIdOf(event), actorId: user.id });
		if (result.ok) return { action: 'erase', done: true };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		return fail(409, { action: 'erase', refusals: result.refusals ?? [] });
	},

	pseudonymise: async (event) => {
		const { user, form, t } = await posted(event);
		if (text(form, 'confirm') !== 'yes') return fail(400, { action: 'pseudonymise', errors: { confirm: t.errors.confirmMissing } });
		const result = pseudonymisePerson({ userId: userIdOf(event), actorId: user.id });
		if (result.ok) return { action: 'pseudonymise', done: true };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		return fail(409, { action: 'pseudonymise', refusals: result.refusals ?? [] });
	}
};
