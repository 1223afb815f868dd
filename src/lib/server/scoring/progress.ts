/**
 * The admin's view of the assessment work (docs/assessing.md#6-progress): per class, entries ×
 * examiners with the state of each assessment and of each consensus, and who is late against the
 * cycle's dates.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import type { Cycle } from '../cycles/lookup';
import { isLate } from '$lib/domain/scoring';

export type CellStatus = 'none' | 'draft' | 'submitted';
export type ConsensusStatus = 'none' | 'draft' | 'done';

export interface ProgressCell {
	status: CellStatus;
	late: boolean;
	updatedAt: number | null;
}

export interface ProgressEntry {
	entryId: number;
	unitName: string;
	teamName: string | null;
	/** Keyed by examiner id; only the entry's team members have a cell. */
	cells: Record<number, ProgressCell>;
	consensus: { status: ConsensusStatus; late: boolean };
}

export interface ProgressClass {
	id: number;
	nameSv: string;
	nameEn: string;
	examiners: { userId: number; name: string }[];
	entries: ProgressEntry[];
}

/** The matrix for a cycle; `today` is the Stockholm calendar day lateness is judged on. */
export function progressMatrix(cycle: Cycle, today: string) {
	const d = db();
	const classes = d
		.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycle.id))
		.orderBy(table.awardClass.sortOrder, table.awardClass.id)
		.all();
	const entries = d
		.select({ entryId: table.entry.id, classId: table.entry.classId, unitName: table.unit.name, teamId: table.team.id, teamName: table.team.name })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.leftJoin(table.teamEntry, eq(table.teamEntry.entryId, table.entry.id))
		.leftJoin(table.team, and(eq(table.team.id, table.teamEntry.teamId), isNotNull(table.team.publishedAt)))
		.where(and(eq(table.entry.cycleId, cycle.id), eq(table.entry.status, 'registered')))
		.orderBy(table.unit.name)
		.all();
	const members = d
		.select({ teamId: table.teamMember.teamId, userId: table.user.id, name: table.user.name, isLead: table.teamMember.isLead })
		.from(table.teamMember)
		.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
		.innerJoin(table.user, eq(table.user.id, table.teamMember.userId))
		.where(and(eq(table.team.cycleId, cycle.id), isNotNull(table.team.publishedAt)))
		.orderBy(table.team.name, table.user.name)
		.all();
	const assessments = d
		.select({ entryId: table.assessment.entryId, examinerId: table.assessment.examinerId, status: table.assessment.status, updatedAt: table.assessment.updatedAt })
		.from(table.assessment)
		.innerJoin(table.entry, eq(table.entry.id, table.assessment.entryId))
		.where(eq(table.entry.cycleId, cycle.id))
		.all();
	const consensus = d
		.select({ entryId: table.consensus.entryId, status: table.consensus.status })
		.from(table.consensus)
		.innerJoin(table.entry, eq(table.entry.id, table.consensus.entryId))
		.where(eq(table.entry.cycleId, cycle.id))
		.all();

	const assessmentOf = new Map(assessments.map((a) => [`${a.entryId}:${a.examinerId}`, a]));
	const consensusOf = new Map(consensus.map((c) => [c.entryId, c.status]));
	const teamOf = (teamId: number | null) => (teamId === null ? [] : members.filter((m) => m.teamId === teamId));

	const result: ProgressClass[] = classes.map((c) => {
		const inClass = entries.filter((e) => e.classId === c.id);
		const examiners = new Map<number, string>();
		for (const e of inClass) for (const m of teamOf(e.teamId)) examiners.set(m.userId, m.name);
		return {
			...c,
			examiners: [...examiners].map(([userId, name]) => ({ userId, name })),
			entries: inClass.map((e) => {
				const cells: Record<number, ProgressCell> = {};
				for (const m of teamOf(e.teamId)) {
					const a = assessmentOf.get(`${e.entryId}:${m.userId}`);
					const status: CellStatus = a?.status ?? 'none';
					cells[m.userId] = { status, late: isLate(today, cycle.assessmentDue, status === 'submitted'), updatedAt: a?.updatedAt.getTime() ?? null };
				}
				const cs: ConsensusStatus = consensusOf.get(e.entryId) ?? 'none';
				return {
					entryId: e.entryId,
					unitName: e.unitName,
					teamName: e.teamId === null ? null : e.teamName,
					cells,
					consensus: { status: cs, late: e.teamId !== null && isLate(today, cycle.consensusDue, cs === 'done') }
				};
			})
		};
	});

	const cells = result.flatMap((c) => c.entries.flatMap((e) => Object.values(e.cells)));
	const withTeam = result.flatMap((c) => c.entries.filter((e) => e.teamName !== null));
	return {
		classes: result,
		totals: {
			assessments: cells.length,
			submitted: cells.filter((x) => x.status === 'submitted').length,
			late: cells.filter((x) => x.late).length + withTeam.filter((e) => e.consensus.late).length,
			entries: withTeam.length,
			consensusDone: withTeam.filter((e) => e.consensus.status === 'done').length
		}
	};
}
