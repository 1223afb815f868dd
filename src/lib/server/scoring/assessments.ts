/**
 * Individual assessment (docs/assessing.md#1-individual-assessment): what the scoring page shows,
 * submitting, reopening and the kept versions. Independence lives here: a teammate's work is read
 * only through `teamAssessments`, and only for someone `mayReadTeamWork` lets see it.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { mayWrite, type EntryAccess } from '../access/guards';
import { emptyAssessment, readAssessment, writeAssessment, type SavedAssessment } from './save';
import { bandTextsOf } from '$lib/domain/default-model';
import { listedVersions } from '$lib/domain/version-list';
import { may } from '$lib/domain/permissions';
import { isComplete, isWritable, mayReadTeamWork, missingCriteria, type AssessmentDoc } from '$lib/domain/scoring';

/** Everything the scoring page shows; a teammate's work only when `mayReadTeamWork`. */
export function scoringPage(access: EntryAccess) {
	const criteria = cycleCriteria(access.cycle.id);
	const criterionIds = criteria.map((c) => c.id);
	const own = ownAssessment(access.entry.id, access.user.id, criterionIds);
	const phaseOpen = mayWrite(access);
	const team = mayReadTeamWork(access.viewer, access.facts)
		? teamAssessments(access.entry.id, criterionIds).filter((t) => t.userId !== access.user.id)
		: null;
	return {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		cycle: {
			name: access.cycle.name,
			phase: access.cycle.phase,
			scaleStep: access.cycle.scaleStep,
			assessmentDue: access.cycle.assessmentDue
		},
		criteria,
		assessment: {
			version: own.version,
			status: own.status,
			doc: own.doc,
			submittedAt: own.submittedAt,
			updatedAt: own.updatedAt,
			reopenReason: own.id && own.status === 'draft' ? lastReopenReason(own.id) : null
		},
		phaseOpen,
		writable: isWritable({ mayWrite: phaseOpen, status: own.status }),
		isLead: access.facts.isLead,
		revisions: own.id && own.status === 'draft' ? listRevisions(own.id) : [],
		team
	};
}

export interface CriterionView {
	id: number;
	key: string;
	titleSv: string;
	titleEn: string;
	kind: 'approach' | 'results';
	weight: number;
	guidance: string;
	questions: string[];
	bandTexts: string[];
}

/** The cycle's criteria with everything the examiner reads beside the score. */
export function cycleCriteria(cycleId: number): CriterionView[] {
	return db()
		.select({
			id: table.criterion.id,
			key: table.criterion.key,
			titleSv: table.criterion.titleSv,
			titleEn: table.criterion.titleEn,
			kind: table.criterion.kind,
			weight: table.criterion.weight,
			guidance: table.criterion.guidance,
			questions: table.criterion.questions,
			bandTexts: table.criterion.bandTexts
		})
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(table.criterion.sortOrder, table.criterion.id)
		.all()
		.map((c) => ({ ...c, bandTexts: bandTextsOf(c) }));
}

/** The entry's unit and class names, for headings. */
export function entryNames(entryId: number) {
	return db()
		.select({ unitName: table.unit.name, className: table.awardClass.nameSv, classNameEn: table.awardClass.nameEn })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.id, entryId))
		.get()!;
}

/** The entry's team (published), lead first. */
export function teamMembers(entryId: number) {
	return db()
		.select({ userId: table.user.id, name: table.user.name, isLead: table.teamMember.isLead })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
		.innerJoin(table.user, eq(table.user.id, table.teamMember.userId))
		.where(eq(table.teamEntry.entryId, entryId))
		.orderBy(desc(table.teamMember.isLead), table.user.name)
		.all();
}

export interface TeamAssessment {
	userId: number;
	name: string;
	isLead: boolean;
	status: 'none' | 'draft' | 'submitted';
	submittedAt: number | null;
	/** Submitted work only, without the author's private notes. */
	doc: AssessmentDoc | null;
}

/**
 * Every team member's assessment state, with the submitted ones' scores and points. Callers must
 * have checked `mayReadTeamWork`: this is the one place a teammate's work is read.
 */
export function teamAssessments(entryId: number, criterionIds: number[]): TeamAssessment[] {
	return teamMembers(entryId).map((m) => {
		const saved = readAssessment(entryId, m.userId, criterionIds);
		const submitted = saved?.status === 'submitted';
		return {
			...m,
			status: saved?.status ?? 'none',
			submittedAt: saved?.submittedAt ?? null,
			doc: submitted ? withoutNotes(saved.doc) : null
		};
	});
}

function withoutNotes(doc: AssessmentDoc): AssessmentDoc {
	return { notes: '', criteria: doc.criteria.map((c) => ({ ...c, notes: '' })) };
}

/** The examiner's own assessment, or an empty one at version 0 before the first save. */
export function ownAssessment(entryId: number, examinerId: number, criterionIds: number[]): SavedAssessment {
	return (
		readAssessment(entryId, examinerId, criterionIds) ?? {
			id: 0,
			status: 'draft',
			version: 0,
			doc: emptyAssessment(criterionIds),
			submittedAt: null,
			updatedAt: 0
		}
	);
}

export interface RevisionSummary {
	id: number;
	version: number;
	savedAt: number;
	scored: number;
	characters: number;
}

