/**
 * The admin's per-report actions (approve, send back, release), shared by the report page and the
 * admin's list so both answer the same way. Each checks 'feedback.release' on the report's entry.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireEntry } from '../access/guards';
import { readForm, text } from '../http/request';
import { messagesOf } from '../http/locale';
import { kickMailWorker } from '../mail/worker';
import { publicOrigin } from '../mail/transport';
import { approveReport, getReport, sendBackReport } from './reports';
import { releaseReport, type ReleaseFailure } from './release';
import { MAX_OVERRIDE_REASON, MIN_OVERRIDE_REASON } from '../../domain/feedback';
import type { Messages } from '../../i18n';

type Event = RequestEvent;

async function adminReport(event: Event) {
	const form = await readForm(event);
	const report = getReport(Number(text(form, 'reportId')));
	if (!report) error(404, { message: 'not-found' });
	const access = requireEntry(event, report.entryId, 'feedback.release');
	return { form, report, user: access.user, m: messagesOf(event.cookies) };
}

export function releaseMessage(m: Messages, reason: ReleaseFailure): string {
	const e = m.feedback.admin.errors;
	switch (reason) {
		case 'reasonTooShort':
			return e.reasonTooShort(MIN_OVERRIDE_REASON);
		case 'noneApproved':
			return m.feedback.admin.noneApproved;
		default:
			return e[reason];
	}
}

export async function approveAction(event: Event) {
	const { form, report, user, m } = await adminReport(event);
	const result = approveReport(report.id, Number(text(form, 'version')), user.id);
	if (!result.ok) {
		const e = m.feedback.admin.errors;
		const message = result.reason === 'changed' ? m.feedback.review.changed : result.reason === 'notDraft' ? e.notDraft : e.notFound;
		return fail(409, { reportId: report.id, message });
	}
	return { reportId: report.id, done: m.feedback.review.approved };
}

export async function sendBackAction(event: Event) {
	const { form, report, user, m } = await adminReport(event);
	const reason = text(form, 'reason');
	if (reason.length === 0 || reason.length > MAX_OVERRIDE_REASON) {
		return fail(400, { reportId: report.id, errors: { reason: m.feedback.admin.errors.sendBackReason } as Record<string, string>, reason });
	}
	const result = sendBackReport(report.id, reason, user.id);
	if (!result.ok) return fail(409, { reportId: report.id, message: m.feedback.admin.errors.notApprovedForSendBack });
	return { reportId: report.id, done: m.feedback.review.sentBack };
}

export async function releaseAction(event: Event) {
	const { form, report, user, m } = await adminReport(event);
	const overrideReason = text(form, 'overrideReason').slice(0, MAX_OVERRIDE_REASON + 1);
	const result = releaseReport(report.id, { actorId: user.id, overrideReason, origin: publicOrigin(event.url) });
	if (!result.ok) {
		const field = ['blocked', 'reasonTooShort', 'reasonTooLong'].includes(result.reason);
		const message = releaseMessage(m, result.reason);
		return fail(field ? 400 : 409, {
			reportId: report.id,
			overrideReason,
			...(field ? { errors: { overrideReason: message } as Record<string, string> } : { message })
		});
	}
	kickMailWorker();
	return { reportId: report.id, done: m.feedback.review.released };
}
