/**
 * Entries: a unit's participation in one cycle, in one of that cycle's classes. Registering,
 * changing the class, recording the board minutes and the account's arrival, withdrawing: each a
 * versioned write in one transaction with an audit entry. Bad input writes nothing.
 */
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate, type FieldErrors } from '../http/validate';
import { compareIsoDays, stockholmDay } from '$lib/domain/dates';
import { entriesOpen, isRiskyChangePhase } from '$lib/domain/entries';
import type { Messages } from '$lib/i18n';
import type { Cycle } from '../cycles/lookup';
import { fields, refused, type Outcome } from './fields';
import { sortRows } from './sorting';
import { classNames } from './entry-names';
import { tellAssessors } from './risky-change';

export type EntryMessages = Messages['entries'];
type Entry = typeof table.entry.$inferSelect;

/** The cycle's entries with what the award office tracks for each. */
export function listEntries(cycleId: number) {
	const rows = db()
		.select({
			id: table.entry.id,
			name: table.unit.name,
			unitId: table.unit.id,
			organisation: table.organisation.name,
			...classNames,
			classOrder: table.awardClass.sortOrder,
			status: table.entry.status,
			hasAccount: table.entry.accountSha256,
			accountReceivedDate: table.entry.accountReceivedDate,
			minutesDnr: table.entry.minutesDnr,
			minutesReceivedDate: table.entry.minutesReceivedDate
		})
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.cycleId, cycleId))
		.all()
		.map((r) => ({ ...r, hasAccount: r.hasAccount !== null }));
	return sortRows(rows, (r) => r.classOrder, 'asc');
}

/** What the registration form offers: the cycle's classes and the units without an entry in it. */
export function registrationOptions(cycleId: number) {
	const d = db();
	const classes = d.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).orderBy(asc(table.awardClass.sortOrder)).all();
	const entered = new Set(d.select({ unitId: table.entry.unitId }).from(table.entry).where(eq(table.entry.cycleId, cycleId)).all().map((e) => e.unitId));
	const units = d
		.select({ id: table.unit.id, name: table.unit.name, organisation: table.organisation.name })
		.from(table.unit)
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.all()
		.filter((u) => !entered.has(u.id));
	return { classes, units: sortRows(units, (u) => u.name, 'asc') };
}

/** One entry with its unit, organisation, class, cycle and team, for the admin's entry page. */
export function getEntry(id: number) {
	const d = db();
	const row = d
		.select({ entry: table.entry, cycle: table.cycle, unit: table.unit, organisation: table.organisation.name, awardClass: table.awardClass })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.id, id))
		.get();
	if (!row) return null;
	const team = d
		.select({ name: table.team.name })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.where(eq(table.teamEntry.entryId, id))
		.get();
	const minutesBoard = row.entry.minutesBoardId === null ? null : (d.select({ name: table.board.name }).from(table.board).where(eq(table.board.id, row.entry.minutesBoardId)).get()?.name ?? null);
	const classes = d.select().from(table.awardClass).where(eq(table.awardClass.cycleId, row.cycle.id)).orderBy(asc(table.awardClass.sortOrder)).all();
	const boards = sortRows(d.select({ id: table.board.id, name: table.board.name }).from(table.board).all(), (b) => b.name, 'asc');
	return { ...row, team: team?.name ?? null, minutesBoard, classes, boards, open: entriesOpen(row.cycle.phase) };
}

/** Registers a unit's entry in a class of the current cycle; one entry per unit and cycle. */
export function registerEntry(input: Record<string, string>, cycle: Cycle | null, actorId: number, m: EntryMessages): Outcome<{ id: number }> {
	const f = fields(m.v);
	const parsed = validate(z.object({ unitId: f.requiredId, classId: f.requiredId }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	if (!cycle) return refused(400, { _form: m.noCycle });
	if (!entriesOpen(cycle.phase)) return refused(400, { _form: m.closed });
	const { unitId, classId } = parsed.data;
	return db().transaction((tx) => {
		const errors: FieldErrors = {};
		if (!tx.select({ id: table.unit.id }).from(table.unit).where(eq(table.unit.id, unitId)).get()) errors.unitId = m.v.choose;
		const cls = tx.select().from(table.awardClass).where(eq(table.awardClass.id, classId)).get();
		if (!cls) errors.classId = m.v.choose;
		else if (cls.cycleId !== cycle.id) errors.classId = m.classOtherCycle;
		if (!errors.unitId && tx.select({ id: table.entry.id }).from(table.entry).where(and(eq(table.entry.cycleId, cycle.id), eq(table.entry.unitId, unitId))).get()) {
			errors.unitId = m.alreadyEntered;
		}
		if (Object.keys(errors).length > 0) return refused(400, errors);
		const row = tx.insert(table.entry).values({ cycleId: cycle.id, unitId, classId }).returning().get();
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'entry.register', entityType: 'entry', entityId: row.id, after: row });
		return { ok: true, value: { id: row.id } };
	});
}

type Change = { errors: FieldErrors } | { set: Partial<Entry>; reason?: string | null };

/**
 * The shared shape of every edit of an entry: it exists, its cycle still takes changes, the form
 * was read at the current version; then the change is written with the version raised, and audited.
 */
