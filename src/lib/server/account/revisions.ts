/**
 * The written account's kept versions (`account_revision`, which retention's `accountDrafts` prunes
 * once the cycle is archived) and restoring one. A restore is a save of that version's text on top
 * of the version the page holds: a page on an older version, the restorer's or a colleague's, meets
 * the conflict view as after any save. It is refused, with nothing written, once the account is
 * submitted or its last day has passed, and every restore is in the audit log.
 */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import type { EntryAccess } from '../access/guards';
import { emptyAccount, type AccountDoc, type AccountShape } from '$lib/domain/account';
import { listedVersions } from '$lib/domain/version-list';
import { openness } from './document';
import { accountHead, readAccount, writeAccount, type SavedAccount } from './store';

export interface AccountRevision {
	id: number;
	version: number;
	savedAt: number;
	/** Who saved it, by name (or address, for a person without one). */
	savedBy: string;
}

/** The entry's kept versions that its list shows (`listedVersions`), newest first. */
export function listAccountRevisions(entryId: number, now = Date.now()): AccountRevision[] {
	const all = db()
		.select({ id: table.accountRevision.id, version: table.accountRevision.version, createdAt: table.accountRevision.createdAt, name: table.user.name, email: table.user.email })
		.from(table.accountRevision)
		.innerJoin(table.account, eq(table.account.id, table.accountRevision.accountId))
		.innerJoin(table.user, eq(table.user.id, table.accountRevision.savedBy))
		.where(eq(table.account.entryId, entryId))
		.orderBy(desc(table.accountRevision.id))
		.all()
		.map((r) => ({ id: r.id, version: r.version, savedAt: r.createdAt.getTime(), savedBy: r.name || r.email }));
	return listedVersions(all, now);
}

/** One kept version of the entry's account in the model's shape now, or null when it is not the entry's. */
export function accountRevision(entryId: number, revisionId: number, shape: AccountShape[]): { version: number; doc: AccountDoc } | null {
	if (!Number.isSafeInteger(revisionId)) return null;
	const row = db()
		.select({ version: table.accountRevision.version, snapshot: table.accountRevision.snapshot })
		.from(table.accountRevision)
		.innerJoin(table.account, eq(table.account.id, table.accountRevision.accountId))
		.where(and(eq(table.accountRevision.id, revisionId), eq(table.account.entryId, entryId)))
		.get();
	if (!row) return null;
	const kept = row.snapshot as Partial<AccountDoc>;
	// Read as the store reads its rows: an answer to a question the model no longer asks stays out.
	const doc = emptyAccount(shape);
	doc.introduction = typeof kept.introduction === 'string' ? kept.introduction : '';
	for (const c of doc.criteria) {
		const old = kept.criteria?.find((k) => k.criterionId === c.criterionId);
		if (!old) continue;
		c.answers = c.answers.map((_, q) => (typeof old.answers?.[q] === 'string' ? old.answers[q] : ''));
		if (old.self) c.self = old.self;
	}
	return { version: row.version, doc };
}

export type Restored =
	| { ok: true; version: number }
	| { ok: false; reason: 'phase' | 'deadline' }
	| { ok: false; reason: 'conflict' | 'submitted'; current: SavedAccount | null };

/** Saves a kept version's text as the newest version, on top of `baseVersion`, in one transaction with its audit entry. */
export function restoreAccount(access: EntryAccess, revision: { version: number; doc: AccountDoc }, baseVersion: number, shape: AccountShape[], now = new Date()): Restored {
	const entryId = access.entry.id;
	const outcome = db().transaction((tx): Restored => {
		const head = accountHead(entryId);
		const state = openness(access, head, now);
		if (state === 'phase' || state === 'deadline') return { ok: false, reason: state };
		const written = writeAccount(entryId, access.user.id, baseVersion, revision.doc, now.getTime());
		if (!written) return { ok: false, reason: head?.status === 'submitted' ? 'submitted' : 'conflict', current: null };
		appendAudit(tx, {
			actorId: access.user.id,
			cycleId: access.cycle.id,
			action: 'account.restore',
			entityType: 'entry',
			entityId: entryId,
			before: { version: baseVersion },
			after: { version: written.version, restored: revision.version }
		});
		return { ok: true, version: written.version };
	});
	if (!outcome.ok && 'current' in outcome) return { ...outcome, current: readAccount(access, shape) };
	return outcome;
}
