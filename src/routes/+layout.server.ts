import type { LayoutServerLoad } from './$types';
import { localeOf } from '$lib/server/http/locale';
import { readViewer } from '$lib/server/access/entry-facts';
import { getCurrentCycle } from '$lib/server/cycles/lookup';
import { areasOf } from '$lib/domain/permissions';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
	const locale = localeOf(cookies);
	const user = locals.user;
	if (!user) return { locale, user: null, areas: [] };
	const cycle = getCurrentCycle();
	return {
		locale,
		user: { name: user.name, email: user.email },
		areas: areasOf(readViewer(user.id), cycle?.id ?? null)
	};
};
