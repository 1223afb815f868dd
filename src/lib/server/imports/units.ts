/**
 * Importing units: the documented columns, the checks against the database (organisation and
 * board must exist, no duplicate in the file or among existing units) and the inserts. The import
 * only creates units: one that already exists is reported, never silently overwritten.
 */
import type { Queryable } from '../db';
import * as table from '../db/schema';
import { placeholders } from '../db/prepared';
import { boolean, email, integer, money, percent, text, years } from './cells';
import { at, issue, type LocatedIssue } from './issues';
import { boardsByName, nameKey, organisationsByName } from './lookup';
import type { ColumnSpec, RowValues, Table } from './read-table';

export const UNIT_COLUMNS = {
	name: { header: 'Enhet', aliases: ['Enhetens namn', 'Verksamhet'], required: true, cell: text(200), example: 'Förskolan Ekorren' },
	organisation: {
		header: 'Förvaltning/bolag',
		aliases: ['Förvaltning', 'Bolag', 'Förvaltning eller bolag', 'Organisation'],
		required: true,
		cell: text(200),
		format: { code: 'organisation', args: [] },
		example: 'Farsta stadsdelsförvaltning'
	},
	board: {
		header: 'Nämnd/styrelse',
		aliases: ['Nämnd', 'Styrelse', 'Nämnd eller styrelse'],
		cell: text(200),
		format: { code: 'board', args: [] },
		example: 'Farsta stadsdelsnämnd'
	},
	managerName: { header: 'Chef', aliases: ['Enhetschef'], cell: text(200), example: 'Eva Berg' },
	managerBudget: { header: 'Chef har budgetansvar', cell: boolean(), example: 'ja' },
	managerStaff: { header: 'Chef har personalansvar', cell: boolean(), example: 'ja' },
	businessPlan: { header: 'Verksamhetsplan med mål', aliases: ['Verksamhetsplan'], cell: boolean(), example: 'ja' },
	staffCount: { header: 'Antal medarbetare', aliases: ['Medarbetare'], cell: integer(0, 100_000), example: '18' },
	privatelyRun: { header: 'Privat driven', aliases: ['Privat driven verksamhet', 'Entreprenad'], cell: boolean(), example: 'nej' },
	stockholmShare: {
		header: 'Andel Stockholmare (%)',
		aliases: ['Andel Stockholmare', 'Andel stockholmare i procent'],
		cell: percent(),
		example: '51,5'
	},
	winYears: { header: 'Vunnit år', aliases: ['Vinstår', 'Vunnit'], cell: years(1990, 2100), example: '2019, 2023' },
	lastYearResult: {
		header: 'Resultat föregående år (kr)',
		aliases: ['Resultat föregående år'],
		cell: money(),
		example: '1 250 000'
	},
	forecastResult: { header: 'Prognos i år (kr)', aliases: ['Prognos i år', 'Prognos'], cell: money(), example: '-250 000,50' },
	contactName: { header: 'Kontaktperson', cell: text(200), example: 'Sofia Berg' },
	contactEmail: { header: 'Kontaktens e-post', aliases: ['E-post', 'Kontaktpersonens e-post'], cell: email(), example: 'sofia.berg@stockholm.se' },
	contactPhone: { header: 'Kontaktens telefon', aliases: ['Telefon', 'Kontaktpersonens telefon'], cell: text(40), example: '08-508 000 00' }
} satisfies ColumnSpec;

export type UnitColumns = typeof UNIT_COLUMNS;

export interface UnitPlan {
	values: RowValues<UnitColumns>;
	organisationId: number;
	boardId: number | null;
}

export interface Checked<P> {
	/** Issues found against the database, per row of the table (same order). */
	rowIssues: LocatedIssue[][];
	fileIssues: LocatedIssue[];
	plans: P[];
}

