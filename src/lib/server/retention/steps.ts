/**
 * What each kind of record in `RETENTION_KINDS` does to one cycle: how much it would touch now,
 * and the change itself. `apply` runs inside the run's transaction for the step and returns how
 * many it touched; run again on a finished cycle it finds nothing, so a step can never do harm twice.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';
import type { AssessmentDoc } from '$lib/domain/scoring';
import { pseudonymDecision, type PersonFacts, type RetentionKindName } from '$lib/domain/retention';
import { cyclePeopleFacts, pseudonymiseContacts, pseudonymiseProposals, pseudonymiseUsers } from './people';

export interface CycleRef {
	id: number;
	year: number;
}

export interface RetentionStepWork {
	/** What the step would remove or pseudonymise if it ran now. */
	pending(q: Queryable, cycle: CycleRef): number;
	apply(q: Queryable, cycle: CycleRef): { count: number; detail?: Record<string, unknown> };
}

const cycleAssessments = (cycleId: number) => sql`SELECT a.id FROM assessment a JOIN entry e ON e.id = a.entry_id WHERE e.cycle_id = ${cycleId}`;

// A kept revision holds the notes as they were saved; the note must leave it too.
const revisionHasNotes = sql`(json_extract(r.snapshot, '$.notes') <> ''
	OR EXISTS (SELECT 1 FROM json_each(r.snapshot, '$.criteria') c WHERE json_extract(c.value, '$.notes') <> ''))`;

/** Assessments of the cycle that hold a private note anywhere: on the whole, per criterion, or in a kept revision. */
function assessmentsWithNotes(q: Queryable, cycleId: number): number[] {
	return q
		.all<{ id: number }>(sql`
			SELECT a.id FROM assessment a JOIN entry e ON e.id = a.entry_id
			WHERE e.cycle_id = ${cycleId} AND (a.notes <> ''
				OR EXISTS (SELECT 1 FROM assessment_score s WHERE s.assessment_id = a.id AND s.notes <> '')
				OR EXISTS (SELECT 1 FROM assessment_revision r WHERE r.assessment_id = a.id AND ${revisionHasNotes}))`)
		.map((r) => r.id);
}

const withoutNotes = (doc: AssessmentDoc): AssessmentDoc => ({ ...doc, notes: '', criteria: doc.criteria.map((c) => ({ ...c, notes: '' })) });

const privateNotes: RetentionStepWork = {
	pending: (q, cycle) => assessmentsWithNotes(q, cycle.id).length,
	apply(q, cycle) {
		const count = assessmentsWithNotes(q, cycle.id).length;
		q.run(sql`UPDATE assessment SET notes = '' WHERE notes <> '' AND id IN (${cycleAssessments(cycle.id)})`);
		q.run(sql`UPDATE assessment_score SET notes = '' WHERE notes <> '' AND assessment_id IN (${cycleAssessments(cycle.id)})`);
		const revisions = q.all<{ id: number; snapshot: string }>(
			sql`SELECT r.id, r.snapshot FROM assessment_revision r WHERE r.assessment_id IN (${cycleAssessments(cycle.id)}) AND ${revisionHasNotes}`
		);
		for (const r of revisions) {
			q.run(sql`UPDATE assessment_revision SET snapshot = ${JSON.stringify(withoutNotes(JSON.parse(r.snapshot)))} WHERE id = ${r.id}`);
		}
		return { count };
	}
};

const cycleAccounts = (cycleId: number) => sql`SELECT a.id FROM account a JOIN entry e ON e.id = a.entry_id WHERE e.cycle_id = ${cycleId}`;
const cycleReports = (cycleId: number) => sql`SELECT r.id FROM feedback_report r JOIN entry e ON e.id = r.entry_id WHERE e.cycle_id = ${cycleId}`;

/**
 * Deleting a cycle's draft revisions of one kind of document: every saved state but each
 * document's last, which is what was submitted or released (or, never handed in, where it stopped).
 */
function draftRevisionStep(revisions: string, documentColumn: string, cycleDocuments: (cycleId: number) => SQL): RetentionStepWork {
	const [t, d] = [sql.identifier(revisions), sql.identifier(documentColumn)];
	const drafts = (cycleId: number) => sql`
		FROM ${t} WHERE ${d} IN (${cycleDocuments(cycleId)})
		AND id NOT IN (SELECT max(id) FROM ${t} WHERE ${d} IN (${cycleDocuments(cycleId)}) GROUP BY ${d})`;
	return {
		pending: (q, cycle) => q.get<{ n: number }>(sql`SELECT count(*) AS n ${drafts(cycle.id)}`)!.n,
		apply: (q, cycle) => ({ count: q.run(sql`DELETE ${drafts(cycle.id)}`).changes })
	};
}

const assessmentDrafts = draftRevisionStep('assessment_revision', 'assessment_id', cycleAssessments);
const accountDrafts = draftRevisionStep('account_revision', 'account_id', cycleAccounts);
const reportDrafts = draftRevisionStep('feedback_report_revision', 'report_id', cycleReports);

/** The cycle's people whom the domain lets the step pseudonymise. */
function dueForPseudonym(q: Queryable, cycle: CycleRef) {
	const facts = cyclePeopleFacts(q, cycle.id);
	const due = (people: Map<number, PersonFacts>) => [...people].filter(([, f]) => pseudonymDecision(f, cycle.year) === 'pseudonymise').map(([id]) => id);
	return { userIds: due(facts.users), contactIds: due(facts.contacts), proposalIds: due(facts.proposals) };
}

const personalData: RetentionStepWork = {
	pending(q, cycle) {
		const due = dueForPseudonym(q, cycle);
		return due.userIds.length + due.contactIds.length + due.proposalIds.length;
	},
	apply(q, cycle) {
		const due = dueForPseudonym(q, cycle);
		const userIds = pseudonymiseUsers(q, due.userIds);
		const contactIds = pseudonymiseContacts(q, due.contactIds);
		const proposalIds = pseudonymiseProposals(q, due.proposalIds);
		// Ids, never names: the audit entry must not carry what it records the removal of.
		return { count: userIds.length + contactIds.length + proposalIds.length, detail: { userIds, contactIds, proposalIds } };
	}
};

export const RETENTION_STEP_WORK: Record<RetentionKindName, RetentionStepWork> = { privateNotes, assessmentDrafts, accountDrafts, reportDrafts, personalData };
