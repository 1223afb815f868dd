/**
 * The account's attachments: PDF, PNG or JPEG, told by their content as it streams in, stored in
 * the document store by SHA-256 like the written accounts, within a size and a count limit. Adding
 * or removing one is a new version of the account, as a save is: a colleague's page that holds the
 * version before meets the conflict view instead of saving over a state it has not seen, and the
 * page that made the change continues on the version it is given back.
 */
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { open } from 'node:fs/promises';
import { error } from '@sveltejs/kit';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { documentPath, storeCheckedStream } from '../registry/documents';
import { documentResponse } from '../registry/account';
import { attachmentName, attachmentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '$lib/domain/account';
import { hasPdfTrailer, safeFileName } from '$lib/domain/documents';
import { accountHead, listAttachments, type Attachment } from './store';

/** The first bytes of a stored file, to tell its kind again once it is stored. */
async function readHead(sha256: string): Promise<Uint8Array> {
	const file = await open(documentPath(sha256), 'r');
	try {
		const buffer = new Uint8Array(8);
		const { bytesRead } = await file.read(buffer, 0, 8, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
}

export type AttachmentAdded = { ok: true; attachment: Attachment; version: number } | { ok: false; reason: 'empty' | 'tooLarge' | 'notAttachment' | 'tooMany' };

/** The account's next version, for a change of its attachments; the texts and their revisions stay as they are. */
function nextVersion(tx: Tx, accountId: number, userId: number): number {
	return tx
		.update(table.account)
		.set({ version: sql`${table.account.version} + 1`, updatedBy: userId, updatedAt: new Date() })
		.where(eq(table.account.id, accountId))
		.returning({ version: table.account.version })
		.get()!.version;
}

// A PDF must also end as one; an image is judged by its signature, which no other kind shares.
const check = {
	head: (first: Uint8Array) => attachmentType(first) !== null,
	complete: (head: Uint8Array, tail: Uint8Array) => {
		const type = attachmentType(head);
		return type !== null && (type !== 'application/pdf' || hasPdfTrailer(tail));
	}
};

/** Stores the file and links it to the entry's account (begun now, if it was not), in one transaction after the file is safely stored. */
export async function addAttachment(entryId: number, userId: number, cycleId: number, rawName: string, stream: ReadableStream<Uint8Array>): Promise<AttachmentAdded> {
	const before = accountHead(entryId);
	if (before && listAttachments(before.id).length >= MAX_ATTACHMENTS) return { ok: false, reason: 'tooMany' };
	const stored = await storeCheckedStream(stream, MAX_ATTACHMENT_BYTES, check);
	if (!stored.ok) return { ok: false, reason: stored.reason === 'notPdf' ? 'notAttachment' : stored.reason };
	const type = attachmentType(await readHead(stored.sha256))!;
	const fileName = attachmentName(safeFileName(rawName) ?? 'bilaga', type);
	return db().transaction((tx): AttachmentAdded => {
		const head = accountHead(entryId);
		// An account begun by its first attachment is at version 1, as one begun by its first save.
		const accountId = head?.id ?? tx.insert(table.account).values({ entryId, updatedAt: new Date(), updatedBy: userId }).returning({ id: table.account.id }).get().id;
		// Counted again inside the transaction: two uploads at once must not pass the limit together.
		if (listAttachments(accountId).length >= MAX_ATTACHMENTS) return { ok: false, reason: 'tooMany' };
		const attachment = tx
			.insert(table.accountAttachment)
			.values({ accountId, sha256: stored.sha256, fileName, mediaType: type, size: stored.size, uploadedBy: userId })
			.returning({ id: table.accountAttachment.id, fileName: table.accountAttachment.fileName, sha256: table.accountAttachment.sha256, size: table.accountAttachment.size, mediaType: table.accountAttachment.mediaType })
			.get();
		const version = head ? nextVersion(tx, accountId, userId) : 1;
		appendAudit(tx, { actorId: userId, cycleId, action: 'account.attach', entityType: 'entry', entityId: entryId, after: { fileName, sha256: stored.sha256, size: stored.size, version } });
		return { ok: true, attachment, version };
	});
}

/** Removes one attachment of the entry's account; the stored file stays (others may share it, backups name it). */
export function removeAttachment(entryId: number, userId: number, cycleId: number, attachmentId: number): { ok: true; version: number } | { ok: false } {
	const head = accountHead(entryId);
	if (!head) return { ok: false };
	return db().transaction((tx) => {
		const row = tx.select().from(table.accountAttachment).where(eq(table.accountAttachment.id, attachmentId)).get();
		if (!row || row.accountId !== head.id) return { ok: false as const };
		tx.delete(table.accountAttachment).where(eq(table.accountAttachment.id, attachmentId)).run();
		const version = nextVersion(tx, head.id, userId);
		appendAudit(tx, { actorId: userId, cycleId, action: 'account.detach', entityType: 'entry', entityId: entryId, before: { fileName: row.fileName, sha256: row.sha256 }, after: { version } });
		return { ok: true as const, version };
	});
}

/** One attachment of the entry's account as a response, for someone already allowed to read the account. */
export function attachmentResponse(entryId: number, attachmentId: number, request: Request): Response {
	const row = db()
		.select({ sha256: table.accountAttachment.sha256, fileName: table.accountAttachment.fileName, mediaType: table.accountAttachment.mediaType })
		.from(table.accountAttachment)
		.innerJoin(table.account, eq(table.account.id, table.accountAttachment.accountId))
		.where(and(eq(table.account.entryId, entryId), eq(table.accountAttachment.id, attachmentId)))
		.get();
	if (!row) error(404, { message: 'not-found' });
	return documentResponse(row, request, false);
}
