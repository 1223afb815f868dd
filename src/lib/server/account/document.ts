/**
 * The unit's written account as a document the autosave endpoint saves (scoring/versioned-actions.ts,
 * shared with the assessment and the consensus), and the guards of its pages: `may` decides who,
 * the account's own rule (its deadline, an extension, submitted or not) decides when.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { may } from '$lib/domain/permissions';
import { accountDeadline, isAccountOpen, type AccountDoc } from '$lib/domain/account';
import { readEntry, type EntryRead } from '../access/entry-facts';
import { requireEntry, type EntryAccess } from '../access/guards';
import { messagesOf } from '../http/locale';
import type { Autosaved } from '../scoring/versioned-actions';
import { parseAccountSave } from './form';
import { accountHead, accountShape, saveAccount, type SavedAccount } from './store';

/** The account's page and its actions: the unit's own contacts; everyone else a 404. */
export function requireAccount(event: Pick<RequestEvent, 'locals' | 'url'>, entryId: number | string): EntryAccess {
	return requireEntry(event, entryId, 'account.open');
}

export type Openness = 'open' | 'submitted' | 'phase' | 'deadline';

/**
 * Whether the account may be written now, and if not why: only while entries are registered, only
 * until the entry's last day, and never over a submitted account.
 */
export function openness(read: Pick<EntryRead, 'viewer' | 'facts' | 'cycle'>, head: Pick<SavedAccount, 'status' | 'extendedTo'> | null, now = new Date()): Openness {
	if (head?.status === 'submitted') return 'submitted';
	if (!may(read.viewer, 'account.write', read.facts)) return 'phase';
	return isAccountOpen(now, accountDeadline(read.cycle.accountDeadline, head?.extendedTo ?? null)) ? 'open' : 'deadline';
}

export const accountDocument: Autosaved<AccountDoc> = {
	autosave: (event, user) => {
		// The one read of the entry, as the page's guard makes it, answering a closed account as data.
		const entryId = Number(event.params.entryId);
		const read = readEntry(user.id, entryId);
		if (!read || !may(read.viewer, 'account.open', read.facts)) error(404, { message: 'not-found' });
		const head = accountHead(entryId);
		const state = openness(read, head);
		// A submitted account answers as a conflict does, with what is saved, so the editor shows it.
		if (state === 'phase' || state === 'deadline') return null;
		const shape = accountShape(read.cycle.id);
		const e = messagesOf(event.cookies).accountForm.errors;
		return {
			parse: (body, s) => parseAccountSave(body, e, s, read.cycle.accountAnswerLimit, shape),
			save: (baseVersion, doc) => saveAccount(read, user.id, baseVersion, doc, shape)
		};
	},
	closed: 'submitted',
	closedMessage: (_, m) => m.accountForm.errors.submitted,
	phaseMessage: (m) => m.accountForm.errors.closed
};
