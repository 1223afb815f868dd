import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { correctionValues, parseCorrection } from '$lib/server/personal-data/manage';
import { contactKey } from '$lib/server/personal-data/contacts';
import { correctSubject, eraseSubject, pseudonymiseSubject, subjectOf, summaryOf, type Subject } from '$lib/server/personal-data/subject';

/** The person the page is about: a user's id or a contact person's key; anything else is a 404. */
function subject(event: Pick<RequestEvent, 'params'>): Subject {
	const found = subjectOf(event.params.person);
	if (!found) error(404, { message: 'not-found' });
	return found;
}

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const person = summaryOf(subject(event));
	if (!person) error(404, { message: 'not-found' });
	return { person, corrected: event.url.searchParams.get('done') === 'corrected' };
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
		const about = subject(event);
		const result = correctSubject(about, { was: { name: values['was.name'], email: values['was.email'] }, ...parsed.data, actorId: user.id });
		// A contact person's page is keyed by their address: a new address is a new page.
		if (result.ok && about.kind === 'contact' && contactKey(parsed.data.email) !== event.params.person) redirect(303, `/admin/people/${contactKey(parsed.data.email)}?done=corrected`);
		if (result.ok) return { action: 'correct', done: true };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		if (result.error === 'emailTaken') return fail(409, { action: 'correct', errors: { email: t.errors.emailTaken }, values });
		return fail(409, { action: 'correct', conflict: result.error === 'conflict', errors: { _form: t.errors[result.error === 'conflict' ? 'conflict' : 'pseudonymised'] } });
	},

	erase: async (event) => {
		const { user, form, t } = await posted(event);
		if (text(form, 'confirm') !== 'yes') return fail(400, { action: 'erase', errors: { confirm: t.errors.confirmMissing } });
		const result = eraseSubject(subject(event), user.id);
		// The page has nobody left to show.
		if (result.ok) redirect(303, '/admin/people?done=erased');
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		return fail(409, { action: 'erase', refusals: result.refusals ?? [] });
	},

	pseudonymise: async (event) => {
		const { user, form, t } = await posted(event);
		if (text(form, 'confirm') !== 'yes') return fail(400, { action: 'pseudonymise', errors: { confirm: t.errors.confirmMissing } });
		const about = subject(event);
		const result = pseudonymiseSubject(about, user.id);
		// A contact person is found by their address, which is now a pseudonym per row.
		if (result.ok && about.kind === 'contact') redirect(303, '/admin/people?done=pseudonymised');
		if (result.ok) return { action: 'pseudonymise', done: true };
		if (result.error === 'notFound') error(404, { message: 'not-found' });
		return fail(409, { action: 'pseudonymise', refusals: result.refusals ?? [] });
	}
};
