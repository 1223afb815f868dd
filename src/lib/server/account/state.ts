import * as table from '../db/schema';
import { accountState, type AccountState } from '$lib/domain/account';
import { accountHead } from './store';

/** The account's columns that `entrySnapshot` reads, for a select joined to the entry's account. */
export const snapshotAccountColumns = {
	accountSubmittedAt: table.account.submittedAt,
	accountStatus: table.account.status,
	accountUpdatedAt: table.account.updatedAt,
	accountExtendedTo: table.account.extendedTo
};

/** Where an entry's written account stands (none, draft, submitted with its time), for the unit's home and lists. */
export function entryAccountState(entryId: number): AccountState {
	const head = accountHead(entryId);
	return accountState(head && { status: head.status, submittedAt: head.submittedAt === null ? null : new Date(head.submittedAt) });
}
