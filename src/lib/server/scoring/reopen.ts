/**
 * Reopening from a form: a submitted assessment (from the lead's consensus page or the admin's
 * progress page) or a done consensus, always with a reason.
 */
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { EntryAccess } from '../access/guards';
import { readForm, text } from '../http/request';
import { messagesOf } from '../http/locale';
import { reopenAssessment } from './assessments';
import { reopenConsensus } from '../consensus/consensus';
import { LIMITS, mayReopen, mayWriteConsensus } from '$lib/domain/scoring';
import type { Messages } from '$lib/i18n';

type Refused = { ok: false; failure: ActionFailure<Record<string, unknown>> };

/**
 * The posted reason: required, with a limit. A refusal names the form it belongs to by the
 * examiner it reopens (`target`; empty for the consensus), as the pages show it beside that form.
 */
function reopenReason(form: FormData, e: Messages['scoring']['errors']): { ok: true; reason: string } | Refused {
	const reason = text(form, 'reason');
	const target = text(form, 'examiner');
	if (!reason) return { ok: false, failure: fail(400, { reasonError: e.reasonMissing, target }) };
	if (reason.length > LIMITS.reason) return { ok: false, failure: fail(400, { reasonError: e.reasonTooLong(LIMITS.reason), target }) };
	return { ok: true, reason };
}

type Event = Pick<RequestEvent, 'request' | 'cookies'>;

/** The posted examiner's submitted assessment of the entry made a draft again, for someone `mayReopen` lets. */
export async function reopenPostedAssessment(event: Event, access: EntryAccess): Promise<{ ok: true; name: string } | Refused> {
	const e = messagesOf(event.cookies).scoring.errors;
	if (!mayReopen(access.viewer, access.facts)) return { ok: false, failure: fail(403, { message: e.phase }) };
	const form = await readForm(event);
	const r = reopenReason(form, e);
	if (!r.ok) return r;
	const out = reopenAssessment(access, Number(text(form, 'examiner')), r.reason);
	if (out.ok) return out;
	return { ok: false, failure: fail(409, { message: out.reason === 'notSubmitted' ? e.notSubmitted : e.noSuchAssessment }) };
}

/** The lead's done consensus made editable again, with the posted reason. */
export async function reopenPostedConsensus(event: Event, access: EntryAccess): Promise<{ ok: true } | Refused> {
	const e = messagesOf(event.cookies).scoring.errors;
	if (!mayWriteConsensus(access.viewer, access.facts)) return { ok: false, failure: fail(403, { message: e.phase }) };
	const r = reopenReason(await readForm(event), e);
	if (!r.ok) return r;
	if (reopenConsensus(access, r.reason).ok) return { ok: true };
	return { ok: false, failure: fail(409, { message: e.consensusNotDone }) };
}
