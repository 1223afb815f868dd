/** What each role's home page shows: where the cycle stands and what this person should do next. */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import type { Cycle } from '../cycles/lookup';
import { admittedEntryIds } from '../eligibility/eligibility';
import { conflictedEntryIds } from '../access/entry-facts';
import { finalistRows } from '../jury/jury';
import { selectTeamEntries } from '../assignment/team-entries';
import { classNames } from '../registry/entry-names';
import { snapshotAccountColumns } from '../account/state';
import type { AssessmentState } from '$lib/domain/scoring';
import { withoutBarred, type Barred } from '$lib/domain/entry-state';
import { unitYearSteps, entrySnapshot } from '$lib/domain/registration';
import { stockholmDay } from '$lib/domain/dates';
import { entryProgress, type EntryWork } from '$lib/domain/next-step';

export function adminOverview(cycle: Cycle) {
	const d = db();
	const countWhere = <T extends Parameters<ReturnType<typeof d.select>['from']>[0]>(from: T, where: ReturnType<typeof eq>) =>
		d.select({ n: count() }).from(from).where(where).get()?.n ?? 0;
	const entries = countWhere(table.entry, and(eq(table.entry.cycleId, cycle.id), eq(table.entry.status, 'registered'))!);
	const examiners = countWhere(table.examinerProfile, eq(table.examinerProfile.cycleId, cycle.id));
	const jury = d
		.select({ n: count() })
		.from(table.cycleRole)
		.where(and(eq(table.cycleRole.cycleId, cycle.id), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.get()?.n ?? 0;
	const submitted = d
		.select({ n: count() })
		.from(table.assessment)
		.innerJoin(table.entry, eq(table.entry.id, table.assessment.entryId))
		.where(and(eq(table.entry.cycleId, cycle.id), eq(table.assessment.status, 'submitted')))
		.get()?.n ?? 0;
	const consensusDone = d
		.select({ n: count() })
		.from(table.consensus)
		.innerJoin(table.entry, eq(table.entry.id, table.consensus.entryId))
		.where(and(eq(table.entry.cycleId, cycle.id), eq(table.consensus.status, 'done')))
		.get()?.n ?? 0;
	const admitted = admittedEntryIds(cycle.id).length;
	return { entries, admitted, examiners, jury, submitted, consensusDone };
}

/**
 * The entries on the examiner's published teams, each with where its team stands (`entryProgress`):
 * their own assessment, how many of the team have submitted, the consensus, the site visit and the
 * feedback report.
 */
export function examinerWork(userId: number, cycle: Cycle) {
	const submittedOfTeam = sql<number>`(select count(*) from ${table.assessment} a
		join ${table.teamMember} tm on tm.user_id = a.examiner_id and tm.team_id = ${table.team.id}
		where a.entry_id = ${table.entry.id} and a.status = 'submitted')`;
	const teamSize = sql<number>`(select count(*) from ${table.teamMember} tm where tm.team_id = ${table.team.id})`;
	const rows = selectTeamEntries(db(), { userId, cycleId: cycle.id }, {
		teamName: table.team.name,
		isLead: table.teamMember.isLead,
		own: table.assessment.status,
		teamSubmitted: submittedOfTeam,
		teamSize,
		consensus: table.consensus.status,
		visitDate: table.siteVisit.visitDate,
		report: table.feedbackReport.status
	})
		.leftJoin(table.assessment, and(eq(table.assessment.entryId, table.entry.id), eq(table.assessment.examinerId, userId)))
		.leftJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
		.leftJoin(table.siteVisit, eq(table.siteVisit.entryId, table.entry.id))
		.leftJoin(table.feedbackReport, eq(table.feedbackReport.entryId, table.entry.id))
		.orderBy(table.team.name, table.unit.name)
		.all();
	// A conflict declared after the teams were published hides the entry here too, until the admin re-staffs it.
	const barred = conflictedEntryIds(userId, cycle.id);
	return rows
		.filter((r) => !barred.has(r.entryId))
		.map(({ own, consensus, visitDate, report, ...r }) => {
			const work: EntryWork = {
				isLead: r.isLead,
				own: (own ?? 'none') as AssessmentState,
				teamSubmitted: own === 'submitted' ? r.teamSubmitted : null,
				teamSize: r.teamSize,
				consensus: consensus ?? 'none',
				siteVisit: visitDate !== null,
				report: report ?? 'none'
			};
			return { ...r, work, progress: entryProgress(cycle.phase, work) };
		});
}

/** Per class: how many entries and how many the teams recommend as finalists, of those the reader may learn of. */
export function juryOverview(cycle: Cycle, barred: Barred) {
	const d = db();
	const classes = d
		.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycle.id))
		.orderBy(table.awardClass.sortOrder)
		.all();
	const entries = withoutBarred(
		d
			.select({ entryId: table.entry.id, classId: table.entry.classId })
			.from(table.entry)
			.where(and(eq(table.entry.cycleId, cycle.id), eq(table.entry.status, 'registered')))
			.all(),
		barred
	);
	const finalists = finalistRows(d, cycle.id, barred);
	const members = d
		.select({ name: table.user.name, role: table.cycleRole.role })
		.from(table.cycleRole)
		.innerJoin(table.user, eq(table.user.id, table.cycleRole.userId))
		.where(and(eq(table.cycleRole.cycleId, cycle.id), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.orderBy(sql`${table.cycleRole.role} = 'juror'`, table.user.name)
		.all();
	return {
		classes: classes.map((c) => {
			const inClass = (e: { classId: number }) => e.classId === c.id;
			return { ...c, entries: entries.filter(inClass).length, finalists: finalists.filter(inClass).length };
		}),
		members
	};
}

/**
 * The contact's units, each with its entries over the years, where this cycle's entry stands
 * (`unitYearSteps`) and its released reports of every year.
 */
export function unitOverview(userId: number, cycle: Cycle | null, now = new Date()) {
	const d = db();
	const units = d
		.select({ id: table.unit.id, name: table.unit.name, organisation: table.organisation.name })
		.from(table.unitContact)
		.innerJoin(table.unit, eq(table.unit.id, table.unitContact.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.where(eq(table.unitContact.userId, userId))
		.orderBy(table.unit.name)
		.all();
	return units.map((u) => {
		const entries = d
			.select({ id: table.entry.id, cycleId: table.entry.cycleId, year: table.cycle.year, status: table.entry.status, confirmedAt: table.entry.confirmedAt, minutesReceivedDate: table.entry.minutesReceivedDate, accountReceivedDate: table.entry.accountReceivedDate, accountSha256: table.entry.accountSha256, ...snapshotAccountColumns, ...classNames })
			.from(table.entry)
			.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
			.leftJoin(table.account, eq(table.account.entryId, table.entry.id))
			.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
			.where(eq(table.entry.unitId, u.id))
			.orderBy(sql`${table.cycle.year} desc`)
			.all();
		const current = cycle ? (entries.find((e) => e.cycleId === cycle.id) ?? null) : null;
		const progress = cycle
			? unitYearSteps(
					current && entrySnapshot(current),
					{ cycleYear: cycle.year, accountDeadline: cycle.accountDeadline, minutesDeadline: cycle.minutesDeadline },
					stockholmDay(now)
				)
			: null;
		const reports = d
			.select({ id: table.feedbackReport.id, year: table.cycle.year, releasedAt: table.feedbackReport.releasedAt })
			.from(table.feedbackReport)
			.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
			.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
			.where(and(eq(table.entry.unitId, u.id), eq(table.feedbackReport.status, 'released')))
			.orderBy(sql`${table.cycle.year} desc`)
			.all();
		const past = entries.filter((e) => e !== current).map((e) => ({ id: e.id, year: e.year, status: e.status, className: e.className, classNameEn: e.classNameEn }));
		return { ...u, entry: current && { id: current.id, className: current.className, classNameEn: current.classNameEn }, progress, past, reports };
	});
}
