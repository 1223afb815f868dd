/**
 * The documents the entries handed in, as the archive package takes them (docs/records.md): each
 * entry's written account, uploaded or typeset from the form, and the boards' uploaded minutes.
 */
import { asc, eq } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { db } from '../db';
import * as table from '../db/schema';
import { documentPath } from '../registry/documents';
import { typesetAccount } from '../account/pdf';
import { fileSlug } from '$lib/domain/archive';

/** An uploaded document, byte for byte; `what` names it in the message when the store has lost it. */
export async function readStored(sha256: string, what: string): Promise<Uint8Array> {
	try {
		return await readFile(documentPath(sha256));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
		throw new Error(`${what} (SHA-256 ${sha256}) saknas i dokumentlagret.`);
	}
}

/**
 * A submitted account as the tool typeset it. The stored PDF is taken as it is; one typeset before
 * the tool made them PDF/A, or missing from the store, is typeset again from the same submitted
 * account and dated by its submission, which gives what the tool now stores for it.
 */
export async function typesetAccountFile(entryId: number, cycleId: number, consensusDone: boolean, stored: string | null): Promise<Uint8Array> {
	if (stored) {
		const bytes = await readFile(documentPath(stored)).catch((e: NodeJS.ErrnoException) => {
			if (e.code === 'ENOENT') return null;
			throw e;
		});
		if (bytes?.includes('<pdfaid:part>')) return bytes;
	}
	const bytes = await typesetAccount(entryId, cycleId, consensusDone);
	if (!bytes) throw new Error(`the account of entry ${entryId} is no longer submitted`);
	return bytes;
}

interface EntryAccount {
	entry: typeof table.entry.$inferSelect;
	form: { status: string; submittedAt: Date | null; receiptSha256: string | null } | null;
}

/** The entry's account is the form it handed in, typeset, when it did; else the PDF it uploaded. */
export function accountOf(e: EntryAccount): 'typeset' | 'uploaded' | null {
	if (e.form?.status === 'submitted') return 'typeset';
	return e.entry.accountSha256 ? 'uploaded' : null;
}

export function accountRecord(e: EntryAccount, file: string) {
	const kind = accountOf(e);
	if (kind === 'typeset') return { file, form: kind, submittedAt: e.form!.submittedAt?.toISOString() ?? null, receiptSha256: e.form!.receiptSha256 };
	if (kind === 'uploaded') return { file, form: kind, receivedAs: e.entry.accountFileName, sha256: e.entry.accountSha256, bytes: e.entry.accountSize, receivedDate: e.entry.accountReceivedDate };
	return null;
}

/** The cycle's uploaded board minutes, each once, with the entries that point at it, oldest first. */
export function boardMinutesOf(cycleId: number, entries: { id: number; unit: string; minutesId: number | null }[]) {
	return db()
		.select({ minutes: table.boardMinutes, board: table.board.name })
		.from(table.boardMinutes)
		.leftJoin(table.board, eq(table.board.id, table.boardMinutes.boardId))
		.where(eq(table.boardMinutes.cycleId, cycleId))
		.orderBy(asc(table.boardMinutes.id))
		.all()
		.map(({ minutes: m, board }) => {
			const approved = entries.filter((e) => e.minutesId === m.id);
			return {
				id: m.id,
				path: `bidrag/namndprotokoll/${m.id}-${fileSlug(m.dnr) || 'protokoll'}.pdf`,
				sha256: m.sha256,
				board,
				dnr: m.dnr,
				meetingDate: m.meetingDate,
				entryIds: approved.map((e) => e.id),
				units: approved.map((e) => e.unit)
			};
		});
}