export function changeEntry(
	tx: Tx,
	id: number,
	version: number | null,
	actorId: number,
	action: string,
	m: EntryMessages,
	change: (entry: Entry, cycle: Cycle) => Change
): Outcome<{ id: number }> {
	const row = tx.select({ entry: table.entry, cycle: table.cycle }).from(table.entry).innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId)).where(eq(table.entry.id, id)).get();
	if (!row) return refused(404, { _form: m.v.notFound });
	if (!entriesOpen(row.cycle.phase)) return refused(400, { _form: m.closed });
	if (version !== row.entry.version) return refused(409, { _form: m.v.conflict });
	const result = change(row.entry, row.cycle);
	if ('errors' in result) return refused(400, result.errors);
	const after = tx
		.update(table.entry)
		.set({ ...result.set, version: row.entry.version + 1 })
		.where(and(eq(table.entry.id, id), eq(table.entry.version, row.entry.version)))
		.returning()
		.get();
	appendAudit(tx, { actorId, cycleId: row.cycle.id, action, entityType: 'entry', entityId: id, before: row.entry, after, reason: result.reason ?? null });
	return { ok: true, value: { id } };
}

/**
 * Moves the entry to another class of its own cycle (not while a team of its class assesses it).
 * While the teams assess, the move needs a reason and everyone assessing the entry is told.
 */
export function changeClass(id: number, input: Record<string, string>, actorId: number, m: EntryMessages, origin: string): Outcome<{ id: number }> {
	const f = fields(m.v);
	const parsed = validate(z.object({ classId: f.requiredId, version: f.version, reason: f.optionalText(500) }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const { classId, version, reason } = parsed.data;
	return db().transaction((tx) => {
		let risky = false;
		const result = changeEntry(tx, id, version, actorId, 'entry.class', m, (entry, cycle): Change => {
			const cls = tx.select().from(table.awardClass).where(eq(table.awardClass.id, classId)).get();
			if (!cls) return { errors: { classId: m.v.choose } };
			if (cls.cycleId !== cycle.id) return { errors: { classId: m.classOtherCycle } };
			if (cls.id === entry.classId) return { errors: { classId: m.sameClass } };
			const team = tx
				.select({ classId: table.team.classId })
				.from(table.teamEntry)
				.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
				.where(eq(table.teamEntry.entryId, entry.id))
				.get();
			if (team && team.classId !== classId) return { errors: { classId: m.onTeam } };
			risky = isRiskyChangePhase(cycle.phase);
			if (risky && !reason) return { errors: { reason: m.reasonRequired } };
			return { set: { classId }, reason: risky ? reason : null };
		});
		if (result.ok && risky && reason) tellAssessors(tx, { kind: 'class', entryId: id, reason, origin });
		return result;
	});
}

/** A received day: a real day, not after today in Stockholm. */
function receivedDayError(day: string | null, today: string, m: EntryMessages): string | null {
	return day !== null && compareIsoDays(day, today) > 0 ? m.future : null;
}

/** Records the board's minutes: board, dnr, meeting and received dates (all empty clears them). */
export function recordMinutes(id: number, input: Record<string, string>, actorId: number, m: EntryMessages): Outcome<{ id: number }> {
	const f = fields(m.v);
	const schema = z.object({
		minutesBoardId: f.optionalId,
		minutesDnr: f.optionalText(60),
		minutesMeetingDate: f.optionalDay,
		minutesReceivedDate: f.optionalDay,
		version: f.version
	});
	const parsed = validate(schema, input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	const today = stockholmDay(new Date());
	const errors: FieldErrors = {};
	const meetingFuture = receivedDayError(data.minutesMeetingDate, today, m);
	const receivedFuture = receivedDayError(data.minutesReceivedDate, today, m);
	if (meetingFuture) errors.minutesMeetingDate = meetingFuture;
	if (receivedFuture) errors.minutesReceivedDate = receivedFuture;
	if (data.minutesMeetingDate && data.minutesReceivedDate && compareIsoDays(data.minutesReceivedDate, data.minutesMeetingDate) < 0) {
		errors.minutesReceivedDate = m.receivedBeforeMeeting;
	}
	if (data.minutesReceivedDate && !data.minutesDnr) errors.minutesDnr = m.dnrRequired;
	if (Object.keys(errors).length > 0) return refused(400, errors);
	return db().transaction((tx) => {
		if (data.minutesBoardId !== null && !tx.select({ id: table.board.id }).from(table.board).where(eq(table.board.id, data.minutesBoardId)).get()) {
			return refused(400, { minutesBoardId: m.v.choose });
		}
		const { version, ...set } = data;
		return changeEntry(tx, id, version, actorId, 'entry.minutes', m, () => ({ set }));
	});
}

/** Records the day the written account arrived (for an account handed in on paper, or a correction). */
export function recordAccountDate(id: number, input: Record<string, string>, actorId: number, m: EntryMessages): Outcome<{ id: number }> {
	const f = fields(m.v);
	const parsed = validate(z.object({ accountReceivedDate: f.optionalDay, version: f.version }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const { accountReceivedDate, version } = parsed.data;
	const future = receivedDayError(accountReceivedDate, stockholmDay(new Date()), m);
	if (future) return refused(400, { accountReceivedDate: future });
	return db().transaction((tx) => changeEntry(tx, id, version, actorId, 'entry.accountDate', m, () => ({ set: { accountReceivedDate } })));
}

/** Withdraws the entry (with an optional reason for the log), or takes it back in. */
export function setWithdrawn(id: number, withdrawn: boolean, input: Record<string, string>, actorId: number, m: EntryMessages): Outcome<{ id: number }> {
	const f = fields(m.v);
	const parsed = validate(z.object({ reason: f.optionalText(500), version: f.version }), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const { reason, version } = parsed.data;
	return db().transaction((tx) =>
		changeEntry(tx, id, version, actorId, withdrawn ? 'entry.withdraw' : 'entry.reinstate', m, () => ({
			set: { status: withdrawn ? 'withdrawn' : 'registered' },
			reason
		}))
	);
}
