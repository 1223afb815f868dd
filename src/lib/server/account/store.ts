/**
 * The written account's rows: read and saved on prepared statements, as the assessment's autosave
 * is (scoring/save.ts), since every contact at work saves every second or so. A save names the
 * version it is based on; one based on an older version changes nothing and answers with what is
 * saved now, for the conflict view. Every read names its reader: the unit's self-assessment is
 * read only for one who may see it (`selfAssessmentVisible`), so no page can hand it on early.
 */
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { writtenRows, type RowKeys } from '../db/written-rows';
import * as table from '../db/schema';
import { emptyAccount, type AccountDoc, type AccountShape } from '$lib/domain/account';
import { selfAssessmentVisible } from '$lib/domain/self-assessment';
import type { EntryRead } from '../access/entry-facts';

export type AccountStatus = 'draft' | 'submitted';

export interface SavedAccount {
	id: number;
	status: AccountStatus;
	version: number;
	doc: AccountDoc;
	extendedTo: string | null;
	submittedAt: number | null;
	receiptSha256: string | null;
	pdfSha256: string | null;
	pdfWithoutSelfSha256: string | null;
	updatedAt: number;
}

/** Who reads the account: the entry, and the facts that decide whether they see the self-assessment. */
export type AccountReader = Pick<EntryRead, 'entry' | 'viewer' | 'facts'>;

export type AccountWritten =
	| { ok: true; id: number; version: number; savedAt: number }
	| { ok: false; reason: 'conflict' | 'submitted'; current: SavedAccount | null };

interface AccountRow {
	id: number;
	status: AccountStatus;
	version: number;
	introduction: string;
	extended_to: string | null;
	submitted_at: number | null;
	receipt_sha256: string | null;
	pdf_sha256: string | null;
	pdf_without_self_sha256: string | null;
	updated_at: number;
}

