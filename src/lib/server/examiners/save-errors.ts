import type { Messages } from '$lib/i18n';
import type { SaveResult } from './pool';

/** A refused save as the field it concerns and the status to answer with. */
export function saveErrors(error: Extract<SaveResult, { ok: false }>['error'], m: Messages): { status: number; errors: Record<string, string> } {
	const t = m.assignment.form.errors;
	switch (error) {
		case 'alreadyExaminer':
			return { status: 400, errors: { email: t.alreadyExaminer } };
		case 'emailTaken':
			return { status: 400, errors: { email: t.emailTaken } };
		case 'badOrganisation':
			return { status: 400, errors: { organisationId: t.organisation } };
		case 'badClass':
			return { status: 400, errors: { classIds: t.expertise } };
		case 'conflict':
			return { status: 409, errors: { _form: t.conflict } };
		case 'archived':
			return { status: 409, errors: { _form: t.archived } };
		case 'notFound':
			return { status: 404, errors: { _form: t.notFound } };
	}
}
