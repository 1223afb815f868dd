/**
 * Importing entries into the current cycle: each row names an existing unit (and its organisation
 * when the name is shared), a class of this cycle by its Swedish name, and what has been received.
 * A unit that already has an entry this cycle is refused, as is a class of another cycle.
 */
import { desc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import { placeholders } from '../db/prepared';
import { date, text } from './cells';
import { at, issue, type LocatedIssue } from './issues';
import { boardsByName, nameKey, organisationsByName, unitsByName, type UnitRef } from './lookup';
import type { ColumnSpec, RowValues, Table } from './read-table';
import type { Checked } from './units';

export const ENTRY_COLUMNS = {
	unit: {
		header: 'Enhet',
		aliases: ['Enhetens namn', 'Verksamhet'],
		required: true,
		cell: text(200),
		format: { code: 'unit', args: [] },
		example: 'Förskolan Ekorren'
	},
	organisation: {
		header: 'Förvaltning/bolag',
		aliases: ['Förvaltning', 'Bolag', 'Förvaltning eller bolag', 'Organisation'],
		cell: text(200),
		format: { code: 'unitOrganisation', args: [] },
		example: 'Farsta stadsdelsförvaltning'
	},
	className: {
		header: 'Tävlingsklass',
		aliases: ['Klass'],
		required: true,
		cell: text(200),
		format: { code: 'className', args: [] },
		example: 'Förskola'
	},
	accountReceived: {
		header: 'Redovisning inkommen',
		aliases: ['Redovisning inkommen (datum)', 'Skriftlig redovisning inkommen'],
		cell: date(),
		example: '2026-05-15'
	},
	minutesBoard: {
		header: 'Nämnd/styrelse',
		aliases: ['Nämnd', 'Styrelse', 'Nämnd eller styrelse'],
		cell: text(200),
		format: { code: 'minutesBoard', args: [] },
		example: 'Farsta stadsdelsnämnd'
	},
	minutesDnr: { header: 'Nämndprotokoll dnr', aliases: ['Dnr', 'Diarienummer'], cell: text(100), example: 'FA 1.4.1-212/2026' },
	minutesMeeting: {
		header: 'Protokollets datum',
		aliases: ['Protokollets datum (datum)', 'Sammanträdesdatum'],
		cell: date(),
		example: '2026-05-26'
	},
	minutesReceived: {
		header: 'Protokoll inkommet',
		aliases: ['Protokoll inkommet (datum)', 'Nämndprotokoll inkommet'],
		cell: date(),
		example: '2026-06-12'
	}
} satisfies ColumnSpec;

export type EntryColumns = typeof ENTRY_COLUMNS;

/** Phases in which entries are still registered. */
export const ENTRY_IMPORT_PHASES = ['preparation', 'registration'] as const;

export interface EntryPlan {
	unitId: number;
	classId: number;
	values: RowValues<EntryColumns>;
	minutesBoardId: number | null;
}

type CycleRow = typeof table.cycle.$inferSelect;

export function checkEntries(q: Queryable, cycle: CycleRow | null, parsed: Table<EntryColumns>): Checked<EntryPlan> {
	if (!cycle) return { rowIssues: parsed.rows.map(() => []), fileIssues: [at(null, null, issue('noCycle'))], plans: [] };
	const fileIssues = (ENTRY_IMPORT_PHASES as readonly string[]).includes(cycle.phase)
		? []
		: [at(null, null, issue('phaseClosed'))];

	const classes = q.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).orderBy(table.awardClass.sortOrder).all();
	const classByName = new Map(classes.map((c) => [nameKey(c.nameSv), c.id]));
	const classList = classes.map((c) => c.nameSv).join(', ');
	const otherClassYear = new Map<string, number>();
	for (const c of q
		.select({ name: table.awardClass.nameSv, year: table.cycle.year })
		.from(table.awardClass)
		.innerJoin(table.cycle, eq(table.cycle.id, table.awardClass.cycleId))
		.where(ne(table.cycle.id, cycle.id))
		.orderBy(desc(table.cycle.year))
		.all()) {
		if (!otherClassYear.has(nameKey(c.name))) otherClassYear.set(nameKey(c.name), c.year);
	}
	const organisations = organisationsByName(q);
	const boards = boardsByName(q);
	const units = unitsByName(q);
	const entered = new Set(
		q.select({ unitId: table.entry.unitId }).from(table.entry).where(eq(table.entry.cycleId, cycle.id)).all().map((e) => e.unitId)
	);
	const firstLine = new Map<number, number>();
	const plans: EntryPlan[] = [];
	const C = ENTRY_COLUMNS;

	const rowIssues = parsed.rows.map((row) => {
		const v = row.values;
		const found: LocatedIssue[] = [];
		const unit = findUnit(v, units, organisations, row.line, found);
		let classId: number | undefined;
		if (v.className !== null) {
			classId = classByName.get(nameKey(v.className));
			const otherYear = otherClassYear.get(nameKey(v.className));
			if (classId === undefined) {
				found.push(
					at(
						row.line,
						C.className.header,
						otherYear === undefined
							? issue('unknownClass', v.className, classList)
							: issue('classOfOtherCycle', v.className, otherYear)
					)
				);
			}
		}
		if (unit) {
			const earlier = firstLine.get(unit.id);
			if (earlier !== undefined) found.push(at(row.line, C.unit.header, issue('duplicateEntryInFile', earlier)));
			else firstLine.set(unit.id, row.line);
			if (entered.has(unit.id)) found.push(at(row.line, C.unit.header, issue('entryExists')));
		}
		const board = v.minutesBoard === null ? undefined : boards.get(nameKey(v.minutesBoard));
		if (v.minutesBoard !== null && !board) found.push(at(row.line, C.minutesBoard.header, issue('unknownBoard', v.minutesBoard)));
		if (v.minutesMeeting !== null && v.minutesReceived !== null && v.minutesMeeting > v.minutesReceived) {
			found.push(at(row.line, C.minutesMeeting.header, issue('minutesDatesOrder')));
		}
		if (unit && classId !== undefined && found.length === 0 && row.issues.length === 0) {
			const hasMinutes = v.minutesDnr !== null || v.minutesMeeting !== null || v.minutesReceived !== null;
			plans.push({ unitId: unit.id, classId, values: v, minutesBoardId: board?.id ?? (hasMinutes ? unit.boardId : null) });
		}
		return found;
	});
	return { rowIssues, fileIssues, plans };
}

