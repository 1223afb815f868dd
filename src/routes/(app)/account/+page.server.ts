import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/auth/login';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { email: user.email, name: user.name, minLength: MIN_PASSWORD_LENGTH };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event);
		const field = (name: string) => String(form.get(name) ?? '').slice(0, 1000);
		const result = await changePassword(
			user.id,
			event.locals.session!.id,
			field('current'),
			field('next'),
			field('repeat')
		);
		const m = messagesOf(event.cookies).account;
		if (!result.ok) {
			const message =
				result.reason === 'tooShort' ? m.tooShort(MIN_PASSWORD_LENGTH) : m[result.reason];
			return fail(400, { errors: { [result.field]: message } as Record<string, string> });
		}
		return { changed: true };
	}
};
