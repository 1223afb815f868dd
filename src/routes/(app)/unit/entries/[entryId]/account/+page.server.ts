import type { Actions, PageServerLoad } from './$types';
import * as account from '$lib/server/account/page';

export const load: PageServerLoad = (event) => account.accountPage(event);

export const actions: Actions = {
	save: account.saveAction,
	resolve: account.resolveAction,
	restore: account.restoreAction,
	submit: account.submitAction,
	attach: account.attachAction,
	detach: account.detachAction
};
