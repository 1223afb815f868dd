/**
 * The import use cases: preview a file (read, check against the database, write nothing) and commit
 * it (read the staged bytes again, check again inside the transaction, then insert every row and one
 * audit entry, or nothing at all when any row is bad).
 */
import { and, asc, eq, inArray, like, desc } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { getCurrentCycle } from '../cycles/lookup';
import { at, issue, type LocatedIssue } from './issues';
import { readTable, type ColumnSpec, type Table } from './read-table';
import { checkUnits, insertUnits, UNIT_COLUMNS, type Checked } from './units';
import { checkEntries, ENTRY_COLUMNS, insertEntries } from './entries';
import { discardStaged, readStaged, sha256Hex, stage } from './staging';

export const IMPORT_KINDS = ['units', 'entries'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_IMPORT_MB = 5;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

export const COLUMNS = { units: UNIT_COLUMNS, entries: ENTRY_COLUMNS } satisfies Record<ImportKind, ColumnSpec>;

/** The columns the preview shows for each row (all columns are checked). */
const SHOWN: { units: (keyof typeof UNIT_COLUMNS)[]; entries: (keyof typeof ENTRY_COLUMNS)[] } = {
	units: ['name', 'organisation', 'board', 'staffCount', 'contactName'],
	entries: ['unit', 'organisation', 'className', 'accountReceived', 'minutesReceived']
};

export function isImportKind(value: unknown): value is ImportKind {
	return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

export interface PreviewRow {
	line: number;
	cells: string[];
	issues: LocatedIssue[];
}

export interface Preview {
	kind: ImportKind;
	fileName: string;
	sha256: string;
	format: 'csv' | 'xlsx' | null;
	encoding: string | null;
	separator: string | null;
	headers: string[];
	ignoredHeaders: string[];
	fileIssues: LocatedIssue[];
	rows: PreviewRow[];
	badRows: number;
	/** Nothing is wrong and there is at least one row: the commit button may be offered. */
	valid: boolean;
}

/** A file name fit to show and log: no path, no control characters, not too long. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'fil';
}

type Parsed = Table<ColumnSpec>;

function check(kind: ImportKind, q: Queryable, parsed: Parsed): Checked<unknown> {
	return kind === 'units'
		? checkUnits(q, parsed as Table<typeof UNIT_COLUMNS>)
		: checkEntries(q, getCurrentCycle(), parsed as Table<typeof ENTRY_COLUMNS>);
}

function buildPreview(kind: ImportKind, parsed: Parsed, checked: Checked<unknown>, fileName: string, sha256: string): Preview {
	const shown = SHOWN[kind] as string[];
	const spec = COLUMNS[kind] as ColumnSpec;
	const rows = parsed.rows.map((row, i) => ({
		line: row.line,
		cells: shown.map((key) => row.raw[key] ?? ''),
		issues: [...row.issues, ...(checked.rowIssues[i] ?? [])]
	}));
	const fileIssues = [...parsed.fileIssues, ...checked.fileIssues];
	const badRows = rows.filter((r) => r.issues.length > 0).length;
	return {
		kind,
		fileName,
		sha256,
		format: parsed.format,
		encoding: parsed.encoding,
		separator: parsed.separator,
		headers: shown.map((key) => spec[key].header),
		ignoredHeaders: parsed.ignoredHeaders,
		fileIssues,
		rows,
		badRows,
		valid: fileIssues.length === 0 && badRows === 0 && rows.length > 0
	};
}

/** Reads and checks an uploaded file and keeps it for the commit; writes nothing to the database. */
export async function previewImport(kind: ImportKind, bytes: Uint8Array, fileName: string): Promise<Preview> {
	const parsed = (await readTable(bytes, COLUMNS[kind])) as Parsed;
	const preview = buildPreview(kind, parsed, check(kind, db(), parsed), cleanFileName(fileName), sha256Hex(bytes));
	// Only a file that may be committed is kept for the commit.
	if (preview.valid) stage(bytes);
	return preview;
}

export type CommitResult =
	| { ok: true; auditId: number; count: number }
	| { ok: false; preview: Preview | null; fileIssues: LocatedIssue[] };

/** All or nothing: every row is inserted in one transaction with one audit entry, or none is. */
export async function commitImport(kind: ImportKind, sha256: string, fileName: string, actorId: number): Promise<CommitResult> {
	const bytes = readStaged(sha256);
	if (!bytes) return { ok: false, preview: null, fileIssues: [at(null, null, issue('staleUpload'))] };
	const parsed = (await readTable(bytes, COLUMNS[kind])) as Parsed;
	const name = cleanFileName(fileName);
	const result = db().transaction((tx): CommitResult => {
		const checked = check(kind, tx, parsed);
		const preview = buildPreview(kind, parsed, checked, name, sha256);
		if (!preview.valid) return { ok: false, preview, fileIssues: preview.fileIssues };
		const cycle = getCurrentCycle();
		const ids =
			kind === 'units'
				? insertUnits(tx, checked.plans as Parameters<typeof insertUnits>[1])
				: insertEntries(tx, cycle!.id, checked.plans as Parameters<typeof insertEntries>[2]);
		appendAudit(tx, {
			actorId,
			cycleId: cycle?.id ?? null,
			action: `import.${kind}`,
			entityType: 'import',
			entityId: sha256,
			after: { kind, fileName: name, sha256, count: ids.length, ids }
		});
		const auditId = tx.select({ id: table.auditLog.id }).from(table.auditLog).orderBy(desc(table.auditLog.id)).limit(1).get()!.id;
		return { ok: true, auditId, count: ids.length };
	});
	if (result.ok) discardStaged(sha256);
	return result;
}

export interface ImportResult {
	kind: ImportKind;
	fileName: string;
	at: Date;
	actorName: string | null;
	count: number;
	items: { id: number; name: string; organisation: string; className: string | null }[];
}

/** What an earlier import created, as the records stand now (deleted ones are left out). */
export function importResult(auditId: number): ImportResult | null {
	const d = db();
	const row = d
		.select({ audit: table.auditLog, actorName: table.user.name })
		.from(table.auditLog)
		.leftJoin(table.user, eq(table.user.id, table.auditLog.actorId))
		.where(and(eq(table.auditLog.id, auditId), like(table.auditLog.action, 'import.%')))
		.get();
	const after = row?.audit.after as { kind?: unknown; fileName?: string; count?: number; ids?: number[] } | null | undefined;
	if (!row || !after || !isImportKind(after.kind)) return null;
	const ids = Array.isArray(after.ids) ? after.ids.filter(Number.isSafeInteger) : [];
	const items =
		ids.length === 0
			? []
			: after.kind === 'units'
				? d
						.select({ id: table.unit.id, name: table.unit.name, organisation: table.organisation.name })
						.from(table.unit)
						.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
						.where(inArray(table.unit.id, ids))
						.orderBy(asc(table.unit.id))
						.all()
						.map((u) => ({ ...u, className: null }))
				: d
						.select({ id: table.entry.id, name: table.unit.name, organisation: table.organisation.name, className: table.awardClass.nameSv })
						.from(table.entry)
						.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
						.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
						.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
						.where(inArray(table.entry.id, ids))
						.orderBy(asc(table.entry.id))
						.all();
	return {
		kind: after.kind,
		fileName: after.fileName ?? '',
		at: row.audit.at,
		actorName: row.actorName,
		count: after.count ?? ids.length,
		items
	};
}
