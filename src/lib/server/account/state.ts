import { accountState, type AccountState } from '$lib/domain/account';
import { accountHead } from './store';

/** Where an entry's written account stands (none, draft, submitted with its time), for the unit's home and lists. */
export function entryAccountState(entryId: number): AccountState {
	const head = accountHead(entryId);
	return accountState(head && { status: head.status, submittedAt: head.submittedAt === null ? null : new Date(head.submittedAt) });
}
