/**
 * The team's consensus and site visit (docs/assessing.md#3-consensus), written by the lead:
 * versioned like an assessment, every change in the audit log with the fields before and after.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import type { EntryAccess } from '../access/guards';
import { teamAssessments, type TeamAssessment } from '../scoring/assessments';
import {
	consensusDifferences,
	consensusStart,
	criterionSpread,
	hasPoint,
	isComplete,
	mergePoints,
	missingCriteria,
	type ConsensusDoc,
	type CriterionSpread,
	fieldKey,
	parseListButton
} from '$lib/domain/scoring';

export interface SavedConsensus {
	id: number;
	status: 'draft' | 'done';
	version: number;
	doc: ConsensusDoc;
	updatedAt: number;
}

/** The entry's consensus with its site visit, every criterion of the cycle in order, or null. */
export function readConsensus(q: Queryable, entryId: number, criterionIds: number[]): SavedConsensus | null {
	const row = q.select().from(table.consensus).where(eq(table.consensus.entryId, entryId)).get();
	if (!row) return null;
	const scores = new Map(
		q.select().from(table.consensusScore).where(eq(table.consensusScore.consensusId, row.id)).all().map((s) => [s.criterionId, s])
	);
	const visit = q.select().from(table.siteVisit).where(eq(table.siteVisit.entryId, entryId)).get();
	return {
		id: row.id,
		status: row.status,
		version: row.version,
		updatedAt: row.updatedAt.getTime(),
		doc: {
			summary: row.summary,
			recommendFinalist: row.recommendFinalist,
			criteria: criterionIds.map((criterionId) => {
				const s = scores.get(criterionId);
				return { criterionId, score: s?.score ?? null, strengths: s?.strengths ?? [], improvements: s?.improvements ?? [] };
			}),
			siteVisit: { date: visit?.visitDate ?? null, participants: visit?.participants ?? '', findings: visit?.findings ?? '' }
		}
	};
}

export interface CriterionTeamView {
	criterionId: number;
	scores: { userId: number; score: number | null }[];
	spread: CriterionSpread;
	strengths: string[];
	improvements: string[];
}

/** Per criterion the team's submitted scores with mean and spread, and their points merged. */
export function teamView(team: TeamAssessment[], criterionIds: number[], threshold: number): CriterionTeamView[] {
	const submitted = team.filter((t) => t.doc !== null);
	return criterionIds.map((criterionId) => {
		const works = submitted.map((t) => ({ userId: t.userId, work: t.doc!.criteria.find((c) => c.criterionId === criterionId) }));
		const scores = works.map((w) => ({ userId: w.userId, score: w.work?.score ?? null }));
		return {
			criterionId,
			scores,
			spread: criterionSpread(scores.map((s) => s.score).filter((s): s is number => s !== null), threshold),
			strengths: mergePoints(works.map((w) => w.work?.strengths ?? [])),
			improvements: mergePoints(works.map((w) => w.work?.improvements ?? []))
		};
	});
}

/** What the lead starts from before the first save: the team's points merged, the team as participants. */
export function startingConsensus(team: TeamAssessment[], criterionIds: number[]): ConsensusDoc {
	return {
		summary: '',
		recommendFinalist: null,
		criteria: consensusStart(criterionIds, team.filter((t) => t.doc !== null).map((t) => t.doc!)),
		siteVisit: { date: null, participants: team.map((t) => t.name).join(', '), findings: '' }
	};
}

/** The consensus page's data for the lead: the team's work, and the consensus as saved or to start from. */
export function consensusPage(access: EntryAccess) {
	const criterionIds = access.criterionIds;
	const team = teamAssessments(access.entry.id, criterionIds);
	const saved = readConsensus(db(), access.entry.id, criterionIds);
	return {
		team: team.map(({ doc: _doc, ...t }) => t),
		teamView: teamView(team, criterionIds, access.cycle.divergenceThreshold),
		consensus: saved ?? { id: 0, status: 'draft' as const, version: 0, doc: startingConsensus(team, criterionIds), updatedAt: 0 }
	};
}

/** The changed fields only, before and after, for the audit log. */
function changes(before: ConsensusDoc, after: ConsensusDoc) {
	const diff = consensusDifferences(after, before);
	return {
		before: Object.fromEntries(diff.map((d) => [fieldKey(d.field), d.theirs])),
		after: Object.fromEntries(diff.map((d) => [fieldKey(d.field), d.mine])),
		count: diff.length
	};
}

function writeDoc(tx: Queryable, consensusId: number, entryId: number, doc: ConsensusDoc, now: Date) {
	for (const c of doc.criteria) {
		tx.insert(table.consensusScore)
			.values({ consensusId, criterionId: c.criterionId, score: c.score, strengths: c.strengths, improvements: c.improvements })
			.onConflictDoUpdate({
				target: [table.consensusScore.consensusId, table.consensusScore.criterionId],
				set: { score: c.score, strengths: c.strengths, improvements: c.improvements }
			})
			.run();
	}
	const visit = { visitDate: doc.siteVisit.date, participants: doc.siteVisit.participants, findings: doc.siteVisit.findings, updatedAt: now };
	tx.insert(table.siteVisit).values({ entryId, ...visit }).onConflictDoUpdate({ target: table.siteVisit.entryId, set: visit }).run();
}