function prepare(client: Database.Database) {
	return {
		create: client.prepare<[number, string, number, number]>(
			`INSERT INTO account (entry_id, status, introduction, version, updated_by, updated_at)
			 VALUES (?, 'draft', ?, 1, ?, ?) ON CONFLICT (entry_id) DO NOTHING`
		),
		update: client.prepare<[string, number, number, number, number], { id: number; version: number }>(
			`UPDATE account SET introduction = ?, version = version + 1, updated_by = ?, updated_at = ?
			 WHERE entry_id = ? AND version = ? AND status = 'draft' RETURNING id, version`
		),
		// Typing changes one answer at a time: an answer as the last save here wrote it is not even
		// looked up (`lastRows`); one this process did not write is looked up, and written only if it changed.
		answer: client.prepare<[number, number, number, string]>(
			`INSERT INTO account_answer (account_id, criterion_id, question, text) VALUES (?, ?, ?, ?)
			 ON CONFLICT (account_id, criterion_id, question) DO UPDATE SET text = excluded.text WHERE text <> excluded.text`
		),
		self: client.prepare<[number, number, number | null, string]>(
			`INSERT INTO account_self_assessment (account_id, criterion_id, band, reason) VALUES (?, ?, ?, ?)
			 ON CONFLICT (account_id, criterion_id) DO UPDATE SET band = excluded.band, reason = excluded.reason
			 WHERE band IS NOT excluded.band OR reason <> excluded.reason`
		),
		noSelf: client.prepare<[number, number]>('DELETE FROM account_self_assessment WHERE account_id = ? AND criterion_id = ?'),
		selves: client.prepare<[number], { criterion_id: number; band: number | null; reason: string }>(
			'SELECT criterion_id, band, reason FROM account_self_assessment WHERE account_id = ?'
		),
		revision: client.prepare<[number, number, string, number, number]>(
			'INSERT INTO account_revision (account_id, version, snapshot, saved_by, created_at) VALUES (?, ?, ?, ?, ?)'
		),
		read: client.prepare<[number], AccountRow>(
			`SELECT id, status, version, introduction, extended_to, submitted_at, receipt_sha256, pdf_sha256, pdf_without_self_sha256, updated_at
			 FROM account WHERE entry_id = ?`
		),
		answers: client.prepare<[number], { criterion_id: number; question: number; text: string }>(
			'SELECT criterion_id, question, text FROM account_answer WHERE account_id = ?'
		),
		shape: client.prepare<[number], { id: number; questions: number }>(
			'SELECT id, json_array_length(questions) AS questions FROM criterion WHERE cycle_id = ? ORDER BY sort_order, id'
		),
		save: client.transaction(writeAccount)
	};
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statements() {
	const client = db().$client;
	let s = cache.get(client);
	if (!s) cache.set(client, (s = prepare(client)));
	return s;
}

/** The account's structure from the cycle's model: per criterion, in order, how many questions it asks. */
export function accountShape(cycleId: number): AccountShape[] {
	return statements()
		.shape.all(cycleId)
		.map((r) => ({ criterionId: r.id, questions: r.questions }));
}

/** The account's own row without its texts, or null: what the guards ask about state and extension. */
export function accountHead(entryId: number): Omit<SavedAccount, 'doc'> | null {
	const row = statements().read.get(entryId);
	return row ? headOf(row) : null;
}

/**
 * The entry's account in the model's shape, or null before anyone has saved it: the one read of
 * its texts, with the self-assessment only for a reader who may see it.
 */
export function readAccount(reader: AccountReader, shape: AccountShape[]): SavedAccount | null {
	return readStored(reader.entry.id, shape, selfAssessmentVisible(reader.viewer, reader.facts));
}

/**
 * The account as the city's record keeps it (the archive package): the self-assessment once the
 * entry's consensus is done, as the award office then sees it, and not before.
 */
export function readAccountForRecord(entryId: number, shape: AccountShape[], consensusDone: boolean): SavedAccount | null {
	return readStored(entryId, shape, consensusDone);
}

function readStored(entryId: number, shape: AccountShape[], withSelf: boolean): SavedAccount | null {
	const s = statements();
	const row = s.read.get(entryId);
	if (!row) return null;
	const doc = emptyAccount(shape);
	doc.introduction = row.introduction;
	const byCriterion = new Map(doc.criteria.map((c) => [c.criterionId, c]));
	for (const a of s.answers.all(row.id)) {
		const c = byCriterion.get(a.criterion_id);
		// An answer to a question the model no longer asks stays stored but out of the form.
		if (c && a.question < c.answers.length) c.answers[a.question] = a.text;
	}
	if (withSelf) {
		for (const a of s.selves.all(row.id)) {
			const c = byCriterion.get(a.criterion_id);
			if (c) c.self = { band: a.band, reason: a.reason };
		}
	}
	return { ...headOf(row), doc };
}

function headOf(row: AccountRow): Omit<SavedAccount, 'doc'> {
	return {
		id: row.id,
		status: row.status,
		version: row.version,
		extendedTo: row.extended_to,
		submittedAt: row.submitted_at,
		receiptSha256: row.receipt_sha256,
		pdfSha256: row.pdf_sha256,
		pdfWithoutSelfSha256: row.pdf_without_self_sha256,
		updatedAt: row.updated_at
	};
}

// The answer and self-assessment rows as each account's last save wrote them.
const lastRows = writtenRows();

/**
 * Writes the document as the next version and keeps it as a revision. Call inside a transaction
 * (`saveAccount`, or submit's); null, having written nothing, when `baseVersion` is not the saved
 * version or the account is no longer a draft.
 */
export function writeAccount(entryId: number, userId: number, baseVersion: number, doc: AccountDoc, now: number): { id: number; version: number; rows: RowKeys } | null {
	const s = statements();
	let saved: { id: number; version: number } | undefined;
	if (baseVersion === 0) {
		const result = s.create.run(entryId, doc.introduction, userId, now);
		if (result.changes === 1) saved = { id: Number(result.lastInsertRowid), version: 1 };
	} else {
		saved = s.update.get(doc.introduction, userId, now, entryId, baseVersion);
	}
	if (!saved) return null;
	const before = lastRows.at(db().$client, saved.id, baseVersion);
	const rows: RowKeys = new Map();
	for (const c of doc.criteria) {
		c.answers.forEach((text, question) => {
			const key = `${c.criterionId}.${question}`;
			rows.set(key, text);
			if (before?.get(key) !== text) s.answer.run(saved.id, c.criterionId, question, text);
		});
		// A criterion's self-assessment: its band and reason, or none.
		const self = c.self ? `${c.self.band}\u0000${c.self.reason}` : '';
		rows.set(c.criterionId, self);
		if (before?.get(c.criterionId) === self) continue;
		if (c.self) s.self.run(saved.id, c.criterionId, c.self.band, c.self.reason);
		else s.noSelf.run(saved.id, c.criterionId);
	}
	s.revision.run(saved.id, saved.version, JSON.stringify(doc), userId, now);
	return { ...saved, rows };
}

/** One autosave by one of the unit's contacts: the whole document on top of `baseVersion`, in one transaction. */
export function saveAccount(writer: AccountReader, userId: number, baseVersion: number, doc: AccountDoc, shape: AccountShape[]): AccountWritten {
	const now = Date.now();
	const saved = statements().save(writer.entry.id, userId, baseVersion, doc, now);
	if (saved) {
		lastRows.remember(db().$client, saved.id, saved.version, saved.rows);
		return { ok: true, id: saved.id, version: saved.version, savedAt: now };
	}
	const current = readAccount(writer, shape);
	return { ok: false, reason: current?.status === 'submitted' ? 'submitted' : 'conflict', current };
}

/** A file handed in with the account (./attachments.ts adds and removes them). */
export interface Attachment {
	id: number;
	fileName: string;
	sha256: string;
	size: number;
	mediaType: (typeof table.ATTACHMENT_TYPES)[number];
}

/** The account's attachments in the order they were added. */
export function listAttachments(accountId: number): Attachment[] {
	return db()
		.select({ id: table.accountAttachment.id, fileName: table.accountAttachment.fileName, sha256: table.accountAttachment.sha256, size: table.accountAttachment.size, mediaType: table.accountAttachment.mediaType })
		.from(table.accountAttachment)
		.where(eq(table.accountAttachment.accountId, accountId))
		.orderBy(asc(table.accountAttachment.id))
		.all();
}
