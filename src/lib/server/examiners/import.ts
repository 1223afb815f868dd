/**
 * Importing examiners into the current cycle's pool from CSV or XLSX, with the shared tabular reader
 * (src/lib/server/imports/): preview (read, check, write nothing), then commit all rows in one
 * transaction, or none when any row is bad. The commit reads the staged bytes again and checks them
 * again inside its transaction, so it never trusts what the preview showed.
 */
import { eq } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { boolean, email, integer, text } from '../imports/cells';
import { describeFormat, describeIssue, issue, type LocatedIssue } from '../imports/issues';
import { nameKey, organisationsByName } from '../imports/lookup';
import { readTable, type ColumnSpec, type Table } from '../imports/read-table';
import { discardStaged, readStaged, stage } from '../imports/staging';
import { cleanFileName } from '../imports';
import { writeCsv, writeXlsx } from '../imports/write-table';
import { addExaminer, type ExaminerData } from './pool';
import type { Messages } from '$lib/i18n';

export const EXAMINER_COLUMNS = {
	name: { header: 'Namn', aliases: ['Examinator', 'Förnamn och efternamn'], required: true, cell: text(200), example: 'Anna Lindqvist' },
	email: { header: 'E-post', aliases: ['E-postadress', 'Epost', 'Mejl'], required: true, cell: email(), example: 'anna.lindqvist@stockholm.se' },
	organisation: {
		header: 'Förvaltning/bolag',
		aliases: ['Förvaltning', 'Bolag', 'Förvaltning eller bolag', 'Hemförvaltning', 'Organisation'],
		cell: text(200),
		format: { code: 'organisation', args: [] },
		example: 'Farsta stadsdelsförvaltning'
	},
	trainedYear: { header: 'Utbildad år', aliases: ['Utbildningsår', 'Utbildad'], cell: integer(1990, 2100), example: '2021' },
	leadCapable: {
		header: 'Kan vara utvärderingsledare',
		aliases: ['Utvärderingsledare', 'Teamledare', 'Kan leda'],
		cell: boolean(),
		example: 'ja'
	},
	expertise: { header: 'Expertis', aliases: ['Tävlingsklasser', 'Klasser'], cell: text(2000), example: 'Förskola; Skola' },
	capacity: { header: 'Kapacitet', aliases: ['Antal bidrag'], cell: integer(0, 10), example: '2' }
} satisfies ColumnSpec;

type Columns = typeof EXAMINER_COLUMNS;
const SHOWN: (keyof Columns)[] = ['name', 'email', 'organisation', 'leadCapable', 'expertise', 'capacity'];
export const MAX_POOL_IMPORT_MB = 5;
export const MAX_POOL_IMPORT_BYTES = MAX_POOL_IMPORT_MB * 1024 * 1024;

export interface PoolPreview {
	fileName: string;
	sha256: string;
	format: 'csv' | 'xlsx' | null;
	headers: string[];
	ignoredHeaders: string[];
	fileProblems: string[];
	rows: { line: number; cells: string[]; newUser: boolean; problems: string[] }[];
	badRows: number;
	valid: boolean;
}

interface Checked {
	fileProblems: string[];
	rows: PoolPreview['rows'];
	plans: ExaminerData[];
}

/** Checks every row against the cycle and the database; words the problems in the reader's language. */
function check(q: Queryable, cycleId: number, parsed: Table<Columns>, m: Messages): Checked {
	const t = m.assignment.importing.issues;
	const where = (found: LocatedIssue) => (found.column ? `${found.column}: ` : '') + describeIssue(found.issue, m);
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get()!;
	const fileProblems = parsed.fileIssues.map((f) => (f.line === null ? '' : `${m.dataImport.line} ${f.line}: `) + where(f));
	if (cycle.phase === 'archived') fileProblems.push(t.archived());
	const classes = q.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).orderBy(table.awardClass.sortOrder).all();
	const classByName = new Map<string, number>();
	for (const c of classes) {
		classByName.set(nameKey(c.nameEn), c.id);
		classByName.set(nameKey(c.nameSv), c.id);
	}
	const classList = classes.map((c) => c.nameSv).join(', ');
	const organisations = organisationsByName(q);
	const inPool = new Set(
		q
			.select({ email: table.user.email })
			.from(table.examinerProfile)
			.innerJoin(table.user, eq(table.user.id, table.examinerProfile.userId))
			.where(eq(table.examinerProfile.cycleId, cycleId))
			.all()
			.map((r) => r.email)
	);
	const users = new Set(q.select({ email: table.user.email }).from(table.user).all().map((u) => u.email));
	const firstLine = new Map<string, number>();
	const C = EXAMINER_COLUMNS;
	const plans: ExaminerData[] = [];

	const rows = parsed.rows.map((row) => {
		const v = row.values;
		const problems = row.issues.map(where);
		const add = (column: string, text: string) => problems.push(`${column}: ${text}`);
		let organisationId: number | null = null;
		if (v.organisation !== null) {
			const found = organisations.get(nameKey(v.organisation));
			if (found) organisationId = found.id;
			else add(C.organisation.header, describeIssue(issue('unknownOrganisation', v.organisation), m));
		}
		const classIds: number[] = [];
		for (const name of (v.expertise ?? '').split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
			const id = classByName.get(nameKey(name));
			if (id === undefined) add(C.expertise.header, describeIssue(issue('unknownClass', name, classList), m));
			else if (!classIds.includes(id)) classIds.push(id);
		}
		if (v.email !== null) {
			const earlier = firstLine.get(v.email);
			if (earlier !== undefined) add(C.email.header, t.duplicateEmailInFile(earlier));
			else firstLine.set(v.email, row.line);
			if (inPool.has(v.email)) add(C.email.header, t.alreadyExaminer());
		}
		if (problems.length === 0 && v.name !== null && v.email !== null) {
			plans.push({
				name: v.name,
				email: v.email,
				organisationId,
				trainedYear: v.trainedYear,
				leadCapable: v.leadCapable ?? false,
				capacity: v.capacity ?? cycle.defaultCapacity,
				classIds
			});
		}
		return {
			line: row.line,
			cells: SHOWN.map((key) => row.raw[key] ?? ''),
			newUser: v.email !== null && !users.has(v.email),
			problems
		};
	});
	return { fileProblems, rows, plans };
}

