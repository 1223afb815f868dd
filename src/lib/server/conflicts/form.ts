/** The conflict declaration form, shared by the examiner's page and the admin's: parsing and messages. */
import { z } from 'zod';
import { validate, type Validated } from '../http/validate';
import { text } from '../http/request';
import { CONFLICT_REASONS } from '../db/schema';
import type { Messages } from '$lib/i18n';
import type { ConflictReason, DeclareResult, WithdrawResult } from './declarations';

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