/** The kept versions of an assessment that its list shows (`listedVersions`), newest first, summarised. */
export function listRevisions(assessmentId: number, now = Date.now()): RevisionSummary[] {
	const all = db()
		.select({ id: table.assessmentRevision.id, version: table.assessmentRevision.version, createdAt: table.assessmentRevision.createdAt })
		.from(table.assessmentRevision)
		.where(eq(table.assessmentRevision.assessmentId, assessmentId))
		.orderBy(desc(table.assessmentRevision.id))
		.all()
		.map((r) => ({ id: r.id, version: r.version, savedAt: r.createdAt.getTime() }));
	const listed = listedVersions(all, now);
	if (listed.length === 0) return [];
	// Only the listed versions' texts are read: a long draft keeps thousands of versions.
	const snapshots = new Map(
		db()
			.select({ id: table.assessmentRevision.id, snapshot: table.assessmentRevision.snapshot })
			.from(table.assessmentRevision)
			.where(inArray(table.assessmentRevision.id, listed.map((r) => r.id)))
			.all()
			.map((r) => [r.id, r.snapshot as AssessmentDoc])
	);
	return listed.map((r) => {
		const doc = snapshots.get(r.id)!;
		const characters = doc.notes.length + doc.criteria.reduce((n, c) => n + c.notes.length + [...c.strengths, ...c.improvements].join('').length, 0);
		return { ...r, scored: doc.criteria.filter((c) => c.score !== null).length, characters };
	});
}

/** A kept version of the examiner's own assessment, or null. */
export function revisionSnapshot(entryId: number, examinerId: number, revisionId: number): { version: number; doc: AssessmentDoc } | null {
	if (!Number.isSafeInteger(revisionId)) return null;
	const row = db()
		.select({ snapshot: table.assessmentRevision.snapshot, version: table.assessmentRevision.version })
		.from(table.assessmentRevision)
		.innerJoin(table.assessment, eq(table.assessment.id, table.assessmentRevision.assessmentId))
		.where(
			and(
				eq(table.assessmentRevision.id, revisionId),
				eq(table.assessment.entryId, entryId),
				eq(table.assessment.examinerId, examinerId)
			)
		)
		.get();
	return row ? { version: row.version, doc: row.snapshot as AssessmentDoc } : null;
}

export type SubmitOutcome =
	| { ok: true; version: number }
	| { ok: false; reason: 'incomplete'; missing: number[] }
	| { ok: false; reason: 'conflict' | 'submitted'; current: SavedAssessment | null };

/**
 * Saves the document on top of `baseVersion` and submits it, in one transaction, if every
 * criterion is scored. The audit entry holds the state before and the scores after.
 */
export function submitAssessment(access: EntryAccess, baseVersion: number, doc: AssessmentDoc): SubmitOutcome {
	const criterionIds = access.criterionIds;
	if (!isComplete(criterionIds, doc.criteria)) return { ok: false, reason: 'incomplete', missing: missingCriteria(criterionIds, doc.criteria) };
	const entryId = access.entry.id;
	const examinerId = access.user.id;
	const now = Date.now();
	const version = db().transaction((tx) => {
		const saved = writeAssessment(entryId, examinerId, baseVersion, doc, now);
		if (!saved) return null;
		tx.update(table.assessment)
			.set({ status: 'submitted', version: saved.version + 1, submittedAt: new Date(now), updatedAt: new Date(now) })
			.where(eq(table.assessment.id, saved.id))
			.run();
		appendAudit(tx, {
			actorId: examinerId,
			cycleId: access.cycle.id,
			action: 'assessment.submit',
			entityType: 'assessment',
			entityId: saved.id,
			before: { status: 'draft', version: saved.version },
			after: { status: 'submitted', version: saved.version + 1, scores: doc.criteria.map((c) => ({ criterionId: c.criterionId, score: c.score })) }
		});
		return saved.version + 1;
	});
	if (version !== null) return { ok: true, version };
	const current = readAssessment(entryId, examinerId, criterionIds);
	return { ok: false, reason: current?.status === 'submitted' ? 'submitted' : 'conflict', current };
}

export type ReopenOutcome = { ok: true; name: string } | { ok: false; reason: 'notSubmitted' | 'notFound' };

/** The lead or the admin makes a submitted assessment a draft again; the reason is logged. */
export function reopenAssessment(access: EntryAccess, examinerId: number, reason: string): ReopenOutcome {
	return db().transaction((tx) => {
		const row = tx
			.select({ id: table.assessment.id, status: table.assessment.status, version: table.assessment.version, submittedAt: table.assessment.submittedAt, name: table.user.name })
			.from(table.assessment)
			.innerJoin(table.user, eq(table.user.id, table.assessment.examinerId))
			.where(and(eq(table.assessment.entryId, access.entry.id), eq(table.assessment.examinerId, examinerId)))
			.get();
		if (!row) return { ok: false, reason: 'notFound' } as const;
		if (row.status !== 'submitted') return { ok: false, reason: 'notSubmitted' } as const;
		tx.update(table.assessment)
			.set({ status: 'draft', version: row.version + 1, submittedAt: null, updatedAt: new Date() })
			.where(eq(table.assessment.id, row.id))
			.run();
		appendAudit(tx, {
			actorId: access.user.id,
			cycleId: access.cycle.id,
			action: 'assessment.reopen',
			entityType: 'assessment',
			entityId: row.id,
			before: { status: 'submitted', version: row.version, submittedAt: row.submittedAt?.getTime() ?? null },
			after: { status: 'draft', version: row.version + 1 },
			reason
		});
		return { ok: true, name: row.name } as const;
	});
}

/** Why the assessment was last reopened, for the examiner to read; null if it never was or is submitted. */
export function lastReopenReason(assessmentId: number): string | null {
	const row = db()
		.select({ reason: table.auditLog.reason })
		.from(table.auditLog)
		.where(and(eq(table.auditLog.entityType, 'assessment'), eq(table.auditLog.entityId, String(assessmentId)), eq(table.auditLog.action, 'assessment.reopen')))
		.orderBy(desc(table.auditLog.id))
		.get();
	return row?.reason ?? null;
}