function findUnit(
	v: RowValues<EntryColumns>,
	units: Map<string, UnitRef[]>,
	organisations: ReturnType<typeof organisationsByName>,
	line: number,
	found: LocatedIssue[]
): UnitRef | undefined {
	if (v.unit === null) return undefined;
	const C = ENTRY_COLUMNS;
	let candidates = units.get(nameKey(v.unit)) ?? [];
	if (v.organisation !== null) {
		const organisation = organisations.get(nameKey(v.organisation));
		if (!organisation) {
			found.push(at(line, C.organisation.header, issue('unknownOrganisation', v.organisation)));
			return undefined;
		}
		candidates = candidates.filter((u) => u.organisationId === organisation.id);
	}
	if (candidates.length === 0) found.push(at(line, C.unit.header, issue('unknownUnit', v.unit)));
	else if (candidates.length > 1) found.push(at(line, C.organisation.header, issue('ambiguousUnit', v.unit)));
	return candidates.length === 1 ? candidates[0] : undefined;
}

export function insertEntries(q: Queryable, cycleId: number, plans: EntryPlan[]): number[] {
	const insertEntry = q
		.insert(table.entry)
		.values(
			placeholders(
				'cycleId',
				'unitId',
				'classId',
				'accountReceivedDate',
				'minutesBoardId',
				'minutesDnr',
				'minutesMeetingDate',
				'minutesReceivedDate'
			)
		)
		.returning({ id: table.entry.id })
		.prepare();
	return plans.map(
		(p) =>
			insertEntry.get({
				cycleId,
				unitId: p.unitId,
				classId: p.classId,
				accountReceivedDate: p.values.accountReceived,
				minutesBoardId: p.minutesBoardId,
				minutesDnr: p.values.minutesDnr,
				minutesMeetingDate: p.values.minutesMeeting,
				minutesReceivedDate: p.values.minutesReceived
			})!.id
	);
}
