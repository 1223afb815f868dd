/**
 * The conflict declaration forms, shared by the examiner's page and the admin's: parsing,
 * messages, and the two actions, which answer both pages alike (`form` names the form).
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { validate, type Validated } from '../http/validate';
import { readForm, text } from '../http/request';
import { messagesOf } from '../http/locale';
import { CONFLICT_REASONS } from '../db/schema';
import type { Messages } from '$lib/i18n';
import { declareConflict, withdrawConflict, type ConflictReason, type DeclareResult, type WithdrawResult } from './declarations';

type Event = Pick<RequestEvent, 'request' | 'cookies'>;

export interface DeclarationValues {
	entryId: string;
	reason: string;
	note: string;
}

export function declarationValues(form: FormData): DeclarationValues {
	return { entryId: text(form, 'entryId').slice(0, 20), reason: text(form, 'reason').slice(0, 40), note: text(form, 'note').slice(0, 2000) };
}

export function parseDeclaration(values: DeclarationValues, m: Messages): Validated<{ entryId: number; reason: ConflictReason; note: string }> {
	const t = m.assignment.conflicts.errors;
	return validate(
		z.object({
			entryId: z.string().regex(/^\d{1,9}$/, t.entry).transform(Number),
			reason: z.enum(CONFLICT_REASONS, { message: t.reason }),
			note: z.string().max(500, t.note)
		}),
		values
	);
}

export function conflictError(error: Extract<DeclareResult | WithdrawResult, { ok: false }>['error'], m: Messages): { status: number; message: string } {
	const t = m.assignment.conflicts.errors;
	const status = error === 'notFound' ? 404 : error === 'exists' || error === 'published' || error === 'archived' ? 409 : 403;
	return { status, message: t[error] };
}

/** A declaration posted for `userId` (the examiner themselves, or one the admin names). */
export async function declareFromForm(event: Event, who: { cycleId: number; userId: number; actorId: number }) {
	const values = declarationValues(await readForm(event));
	const m = messagesOf(event.cookies);
	const parsed = parseDeclaration(values, m);
	if (!parsed.ok) return fail(400, { form: 'declare' as const, errors: parsed.errors, values });
	const result = declareConflict({ ...who, ...parsed.data });
	if (!result.ok) {
		const { status, message } = conflictError(result.error, m);
		return fail(status, { form: 'declare' as const, errors: { _form: message }, values });
	}
	return { form: 'declare' as const, entryId: parsed.data.entryId };
}

/** A declaration taken back: by the examiner who made it, or by the admin (`asAdmin`). */
export async function withdrawFromForm(event: Event, who: { cycleId: number; actorId: number; asAdmin: boolean }) {
	const form = await readForm(event);
	const result = withdrawConflict({ ...who, conflictId: Number(text(form, 'conflictId')) });
	if (!result.ok) {
		const { status, message } = conflictError(result.error, messagesOf(event.cookies));
		return fail(status, { form: 'withdraw' as const, errors: { _form: message } });
	}
	return { form: 'withdraw' as const, entryId: Number(text(form, 'entryId')) };
}
