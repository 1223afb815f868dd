/**
 * The autosave path: hit every second or so by every examiner at work, so it runs on prepared
 * statements (one set per database connection) and writes in one transaction with no read
 * beyond what the version check needs. A save names the version it is based on; a save based on
 * an older version changes nothing and answers with what is saved now, for the conflict view.
 */
import type Database from 'better-sqlite3';
import { db } from '../db';
import { writtenRows, type RowKeys } from '../db/written-rows';
import type { AssessmentDoc, CriterionWork } from '$lib/domain/scoring';

export type AssessmentStatus = 'draft' | 'submitted';

export interface SavedAssessment {
	id: number;
	status: AssessmentStatus;
	version: number;
	doc: AssessmentDoc;
	submittedAt: number | null;
	updatedAt: number;
}

export type SaveOutcome =
	| { ok: true; id: number; version: number; savedAt: number }
	| { ok: false; reason: 'conflict' | 'submitted'; current: SavedAssessment | null };

interface AssessmentRow {
	id: number;
	status: AssessmentStatus;
	version: number;
	notes: string;
	submitted_at: number | null;
	updated_at: number;
}

function prepare(client: Database.Database) {
	return {
		create: client.prepare<[number, number, string, number, number]>(
			`INSERT INTO assessment (entry_id, examiner_id, status, notes, version, updated_at, created_at)
			 VALUES (?, ?, 'draft', ?, 1, ?, ?) ON CONFLICT (entry_id, examiner_id) DO NOTHING`
		),
		update: client.prepare<[string, number, number, number, number], { id: number; version: number }>(
			`UPDATE assessment SET notes = ?, version = version + 1, updated_at = ?
			 WHERE entry_id = ? AND examiner_id = ? AND version = ? AND status = 'draft' RETURNING id, version`
		),
		upsertScore: client.prepare<[number, number, number | null, string, string, string]>(
			`INSERT INTO assessment_score (assessment_id, criterion_id, score, strengths, improvements, notes) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (assessment_id, criterion_id) DO UPDATE SET score = excluded.score, strengths = excluded.strengths,
			 improvements = excluded.improvements, notes = excluded.notes`
		),
		revision: client.prepare<[number, number, string, number, number]>(
			'INSERT INTO assessment_revision (assessment_id, version, snapshot, saved_by, created_at) VALUES (?, ?, ?, ?, ?)'
		),
		read: client.prepare<[number, number], AssessmentRow>(
			'SELECT id, status, version, notes, submitted_at, updated_at FROM assessment WHERE entry_id = ? AND examiner_id = ?'
		),
		scores: client.prepare<[number], { criterion_id: number; score: number | null; strengths: string; improvements: string; notes: string }>(
			'SELECT criterion_id, score, strengths, improvements, notes FROM assessment_score WHERE assessment_id = ?'
		),
		save: client.transaction(writeAssessment)
	};
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statements() {
	const client = db().$client;
	let s = cache.get(client);
	if (!s) {
		s = prepare(client);
		cache.set(client, s);
	}
	return s;
}

const emptyWork = (criterionId: number): CriterionWork => ({ criterionId, score: null, strengths: [], improvements: [], notes: '' });

/** An examiner's saved assessment of an entry, every criterion of the cycle in order, or null. */
export function readAssessment(entryId: number, examinerId: number, criterionIds: number[]): SavedAssessment | null {
	const s = statements();
	const row = s.read.get(entryId, examinerId);
	if (!row) return null;
	const byCriterion = new Map(s.scores.all(row.id).map((r) => [r.criterion_id, r]));
	const criteria = criterionIds.map((id): CriterionWork => {
		const r = byCriterion.get(id);
		return r
			? { criterionId: id, score: r.score, strengths: JSON.parse(r.strengths), improvements: JSON.parse(r.improvements), notes: r.notes }
			: emptyWork(id);
	});
	return {
		id: row.id,
		status: row.status,
		version: row.version,
		doc: { notes: row.notes, criteria },
		submittedAt: row.submitted_at,
		updatedAt: row.updated_at
	};
}

/** The document an examiner starts from before anything is saved. */
export function emptyAssessment(criterionIds: number[]): AssessmentDoc {
	return { notes: '', criteria: criterionIds.map(emptyWork) };
}

// The criteria rows as each assessment's last save wrote them.
const lastRows = writtenRows();

export interface Written {
	id: number;
	version: number;
	rows: RowKeys;
}

/**
 * Writes the document as the next version and keeps it as a revision. Call inside a transaction
 * (`saveAssessment`, or submit's); returns null, having written nothing, when `baseVersion` is not
 * the saved version or the assessment is no longer a draft.
 */
export function writeAssessment(entryId: number, examinerId: number, baseVersion: number, doc: AssessmentDoc, now: number): Written | null {
	const s = statements();
	let saved: { id: number; version: number } | undefined;
	if (baseVersion === 0) {
		const result = s.create.run(entryId, examinerId, doc.notes, now, now);
		if (result.changes === 1) saved = { id: Number(result.lastInsertRowid), version: 1 };
	} else {
		saved = s.update.get(doc.notes, now, entryId, examinerId, baseVersion);
	}
	if (!saved) return null;
	const before = lastRows.at(db().$client, saved.id, baseVersion);
	const rows: RowKeys = new Map();
	for (const c of doc.criteria) {
		const strengths = JSON.stringify(c.strengths);
		const improvements = JSON.stringify(c.improvements);
		const key = `${c.score}\u0000${strengths}\u0000${improvements}\u0000${c.notes}`;
		rows.set(c.criterionId, key);
		if (before?.get(c.criterionId) !== key) s.upsertScore.run(saved.id, c.criterionId, c.score, strengths, improvements, c.notes);
	}
	s.revision.run(saved.id, saved.version, JSON.stringify(doc), examinerId, now);
	return { ...saved, rows };
}

/** One autosave: the whole document on top of `baseVersion`, in one transaction. */
export function saveAssessment(entryId: number, examinerId: number, baseVersion: number, doc: AssessmentDoc): SaveOutcome {
	const now = Date.now();
	const saved = statements().save(entryId, examinerId, baseVersion, doc, now);
	if (saved) {
		lastRows.remember(db().$client, saved.id, saved.version, saved.rows);
		return { ok: true, id: saved.id, version: saved.version, savedAt: now };
	}
	const current = readAssessment(entryId, examinerId, doc.criteria.map((c) => c.criterionId));
	return { ok: false, reason: current?.status === 'submitted' ? 'submitted' : 'conflict', current };
}
