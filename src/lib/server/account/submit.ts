/**
 * Handing in the written account, and the admin's reopening and extension
 * (docs/unit-side.md#4-the-written-account-as-a-form): each one transaction that checks the state
 * inside it, writes, appends to the audit log and, for a submission, queues the receipt.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { enqueueMail } from '../mail/outbox';
import { canonicalAccount, emptyFields, type AccountDoc, type AccountField, type AccountShape } from '$lib/domain/account';
import { reasonsWithoutBand } from '$lib/domain/self-assessment';
import { formatDateTime, messages as messagesFor } from '$lib/i18n';
import { accountHead, listAttachments, readAccount, writeAccount, type SavedAccount } from './store';
import { openness } from './document';
import type { EntryAccess } from '../access/guards';

export interface Receipt {
	entryId: number;
	submittedAt: number;
	sha256: string;
}

export type Submitted =
	| { ok: true; receipt: Receipt }
	| { ok: false; reason: 'empty' | 'reasonWithoutBand'; fields: AccountField[] }
	| { ok: false; reason: 'phase' | 'deadline' }
	| { ok: false; reason: 'conflict' | 'submitted'; current: SavedAccount | null };

/** The SHA-256 a receipt gives: over the canonical text of the account and its attachments' hashes. */
export function receiptChecksum(entryId: number, doc: AccountDoc, accountId: number | null): string {
	const attachments = accountId === null ? [] : listAttachments(accountId);
	return createHash('sha256').update(canonicalAccount(entryId, doc, attachments)).digest('hex');
}

/**
 * Saves the account on top of `baseVersion` and hands it in: refused, with nothing written, when
 * an answer is empty, a reason waits for its band, the entry's last day has passed, the version is
 * old or it is already in.
 */
export function submitAccount(access: EntryAccess, baseVersion: number, doc: AccountDoc, shape: AccountShape[], now = new Date()): Submitted {
	const empty = emptyFields(doc);
	if (empty.length > 0) return { ok: false, reason: 'empty', fields: empty };
	const waiting = reasonsWithoutBand(doc);
	if (waiting.length > 0) return { ok: false, reason: 'reasonWithoutBand', fields: waiting };
	const entryId = access.entry.id;
	const outcome = db().transaction((tx): Submitted => {
		const head = accountHead(entryId);
		const state = openness(access, head, now);
		if (state === 'phase' || state === 'deadline') return { ok: false, reason: state };
		const written = writeAccount(entryId, access.user.id, baseVersion, doc, now.getTime());
		if (!written) return { ok: false, reason: head?.status === 'submitted' ? 'submitted' : 'conflict', current: null };
		const sha256 = receiptChecksum(entryId, doc, written.id);
		tx.update(table.account)
			.set({ status: 'submitted', submittedAt: now, submittedBy: access.user.id, receiptSha256: sha256 })
			.where(eq(table.account.id, written.id))
			.run();
		appendAudit(tx, {
			actorId: access.user.id,
			cycleId: access.cycle.id,
			action: 'account.submit',
			entityType: 'entry',
			entityId: entryId,
			before: { status: 'draft', version: baseVersion },
			after: { status: 'submitted', version: written.version, submittedAt: now.toISOString(), sha256 }
		});
		queueReceipt(tx, access, now, sha256);
		return { ok: true, receipt: { entryId, submittedAt: now.getTime(), sha256 } };
	});
	if (!outcome.ok && (outcome.reason === 'conflict' || outcome.reason === 'submitted')) return { ...outcome, current: readAccount(access, shape) };
	return outcome;
}

/** The receipt by e-mail to every contact of the unit, in Swedish (the unit's language). */
function queueReceipt(tx: Tx, access: EntryAccess, now: Date, sha256: string) {
	const m = messagesFor('sv').accountForm.receipt;
	const unit = tx.select({ name: table.unit.name }).from(table.unit).where(eq(table.unit.id, access.entry.unitId)).get();
	const contacts = tx.select({ email: table.unitContact.email }).from(table.unitContact).where(eq(table.unitContact.unitId, access.entry.unitId)).all();
	const when = formatDateTime(now, 'sv');
	const to = new Set([...contacts.map((c) => c.email.toLowerCase()), access.user.email.toLowerCase()]);
	for (const address of to) {
		enqueueMail(tx, { to: address, subject: m.mailSubject(unit?.name ?? ''), text: m.mailText(unit?.name ?? '', access.cycle.name, when, sha256, access.user.name ?? access.user.email) }, now);
	}
}

export type AdminChange = { ok: true } | { ok: false; reason: 'notSubmitted' | 'version' };

/** The admin opens a submitted account again, with a reason; the submission time goes with it. */
export function reopenAccount(entryId: number, cycleId: number, actorId: number, version: number, reason: string): AdminChange {
	return db().transaction((tx): AdminChange => {
		const head = accountHead(entryId);
		if (!head || head.status !== 'submitted') return { ok: false, reason: 'notSubmitted' };
		if (head.version !== version) return { ok: false, reason: 'version' };
		tx.update(table.account)
			.set({ status: 'draft', submittedAt: null, submittedBy: null, receiptSha256: null, pdfSha256: null, pdfWithoutSelfSha256: null, version: head.version + 1, updatedAt: new Date(), updatedBy: actorId })
			.where(and(eq(table.account.id, head.id), isNotNull(table.account.submittedAt)))
			.run();
		appendAudit(tx, {
			actorId,
			cycleId,
			action: 'account.reopen',
			entityType: 'entry',
			entityId: entryId,
			before: { status: 'submitted', submittedAt: head.submittedAt && new Date(head.submittedAt).toISOString(), sha256: head.receiptSha256 },
			after: { status: 'draft' },
			reason
		});
		return { ok: true };
	});
}

/** The admin moves one entry's last day, with a reason; an account not begun gets its row now. */
export function extendAccountDeadline(entryId: number, cycleId: number, actorId: number, day: string, reason: string): AdminChange {
	return db().transaction((tx): AdminChange => {
		const head = accountHead(entryId);
		const now = new Date();
		if (head) tx.update(table.account).set({ extendedTo: day }).where(eq(table.account.id, head.id)).run();
		else tx.insert(table.account).values({ entryId, extendedTo: day, updatedAt: now, updatedBy: actorId }).run();
		appendAudit(tx, {
			actorId,
			cycleId,
			action: 'account.extend',
			entityType: 'entry',
			entityId: entryId,
			before: { extendedTo: head?.extendedTo ?? null },
			after: { extendedTo: day },
			reason
		});
		return { ok: true };
	});
}
