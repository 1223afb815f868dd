import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam, type Outcome } from '$lib/server/registry/fields';
import { changeClass, getEntry, recordAccountDate, recordMinutes, setWithdrawn } from '$lib/server/registry/entries';
import { discardBody, uploadAccount, uploadTooLarge } from '$lib/server/registry/account';
import { changeImpact } from '$lib/server/registry/risky-change';
import { publicOrigin } from '$lib/server/mail/transport';
import { stockholmDay } from '$lib/domain/dates';
import { accountAdminView, extendAction, reopenAction } from '$lib/server/account/admin';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const entry = getEntry(idParam(event.params.id));
	if (!entry) error(404, { message: 'not-found' });
	const impact = changeImpact(entry.entry.id, entry.entry.classId, entry.cycle.phase);
	return { ...entry, impact, today: stockholmDay(new Date()), registered: event.url.searchParams.has('registered'), accountForm: accountAdminView(entry.entry.id) };
};

type Form = 'class' | 'minutes' | 'accountDate' | 'upload' | 'withdraw';

/** One of the page's forms: guard, read the text fields, run the use case, answer for that form. */
async function act(event: RequestEvent<{ id: string }>, form: Form, run: (id: number, values: Record<string, string>, actorId: number) => Outcome<unknown>) {
	const { user } = requireArea(event, 'admin');
	const id = idParam(event.params.id);
	const values = formStrings(await readForm(event));
	const result = run(id, values, user.id);
	if (!result.ok) return fail(result.status, { form, errors: result.errors, values, conflict: result.status === 409 });
	return { form, done: true };
}

export const actions: Actions = {
	reopenAccount: reopenAction,
	extendAccount: extendAction,
	class: (event) => act(event, 'class', (id, v, actor) => changeClass(id, v, actor, messagesOf(event.cookies).entries, publicOrigin(event.url))),
	minutes: (event) => act(event, 'minutes', (id, v, actor) => recordMinutes(id, v, actor, messagesOf(event.cookies).entries)),
	accountDate: (event) => act(event, 'accountDate', (id, v, actor) => recordAccountDate(id, v, actor, messagesOf(event.cookies).entries)),
	withdraw: (event) => act(event, 'withdraw', (id, v, actor) => setWithdrawn(id, true, v, actor, messagesOf(event.cookies).entries)),
	reinstate: (event) => act(event, 'withdraw', (id, v, actor) => setWithdrawn(id, false, v, actor, messagesOf(event.cookies).entries)),
	upload: async (event) => {
		const { user } = requireArea(event, 'admin');
		const id = idParam(event.params.id);
		const m = messagesOf(event.cookies).entries;
		// Refuse by the declared size first: a 26 MB body is never parsed or held, only drained.
		const tooLarge = uploadTooLarge(event.request, m);
		if (tooLarge) {
			await discardBody(event.request);
			return fail(413, { form: 'upload' as Form, errors: tooLarge, values: {}, conflict: false });
		}
		const form = await readForm(event);
		const result = await uploadAccount(id, form, user.id, m, publicOrigin(event.url));
		const values = { accountReceivedDate: String(form.get('accountReceivedDate') ?? '').slice(0, 20), reason: String(form.get('reason') ?? '').slice(0, 500) };
		if (!result.ok) return fail(result.status, { form: 'upload' as Form, errors: result.errors, values, conflict: result.status === 409 });
		return { form: 'upload' as Form, done: true, created: result.value.created };
	}
};
