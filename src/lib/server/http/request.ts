import { error, type RequestEvent } from '@sveltejs/kit';
import { messagesOf } from './locale';

/** The posted form, or a clear 400 instead of a crash when the body is not a form. */
export async function readForm(event: Pick<RequestEvent, 'request' | 'cookies'>): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, messagesOf(event.cookies).errors.badForm);
	}
}

/** A text field as a trimmed string ('' when absent or a file). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}
