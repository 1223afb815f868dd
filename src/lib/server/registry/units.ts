/** Units: the list with search and sort, and one unit as the values its edit form shows. */
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { toTriState } from '$lib/domain/form-values';
import { matches, sortRows, type Direction } from './sorting';

export const UNIT_SORTS = ['name', 'organisation', 'staff'] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

export interface UnitFilter {
	query: string;
	organisationId: number | null;
	sort: UnitSort;
	dir: Direction;
}

/** Every unit with its organisation and its entry in the cycle, if any. */
export function listUnits(filter: UnitFilter, cycleId: number | null) {
	const d = db();
	const entries = new Map(
		cycleId === null
			? []
			: d
					.select({ unitId: table.entry.unitId, id: table.entry.id, status: table.entry.status, className: table.awardClass.nameSv, classNameEn: table.awardClass.nameEn })
					.from(table.entry)
					.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
					.where(eq(table.entry.cycleId, cycleId))
					.all()
					.map((e) => [e.unitId, e])
	);
	const rows = d
		.select({
			id: table.unit.id,
			name: table.unit.name,
			organisationId: table.unit.organisationId,
			organisation: table.organisation.name,
			staffCount: table.unit.staffCount
		})
		.from(table.unit)
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.all()
		.filter((u) => (filter.organisationId === null || u.organisationId === filter.organisationId) && matches(filter.query, u.name, u.organisation))
		.map((u) => ({ ...u, entry: entries.get(u.id) ?? null }));
	const key = {
		name: (u: (typeof rows)[number]) => u.name,
		organisation: (u: (typeof rows)[number]) => u.organisation,
		staff: (u: (typeof rows)[number]) => u.staffCount
	}[filter.sort];
	return sortRows(rows, key, filter.dir);
}

export interface ContactValues {
	id: string;
	name: string;
	email: string;
	phone: string;
	title: string;
	remove?: string;
}

/** The unit form's fields as the strings the form shows and posts. */
export interface UnitValues {
	organisationId: string;
	boardId: string;
	name: string;
	managerName: string;
	managerBudget: string;
	managerStaff: string;
	businessPlan: string;
	staffCount: string;
	privatelyRun: string;
	stockholmShare: string;
	winYears: string;
	lastYearResult: string;
	forecastResult: string;
	version: string;
	contacts: ContactValues[];
}

export const EMPTY_UNIT: UnitValues = {
	organisationId: '',
	boardId: '',
	name: '',
	managerName: '',
	managerBudget: 'unknown',
	managerStaff: 'unknown',
	businessPlan: 'unknown',
	staffCount: '',
	privatelyRun: 'no',
	stockholmShare: '',
	winYears: '',
	lastYearResult: '',
	forecastResult: '',
	version: '',
	contacts: []
};

/** Kronor with spaces between thousands, as Swedish offices write them: '-1 250 000'. */
function kronor(value: number | null): string {
	if (value === null) return '';
	const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
	return value < 0 ? `-${digits}` : digits;
}

export function getUnit(id: number) {
	const d = db();
	const unit = d
		.select({ unit: table.unit, organisation: table.organisation.name })
		.from(table.unit)
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.where(eq(table.unit.id, id))
		.get();
	if (!unit) return null;
	const u = unit.unit;
	const wins = d.select({ year: table.unitWin.year }).from(table.unitWin).where(eq(table.unitWin.unitId, id)).orderBy(asc(table.unitWin.year)).all();
	const contacts = d.select().from(table.unitContact).where(eq(table.unitContact.unitId, id)).orderBy(asc(table.unitContact.id)).all();
	const values: UnitValues = {
		organisationId: String(u.organisationId),
		boardId: u.boardId === null ? '' : String(u.boardId),
		name: u.name,
		managerName: u.managerName ?? '',
		managerBudget: toTriState(u.managerHasBudgetResponsibility),
		managerStaff: toTriState(u.managerHasStaffResponsibility),
		businessPlan: toTriState(u.hasBusinessPlan),
		staffCount: u.staffCount === null ? '' : String(u.staffCount),
		privatelyRun: u.privatelyRun ? 'yes' : 'no',
		stockholmShare: u.stockholmSharePercent === null ? '' : String(u.stockholmSharePercent).replace('.', ','),
		winYears: wins.map((w) => w.year).join(', '),
		lastYearResult: kronor(u.lastYearResult),
		forecastResult: kronor(u.forecastResult),
		version: String(u.version),
		contacts: contacts.map((c) => ({ id: String(c.id), name: c.name, email: c.email, phone: c.phone ?? '', title: c.title ?? '' }))
	};
	return { id: u.id, name: u.name, organisation: unit.organisation, values, signInContacts: contacts.filter((c) => c.userId !== null).map((c) => c.id) };
}

/** The unit's entries, newest cycle first, for its page. */
export function unitEntries(unitId: number) {
	return db()
		.select({ id: table.entry.id, cycleId: table.entry.cycleId, year: table.cycle.year, status: table.entry.status, className: table.awardClass.nameSv, classNameEn: table.awardClass.nameEn })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.unitId, unitId))
		.all()
		.sort((a, b) => b.year - a.year);
}

/** Organisations and boards for the unit form's selects, in Swedish order. */
export function unitFormOptions() {
	const d = db();
	const organisations = sortRows(d.select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).all(), (o) => o.name, 'asc');
	const boards = sortRows(
		d.select({ id: table.board.id, name: table.board.name, organisationId: table.board.organisationId }).from(table.board).all(),
		(b) => b.name,
		'asc'
	);
	return { organisations, boards };
}
