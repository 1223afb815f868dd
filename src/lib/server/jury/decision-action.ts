/**
 * The chair's "record a class's decision" form action, shared by the decisions page and the class
 * page, so that both answer a post the same way: the same guard, parsing, conflict check and
 * messages at the fields.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireChair } from './jury';
import { recordClassDecision } from './decisions';
import { decisionIssueErrors, parseDecisionForm, refusalMessage, refusalStatus } from './form';
import { readForm, text } from '../http/request';
import { messagesOf } from '../http/locale';

export async function recordDecisionAction(event: RequestEvent) {
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
}