export type ConsensusOutcome =
	| { ok: true; version: number; savedAt: number; status: 'draft' | 'done' }
	| { ok: false; reason: 'conflict' | 'done'; current: SavedConsensus | null };

export type DoneOutcome = ConsensusOutcome | { ok: false; reason: 'incomplete'; missing: number[] };

/** Saves the lead's consensus on top of `baseVersion`: one transaction, audited with the fields that changed. */
export function saveConsensus(access: EntryAccess, baseVersion: number, doc: ConsensusDoc): ConsensusOutcome {
	return writeConsensus(access, baseVersion, doc, false);
}

/** Saves the consensus and marks it done, when every criterion is agreed. */
export function markConsensusDone(access: EntryAccess, baseVersion: number, doc: ConsensusDoc): DoneOutcome {
	const { criterionIds } = access;
	if (!isComplete(criterionIds, doc.criteria)) return { ok: false, reason: 'incomplete', missing: missingCriteria(criterionIds, doc.criteria) };
	return writeConsensus(access, baseVersion, doc, true);
}

function writeConsensus(access: EntryAccess, baseVersion: number, doc: ConsensusDoc, markDone: boolean): ConsensusOutcome {
	const { criterionIds } = access;
	const entryId = access.entry.id;
	const now = new Date();
	return db().transaction((tx): ConsensusOutcome => {
		const current = readConsensus(tx, entryId, criterionIds);
		if (current?.status === 'done') return { ok: false, reason: 'done', current };
		if ((current?.version ?? 0) !== baseVersion) return { ok: false, reason: 'conflict', current };
		const before = current?.doc ?? startingConsensus([], criterionIds);
		const diff = changes(before, doc);
		const status: 'draft' | 'done' = markDone ? 'done' : 'draft';
		if (current && diff.count === 0 && !markDone) return { ok: true, version: current.version, savedAt: current.updatedAt, status };
		const values = { summary: doc.summary, recommendFinalist: doc.recommendFinalist, status, updatedBy: access.user.id, updatedAt: now };
		const saved = current
			? tx
					.update(table.consensus)
					.set({ ...values, version: current.version + 1 })
					.where(and(eq(table.consensus.id, current.id), eq(table.consensus.version, baseVersion)))
					.returning({ id: table.consensus.id, version: table.consensus.version })
					.get()
			: tx.insert(table.consensus).values({ entryId, ...values, version: 1 }).returning({ id: table.consensus.id, version: table.consensus.version }).get();
		writeDoc(tx, saved.id, entryId, doc, now);
		appendAudit(tx, {
			actorId: access.user.id,
			cycleId: access.cycle.id,
			action: markDone ? 'consensus.done' : 'consensus.save',
			entityType: 'consensus',
			entityId: saved.id,
			before: { version: current?.version ?? 0, status: current?.status ?? null, ...diff.before },
			after: { version: saved.version, status, ...diff.after }
		});
		return { ok: true, version: saved.version, savedAt: now.getTime(), status };
	});
}

export type ConsensusReopenOutcome = { ok: true } | { ok: false; reason: 'notDone' };

/** The lead makes a done consensus editable again; the reason is logged. */
export function reopenConsensus(access: EntryAccess, reason: string): ConsensusReopenOutcome {
	return db().transaction((tx) => {
		const row = tx.select().from(table.consensus).where(eq(table.consensus.entryId, access.entry.id)).get();
		if (!row || row.status !== 'done') return { ok: false, reason: 'notDone' } as const;
		tx.update(table.consensus)
			.set({ status: 'draft', version: row.version + 1, updatedBy: access.user.id, updatedAt: new Date() })
			.where(eq(table.consensus.id, row.id))
			.run();
		appendAudit(tx, {
			actorId: access.user.id,
			cycleId: access.cycle.id,
			action: 'consensus.reopen',
			entityType: 'consensus',
			entityId: row.id,
			before: { status: 'done', version: row.version },
			after: { status: 'draft', version: row.version + 1 },
			reason
		});
		return { ok: true } as const;
	});
}

/** A "Lägg till" button of the team's points posted without JavaScript: "criteria.12.strengths.use.3". */
export function addTeamPoint(doc: ConsensusDoc, op: string, view: CriterionTeamView[]): void {
	const button = parseListButton(op);
	if (button?.op !== 'use') return;
	const point = view.find((v) => v.criterionId === button.criterionId)?.[button.list][button.index];
	const target = doc.criteria.find((c) => c.criterionId === button.criterionId);
	if (point && target && !hasPoint(target[button.list], point)) target[button.list] = [...target[button.list], point];
}
