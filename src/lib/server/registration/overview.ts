/**
 * The registrations of a cycle as lists: a coordinator's organisations with every unit and its
 * state, and the admin's view of all registered units. Both read the same columns and hand them
 * to the domain's `unitYearSteps`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '../db';
import * as table from '../db/schema';
import { classNames } from '../registry/entry-names';
import { snapshotAccountColumns } from '../account/state';
import type { Cycle } from '../cycles/lookup';
import { unitYearSteps, entrySnapshot } from '$lib/domain/registration';
import { stockholmDay } from '$lib/domain/dates';

const registrant = alias(table.user, 'registrant');

const entryColumns = {
	entryId: table.entry.id,
	entryVersion: table.entry.version,
	status: table.entry.status,
	confirmedAt: table.entry.confirmedAt,
	minutesReceivedDate: table.entry.minutesReceivedDate,
	minutesDnr: table.entry.minutesDnr,
	/** The minutes the coordinator handed in, when they came that way. */
	minutesId: table.entry.minutesDocumentId,
	accountReceivedDate: table.entry.accountReceivedDate,
	accountSha256: table.entry.accountSha256,
	...snapshotAccountColumns,
	registeredBy: registrant.name,
	...classNames
};

type Row = { entryId: number | null; status: 'registered' | 'withdrawn' | null } & Omit<Parameters<typeof entrySnapshot>[0], 'status'>;

function withProgress<T extends Row>(row: T, cycle: Cycle, today: string) {
	const entry = row.entryId === null || row.status === null ? null : entrySnapshot({ ...row, status: row.status });
	const { accountSha256: _, accountSubmittedAt: __, accountStatus: ___, accountUpdatedAt: ____, accountExtendedTo: _____, ...rest } = row;
	return { ...rest, progress: unitYearSteps(entry, { cycleYear: cycle.year, accountDeadline: cycle.accountDeadline, minutesDeadline: cycle.minutesDeadline }, today) };
}

/** Each organisation the coordinator coordinates, with all its units and their entries in the cycle. */
export function coordinatorOverview(organisationIds: number[], cycle: Cycle, now = new Date()) {
	if (organisationIds.length === 0) return [];
	const d = db();
	const today = stockholmDay(now);
	const organisations = d.select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).where(inArray(table.organisation.id, organisationIds)).orderBy(asc(table.organisation.name)).all();
	const units = d
		.select({ unitId: table.unit.id, name: table.unit.name, organisationId: table.unit.organisationId, ...entryColumns })
		.from(table.unit)
		.leftJoin(table.entry, and(eq(table.entry.unitId, table.unit.id), eq(table.entry.cycleId, cycle.id)))
		.leftJoin(table.account, eq(table.account.entryId, table.entry.id))
		.leftJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.leftJoin(registrant, eq(registrant.id, table.entry.registeredBy))
		.where(inArray(table.unit.organisationId, organisationIds))
		.orderBy(asc(table.unit.name))
		.all();
	const proposals = d
		.select({ id: table.unitProposal.id, name: table.unitProposal.name, organisationId: table.unitProposal.organisationId, status: table.unitProposal.status })
		.from(table.unitProposal)
		.where(and(eq(table.unitProposal.cycleId, cycle.id), inArray(table.unitProposal.organisationId, organisationIds)))
		.orderBy(asc(table.unitProposal.name))
		.all();
	const minutes = d
		.select({ id: table.boardMinutes.id, organisationId: table.boardMinutes.organisationId, dnr: table.boardMinutes.dnr, meetingDate: table.boardMinutes.meetingDate, receivedAt: table.boardMinutes.receivedAt, fileName: table.boardMinutes.fileName })
		.from(table.boardMinutes)
		.where(and(eq(table.boardMinutes.cycleId, cycle.id), inArray(table.boardMinutes.organisationId, organisationIds)))
		.orderBy(asc(table.boardMinutes.receivedAt))
		.all();
	const covered = d
		.select({ minutesId: table.entry.minutesDocumentId, unit: table.unit.name })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(and(eq(table.entry.cycleId, cycle.id), inArray(table.unit.organisationId, organisationIds)))
		.all();
	const classes = d.select({ id: table.awardClass.id, ...classNames }).from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).orderBy(asc(table.awardClass.sortOrder)).all();
	return organisations.map((o) => ({
		...o,
		units: units.filter((u) => u.organisationId === o.id).map((u) => withProgress(u, cycle, today)),
		proposals: proposals.filter((p) => p.organisationId === o.id),
		minutes: minutes.filter((m) => m.organisationId === o.id).map((m) => ({ ...m, units: covered.filter((c) => c.minutesId === m.id).map((c) => c.unit) })),
		classes
	}));
}

/** Every unit registered in the cycle (withdrawn ones too), by organisation and name, for the admin. */
export function adminRegistrations(cycle: Cycle, now = new Date()) {
	const today = stockholmDay(now);
	return db()
		.select({ unitId: table.unit.id, name: table.unit.name, organisation: table.organisation.name, ...entryColumns })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.leftJoin(registrant, eq(registrant.id, table.entry.registeredBy))
		.leftJoin(table.account, eq(table.account.entryId, table.entry.id))
		.where(eq(table.entry.cycleId, cycle.id))
		.orderBy(asc(table.organisation.name), asc(table.unit.name))
		.all()
		.map((r) => withProgress(r, cycle, today));
}