export function checkUnits(q: Queryable, parsed: Table<UnitColumns>): Checked<UnitPlan> {
	const organisations = organisationsByName(q);
	const boards = boardsByName(q);
	const existing = new Set(
		q
			.select({ name: table.unit.name, organisationId: table.unit.organisationId })
			.from(table.unit)
			.all()
			.map((u) => `${u.organisationId}:${nameKey(u.name)}`)
	);
	const firstLine = new Map<string, number>();
	const plans: UnitPlan[] = [];
	const rowIssues = parsed.rows.map((row) => {
		const v = row.values;
		const found: LocatedIssue[] = [];
		const C = UNIT_COLUMNS;
		const organisation = v.organisation === null ? undefined : organisations.get(nameKey(v.organisation));
		if (v.organisation !== null && !organisation) {
			found.push(at(row.line, C.organisation.header, issue('unknownOrganisation', v.organisation)));
		}
		const board = v.board === null ? undefined : boards.get(nameKey(v.board));
		if (v.board !== null && !board) found.push(at(row.line, C.board.header, issue('unknownBoard', v.board)));
		if (board && organisation && board.organisationId !== null && board.organisationId !== organisation.id) {
			found.push(at(row.line, C.board.header, issue('boardOfOtherOrganisation', board.name, organisation.name)));
		}
		if (organisation && v.name !== null) {
			const key = `${organisation.id}:${nameKey(v.name)}`;
			const earlier = firstLine.get(key);
			if (earlier !== undefined) found.push(at(row.line, C.name.header, issue('duplicateUnitInFile', earlier)));
			else firstLine.set(key, row.line);
			if (existing.has(key)) found.push(at(row.line, C.name.header, issue('unitExists')));
		}
		const halfContact = (v.contactName === null) !== (v.contactEmail === null);
		const phoneOnly = v.contactPhone !== null && v.contactName === null && v.contactEmail === null;
		if ((halfContact || phoneOnly) && !hasCellIssue(row.issues, C.contactName.header, C.contactEmail.header)) {
			const column = v.contactName === null ? C.contactName.header : C.contactEmail.header;
			found.push(at(row.line, column, issue('contactIncomplete')));
		}
		if (organisation && found.length === 0 && row.issues.length === 0) {
			plans.push({ values: v, organisationId: organisation.id, boardId: board?.id ?? null });
		}
		return found;
	});
	return { rowIssues, fileIssues: [], plans };
}

function hasCellIssue(issues: LocatedIssue[], ...columns: string[]): boolean {
	return issues.some((i) => i.column !== null && columns.includes(i.column));
}

/** Inserts the checked units with their wins and contact; returns the new ids in file order. */
export function insertUnits(q: Queryable, plans: UnitPlan[]): number[] {
	const insertUnit = q
		.insert(table.unit)
		.values(
			placeholders(
				'organisationId',
				'boardId',
				'name',
				'managerName',
				'managerHasBudgetResponsibility',
				'managerHasStaffResponsibility',
				'hasBusinessPlan',
				'staffCount',
				'privatelyRun',
				'stockholmSharePercent',
				'lastYearResult',
				'forecastResult'
			)
		)
		.returning({ id: table.unit.id })
		.prepare();
	const insertWin = q.insert(table.unitWin).values(placeholders('unitId', 'year')).prepare();
	const insertContact = q.insert(table.unitContact).values(placeholders('unitId', 'name', 'email', 'phone')).prepare();
	return plans.map(({ values: v, organisationId, boardId }) => {
		const unitId = insertUnit.get({
			organisationId,
			boardId,
			name: v.name!,
			managerName: v.managerName,
			managerHasBudgetResponsibility: v.managerBudget,
			managerHasStaffResponsibility: v.managerStaff,
			hasBusinessPlan: v.businessPlan,
			staffCount: v.staffCount,
			privatelyRun: v.privatelyRun ?? false,
			stockholmSharePercent: v.stockholmShare,
			lastYearResult: v.lastYearResult,
			forecastResult: v.forecastResult
		})!.id;
		for (const year of v.winYears ?? []) insertWin.run({ unitId, year });
		if (v.contactName !== null && v.contactEmail !== null) {
			insertContact.run({ unitId, name: v.contactName, email: v.contactEmail, phone: v.contactPhone });
		}
		return unitId;
	});
}
