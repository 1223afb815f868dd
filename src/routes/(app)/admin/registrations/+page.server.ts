import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { formStrings, idParam } from '$lib/server/registry/fields';
import { adminRegistrations } from '$lib/server/registration/overview';
import { decideProposal, listProposals } from '$lib/server/registration/proposals';
import { reminderPlan, sendReminders, type ReminderKind } from '$lib/server/registration/reminders';
import { reminderScheduleLabel, setReminderSchedule } from '$lib/server/registration/reminder-schedule';
import { db } from '$lib/server/db';
import type { RequestEvent } from '@sveltejs/kit';

const KINDS: ReminderKind[] = ['account', 'minutes'];

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return {
		cycle: cycle && { name: cycle.name },
		registrations: cycle ? adminRegistrations(cycle) : [],
		proposals: cycle ? listProposals(cycle.id) : [],
		reminders: cycle ? KINDS.map((kind) => reminderPlan(db(), cycle, kind)) : [],
		schedule: { on: cycle?.remindersScheduled ?? false, time: reminderScheduleLabel() }
	};
};

async function decide(event: RequestEvent, accept: boolean) {
	const { user } = requireArea(event, 'admin');
	const values = formStrings(await readForm(event));
	const result = decideProposal(idParam(values.proposalId ?? ''), accept, user.id, messagesOf(event.cookies).registration);
	if (!result.ok) return fail(result.status, { errors: result.errors });
	return { decided: accept ? (result.value.matched ? 'matched' : 'accepted') : 'rejected' };
}

export const actions: Actions = {
	remind: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		const values = formStrings(await readForm(event));
		const kind = KINDS.find((k) => k === values.kind);
		const m = messagesOf(event.cookies).registration;
		if (!cycle || !kind) return fail(400, { remindErrors: { _form: m.reminders.closed } });
		const result = sendReminders(cycle, kind, user.id, event.url.origin, m);
		if (!result.ok) return fail(400, { remindErrors: { _form: result.message } });
		return { reminded: result.sent };
	},
	schedule: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		const on = formStrings(await readForm(event)).on === '1';
		if (!cycle) return fail(400, { remindErrors: { _form: messagesOf(event.cookies).registration.reminders.noDeadline } });
		setReminderSchedule(cycle, on, user.id);
		return { scheduled: on };
	},
	accept: (event) => decide(event, true),
	reject: (event) => decide(event, false)
};
