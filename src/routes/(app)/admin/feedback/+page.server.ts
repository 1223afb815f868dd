import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { reportsByClass } from '$lib/server/feedback/lists';
import { createMissingReports } from '$lib/server/feedback/reports';
import { blockersFor, releaseAllApproved } from '$lib/server/feedback/release';
import { approveAction, releaseAction, releaseMessage, sendBackAction } from '$lib/server/feedback/review-actions';
import { listOutbox, outboxCounts, retryMessage } from '$lib/server/mail/outbox';
import { kickMailWorker } from '$lib/server/mail/worker';
import { publicOrigin } from '$lib/server/mail/transport';
import { MAX_OVERRIDE_REASON } from '$lib/domain/feedback';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return {
		cycle,
		overview: cycle ? reportsByClass(cycle.id) : null,
		blockers: cycle ? blockersFor(cycle) : [],
		outbox: listOutbox(),
		outboxCounts: outboxCounts()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		if (!cycle) return fail(404, { message: messagesOf(event.cookies).feedback.admin.noCycle });
		const created = createMissingReports(cycle.id, user.id);
		return { done: messagesOf(event.cookies).feedback.admin.created(created) };
	},
	approve: approveAction,
	sendBack: sendBackAction,
	release: releaseAction,
	releaseAll: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		const m = messagesOf(event.cookies);
		if (!cycle) return fail(404, { message: m.feedback.admin.noCycle });
		const form = await readForm(event);
		const overrideReason = text(form, 'overrideReason').slice(0, MAX_OVERRIDE_REASON + 1);
		const result = releaseAllApproved(cycle.id, { actorId: user.id, overrideReason, origin: publicOrigin(event.url) });
		if (!result.ok) {
			const message = releaseMessage(m, result.reason);
			const field = ['blocked', 'reasonTooShort', 'reasonTooLong'].includes(result.reason);
			return fail(field ? 400 : 409, { overrideReason, ...(field ? { errors: { allReason: message } as Record<string, string> } : { message }) });
		}
		kickMailWorker();
		return { done: m.feedback.admin.releasedAll(result.released, result.mails) };
	},
	retry: async (event) => {
		const { user } = requireArea(event, 'admin');
		const form = await readForm(event);
		const m = messagesOf(event.cookies).feedback.admin;
		if (!retryMessage(Number(text(form, 'messageId')), user.id)) return fail(404, { message: m.errors.mailNotFound });
		kickMailWorker();
		return { done: m.outbox.retried };
	}
};
