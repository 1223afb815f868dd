/**
 * The written account of an entry: receiving the upload (a PDF by content, at most 25 MB, stored
 * by its SHA-256) and serving it to those allowed to read it, inline or as a download, under its
 * safe name and with headers that keep the browser from treating it as anything but a PDF.
 */
import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { z } from 'zod';
import { validate, type FieldErrors } from '../http/validate';
import { compareIsoDays, stockholmDay } from '$lib/domain/dates';
import { contentDisposition, declaredTooLarge, MAX_DOCUMENT_BYTES, safeFileName } from '$lib/domain/documents';
import { entriesOpen, isRiskyChangePhase } from '$lib/domain/entries';
import { readDocument, storePdfStream, type StoreRefusal } from './documents';
import type { EntryContext } from '../access/entry-facts';
import { fields, refused, type Outcome } from './fields';
import { changeEntry, type EntryMessages } from './entries';
import { tellAssessors } from './risky-change';

/** Refuses an upload whose declared size is already too large, before its body is read. */
export function uploadTooLarge(request: Request, m: EntryMessages): FieldErrors | null {
	return declaredTooLarge(request.headers.get('content-length')) ? { account: m.upload.tooLarge } : null;
}

/**
 * Reads and drops a refused request's body chunk by chunk, keeping none of it. A browser sends the
 * whole body before it reads the answer; left unread, the upload stalls and the refusal never shows.
 */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	const reader = request.body.getReader();
	try {
		while (!(await reader.read()).done);
	} catch {
		// A broken-off upload needs no answer.
	}
}

/**
 * Stores the posted file as the entry's written account and records its hash, safe name, size
 * and received day (today in Stockholm unless given). Refuses, and records nothing, when the file
 * is missing, empty, larger than 25 MB, not a PDF by its content, or has no usable name, and when
 * it would replace an account the teams are assessing without a reason; with one, those assessing
 * the entry are told.
 */
export async function uploadAccount(id: number, form: FormData, actorId: number, m: EntryMessages, origin: string): Promise<Outcome<{ id: number; created: boolean }>> {
	const f = fields(m.v);
	const text = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)).trim() : '');
	const parsed = validate(z.object({ accountReceivedDate: f.optionalDay, version: f.version, reason: f.optionalText(500) }), {
		accountReceivedDate: text('accountReceivedDate'),
		version: text('version'),
		reason: text('reason')
	});
	if (!parsed.ok) return refused(400, parsed.errors);
	const today = stockholmDay(new Date());
	const receivedDate = parsed.data.accountReceivedDate ?? today;
	if (compareIsoDays(receivedDate, today) > 0) return refused(400, { accountReceivedDate: m.future });

	const file = form.get('account');
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) return refused(400, { account: m.upload.missing });
	if (file.size === 0) return refused(400, { account: m.upload.empty });
	if (file.size > MAX_DOCUMENT_BYTES) return refused(413, { account: m.upload.tooLarge });
	const name = safeFileName(file.name);
	if (!name) return refused(400, { account: m.upload.badName });

	// Check the entry before storing, so a stale or closed form does not leave a file behind.
	const entry = db()
		.select({ version: table.entry.version, phase: table.cycle.phase, accountSha256: table.entry.accountSha256 })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.where(eq(table.entry.id, id))
		.get();
	if (!entry) return refused(404, { _form: m.v.notFound });
	if (!entriesOpen(entry.phase)) return refused(400, { _form: m.closed });
	if (entry.version !== parsed.data.version) return refused(409, { _form: m.v.conflict });
	const { reason } = parsed.data;
	// The version check in the write below makes this answer hold for the row that is replaced.
	const risky = isRiskyChangePhase(entry.phase) && entry.accountSha256 !== null;
	if (risky && !reason) return refused(400, { reason: m.reasonRequired });

	const stored = await storePdfStream(file.stream());
	if (!stored.ok) return refused(stored.reason === 'tooLarge' ? 413 : 400, { account: refusal(stored.reason, m) });
	const result = db().transaction((tx) => {
		const changed = changeEntry(tx, id, parsed.data.version, actorId, 'entry.account', m, () => ({
			set: { accountSha256: stored.sha256, accountFileName: name, accountSize: stored.size, accountReceivedDate: receivedDate },
			reason: risky ? reason : null
		}));
		if (changed.ok && risky && reason) tellAssessors(tx, { kind: 'account', entryId: id, reason, origin });
		return changed;
	});
	return result.ok ? { ok: true, value: { id, created: stored.created } } : result;
}

function refusal(reason: StoreRefusal, m: EntryMessages): string {
	return reason === 'empty' ? m.upload.empty : reason === 'tooLarge' ? m.upload.tooLarge : m.upload.notPdf;
}

/**
 * The account as an HTTP response for someone already allowed to read it. The rights are checked
 * on every request (no shared caching); an unchanged document is answered 304 by its hash.
 */
export function accountResponse(ctx: EntryContext, request: Request, download: boolean): Response {
	const sha256 = ctx.entry.accountSha256;
	if (!sha256) error(404, { message: 'not-found' });
	return documentResponse({ sha256, fileName: ctx.entry.accountFileName ?? `skriftlig-redovisning-${ctx.entry.id}.pdf`, mediaType: 'application/pdf' }, request, download);
}

/**
 * A stored document (a written account, an attachment) as an HTTP response, under its safe name
 * and with headers that keep the browser from treating it as anything but its own type.
 */
export function documentResponse(file: { sha256: string; fileName: string; mediaType: string }, request: Request, download: boolean): Response {
	const etag = `"${file.sha256}"`;
	const headers: Record<string, string> = {
		'Cache-Control': 'private, no-cache',
		ETag: etag,
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': 'sandbox',
		'Content-Disposition': contentDisposition(download ? 'attachment' : 'inline', file.fileName)
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const document = readDocument(file.sha256);
	if (!document) error(404, { message: 'not-found' });
	return new Response(document.body, {
		headers: { ...headers, 'Content-Type': file.mediaType, 'Content-Length': String(document.size) }
	});
}

/** What the reading page shows about the entry besides the document itself. */
export function accountFacts(ctx: EntryContext) {
	const row = db()
		.select({ unit: table.unit.name, organisation: table.organisation.name, className: table.awardClass.nameSv, classNameEn: table.awardClass.nameEn })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.id, ctx.entry.id))
		.get()!;
	return {
		id: ctx.entry.id,
		...row,
		cycle: ctx.cycle.name,
		hasAccount: ctx.entry.accountSha256 !== null,
		fileName: ctx.entry.accountFileName,
		size: ctx.entry.accountSize,
		receivedDate: ctx.entry.accountReceivedDate
	};
}
