/** Reads what a feedback report is built from: the entry, its consensus, team and the jury's word. */
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import type { ReportSource } from '../../domain/feedback';
import { entrySelfAssessments } from '../account/self';
import { earlierReport } from './earlier';

export function loadReportSource(q: Queryable, entryId: number): ReportSource | null {
	const row = q
		.select({
			entry: table.entry,
			cycle: table.cycle,
			unitName: table.unit.name,
			organisation: table.organisation.name,
			classSv: table.awardClass.nameSv,
			classEn: table.awardClass.nameEn
		})
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.id, entryId))
		.get();
	if (!row) return null;
	const { cycle } = row;

	const criteria = q
		.select()
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycle.id))
		.orderBy(asc(table.criterion.sortOrder), asc(table.criterion.id))
		.all();
	const consensus = q.select().from(table.consensus).where(eq(table.consensus.entryId, entryId)).get();
	const scores = consensus
		? q.select().from(table.consensusScore).where(eq(table.consensusScore.consensusId, consensus.id)).all()
		: [];
	const keyOf = new Map(criteria.map((c) => [c.id, c.key]));

	const team = q
		.select({ name: table.user.name, lead: table.teamMember.isLead })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
		.innerJoin(table.user, eq(table.user.id, table.teamMember.userId))
		.where(and(eq(table.teamEntry.entryId, entryId), isNotNull(table.team.publishedAt)))
		.orderBy(desc(table.teamMember.isLead), asc(table.user.name))
		.all();

	const decision = q
		.select({ outcome: table.decision.outcome, citation: table.decision.citation })
		.from(table.decision)
		.where(eq(table.decision.entryId, entryId))
		.get();
	const noAward = q
		.select({ citation: table.decision.citation })
		.from(table.decision)
		.where(and(eq(table.decision.classId, row.entry.classId), isNull(table.decision.entryId), eq(table.decision.outcome, 'none')))
		.get();

	// The unit's own view would anchor whoever reads the report before the team has agreed.
	const self = consensus?.status === 'done' ? entrySelfAssessments(q, entryId) : new Map();
	const earlier = earlierReport(q, row.entry.unitId, cycle.year);

	return {
		cycle: { year: cycle.year, name: cycle.name, scoresInFeedback: cycle.scoresInFeedback, decisionsClosed: cycle.decisionsClosedAt !== null },
		unit: { name: row.unitName, organisation: row.organisation },
		awardClass: { sv: row.classSv, en: row.classEn },
		criteria: criteria.map((c) => ({ key: c.key, titleSv: c.titleSv, titleEn: c.titleEn, kind: c.kind, bandTexts: c.bandTexts })),
		consensus: consensus
			? {
					summary: consensus.summary,
					scores: Object.fromEntries(
						scores
							.filter((s) => keyOf.has(s.criterionId))
							.map((s) => [keyOf.get(s.criterionId)!, { score: s.score, strengths: s.strengths, improvements: s.improvements }])
					)
				}
			: null,
		team,
		decision: decision && decision.outcome !== 'none' ? { outcome: decision.outcome, citation: decision.citation } : null,
		classNoAward: noAward?.citation ?? null,
		self: self.size > 0 ? Object.fromEntries(criteria.filter((c) => self.has(c.id)).map((c) => [c.key, self.get(c.id)!])) : null,
		previous: earlier && {
			year: earlier.year,
			bands: Object.fromEntries(earlier.content.criteria.map((c) => [c.key, c.band]))
		}
	};
}