function toPreview(parsed: Table<Columns>, checked: Checked, fileName: string, sha256: string): PoolPreview {
	const badRows = checked.rows.filter((r) => r.problems.length > 0).length;
	return {
		fileName,
		sha256,
		format: parsed.format,
		headers: SHOWN.map((key) => EXAMINER_COLUMNS[key].header),
		ignoredHeaders: parsed.ignoredHeaders,
		fileProblems: checked.fileProblems,
		rows: checked.rows,
		badRows,
		valid: checked.fileProblems.length === 0 && badRows === 0 && checked.rows.length > 0
	};
}

/** Reads and checks an uploaded file and keeps it for the commit; writes nothing to the database. */
export async function previewPoolImport(cycleId: number, bytes: Uint8Array, fileName: string, m: Messages): Promise<PoolPreview> {
	const sha256 = stage(bytes);
	const parsed = await readTable(bytes, EXAMINER_COLUMNS);
	return toPreview(parsed, check(db(), cycleId, parsed, m), cleanFileName(fileName), sha256);
}

export type PoolCommit = { ok: true; count: number } | { ok: false; preview: PoolPreview | null };

/** All or nothing: every row joins the pool in one transaction with an audit entry, or none does. */
export async function commitPoolImport(cycleId: number, sha256: string, fileName: string, actorId: number, m: Messages): Promise<PoolCommit> {
	const bytes = readStaged(sha256);
	if (!bytes) return { ok: false, preview: null };
	const parsed = await readTable(bytes, EXAMINER_COLUMNS);
	const name = cleanFileName(fileName);
	const result = db().transaction((tx): PoolCommit => {
		const checked = check(tx, cycleId, parsed, m);
		const preview = toPreview(parsed, checked, name, sha256);
		if (!preview.valid) return { ok: false, preview };
		const userIds = checked.plans.map((plan) => {
			const added = addExaminer(cycleId, plan, actorId, tx);
			// The rows were checked in this transaction; a refusal here is a bug, and rolls everything back.
			if (!added.ok) throw new Error(`examiner import: ${added.error}`);
			return added.userId;
		});
		appendAudit(tx, {
			actorId,
			cycleId,
			action: 'import.examiners',
			entityType: 'import',
			entityId: sha256,
			after: { kind: 'examiners', fileName: name, sha256, count: userIds.length, userIds }
		});
		return { ok: true, count: userIds.length };
	});
	if (result.ok) discardStaged(sha256);
	return result;
}

/** The columns as the page documents them, with each format in the reader's language. */
export function poolColumnDocs(m: Messages, defaultCapacity: number) {
	const f = m.assignment.importing.formats;
	return (Object.keys(EXAMINER_COLUMNS) as (keyof Columns)[]).map((key) => {
		const c: ColumnSpec[string] = EXAMINER_COLUMNS[key];
		const format =
			key === 'expertise' ? f.classes() : key === 'capacity' ? f.capacity(defaultCapacity) : key === 'trainedYear' ? f.year() : describeFormat(c.format ?? c.cell.format, m);
		return { header: c.header, aliases: [...(c.aliases ?? [])], required: Boolean(c.required), format, example: c.example };
	});
}

export const POOL_TEMPLATE_NAME = 'mall-examinatorer';

export function poolTemplateCsv(): string {
	const cols = Object.values(EXAMINER_COLUMNS);
	return writeCsv({ sheet: '', headers: cols.map((c) => c.header), rows: [], yes: '', no: '' });
}

export function poolTemplateXlsx(m: Messages, defaultCapacity: number): Promise<Uint8Array> {
	const t = m.dataImport;
	const docs = poolColumnDocs(m, defaultCapacity);
	return writeXlsx([
		{ sheet: m.assignment.pool.title, headers: docs.map((d) => d.header), rows: [], yes: '', no: '' },
		{
			sheet: t.columnsHeading,
			headers: [t.column, t.required, t.format, t.example],
			rows: docs.map((d) => [d.header, d.required ? m.common.yes : m.common.no, d.format, d.example]),
			yes: m.common.yes,
			no: m.common.no
		}
	]);
}

