/**
 * The one read of "what is true about this entry for this person": the entry, its cycle, the
 * viewer and the facts `may` decides on, in one prepared statement. Every entry guard, the
 * autosave's included, stands on it; lists ask the same conditions in their set form.
 */
import { and, eq, getTableColumns, is, Placeholder, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { db, type DB } from '../db';
import * as table from '../db/schema';
import { conflictedSql, finalistSql, viewerColumns } from './conditions';
import type { CycleRole, EntryFacts, Viewer } from '$lib/domain/permissions';
import { CONSENSUS_DONE, NONE_BARRED, type Barred } from '$lib/domain/entry-state';

export interface EntryContext {
	entry: typeof table.entry.$inferSelect;
	cycle: typeof table.cycle.$inferSelect;
	organisationId: number;
}

export interface EntryRead extends EntryContext {
	viewer: Viewer;
	facts: EntryFacts;
	/** The cycle's criteria in the model's order: the ones an assessment covers. */
	criterionIds: number[];
}

const user = sql.placeholder('user');

type Columns = [string, AnySQLiteColumn][];
const entryColumns: Columns = Object.entries(getTableColumns(table.entry));
const cycleColumns: Columns = Object.entries(getTableColumns(table.cycle));

/** The facts, in the order the statement selects them after the entry's and the cycle's columns. */
const factColumns = {
	organisationId: table.unit.organisationId,
	...viewerColumns(user),
	memberLead: sql<number | null>`(SELECT tm.is_lead FROM team_entry te
		JOIN team t ON t.id = te.team_id
		JOIN team_member tm ON tm.team_id = t.id
		WHERE te.entry_id = ${table.entry.id} AND tm.user_id = ${user} AND t.published_at IS NOT NULL LIMIT 1)`,
	conflicted: conflictedSql(user),
	finalist: finalistSql,
	consensusStatus: sql<string | null>`(SELECT status FROM consensus WHERE entry_id = ${table.entry.id})`,
	ownStatus: sql<string | null>`(SELECT status FROM assessment WHERE entry_id = ${table.entry.id} AND examiner_id = ${user})`,
	reportStatus: sql<string | null>`(SELECT status FROM feedback_report WHERE entry_id = ${table.entry.id})`,
	criterionIds: sql<string>`(SELECT json_group_array(id ORDER BY sort_order, id) FROM criterion WHERE cycle_id = ${table.entry.cycleId})`
} satisfies Record<keyof FactRow, unknown>;

interface FactRow {
	organisationId: number;
	isAdmin: number | null;
	roles: string;
	leads: string;
	units: string;
	coordinates: string;
	memberLead: number | null;
	conflicted: number;
	finalist: number;
	consensusStatus: string | null;
	ownStatus: string | null;
	reportStatus: string | null;
	criterionIds: string;
}

/**
 * Built by drizzle, run raw: the autosave asks this on every save, and drizzle's own mapping of a
 * row with two whole tables in it costs about as much as SQLite's reading of it. The columns come
 * back in the order selected; each table column is decoded as drizzle would.
 */
function prepareEntryRead(d: DB) {
	const prefixed = (prefix: string, columns: Columns) => Object.fromEntries(columns.map(([key, column]) => [prefix + key, column]));
	const { sql: text, params } = d
		.select({ ...prefixed('entry.', entryColumns), ...prefixed('cycle.', cycleColumns), ...factColumns })
		.from(table.entry)
		.innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(eq(table.entry.id, sql.placeholder('entry')))
		.toSQL();
	const statement = d.$client.prepare<unknown[], unknown[]>(text).raw(true);
	const factKeys = Object.keys(factColumns);
	const decode = (columns: Columns, row: unknown[], from: number) => {
		const out: Record<string, unknown> = {};
		columns.forEach(([key, column], i) => {
			const value = row[from + i];
			out[key] = value === null ? null : column.mapFromDriverValue(value);
		});
		return out;
	};
	return (values: { user: number; entry: number }) => {
		const row = statement.get(...params.map((p) => (is(p, Placeholder) ? values[p.name as keyof typeof values] : p)));
		if (!row) return undefined;
		const facts = {} as Record<string, unknown>;
		const first = entryColumns.length + cycleColumns.length;
		factKeys.forEach((key, i) => (facts[key] = row[first + i]));
		return {
			entry: decode(entryColumns, row, 0) as typeof table.entry.$inferSelect,
			cycle: decode(cycleColumns, row, entryColumns.length) as typeof table.cycle.$inferSelect,
			...(facts as unknown as FactRow)
		};
	};
}

function prepareViewerRead(d: DB) {
	return d.select(viewerColumns(user)).from(sql`(SELECT 1)`).prepare();
}

// Prepared once per database: the autosave asks this on every save.
const prepared = new WeakMap<DB, { entry: ReturnType<typeof prepareEntryRead>; viewer: ReturnType<typeof prepareViewerRead> }>();
function statements() {
	const d = db();
	let s = prepared.get(d);
	if (!s) prepared.set(d, (s = { entry: prepareEntryRead(d), viewer: prepareViewerRead(d) }));
	return s;
}

type ViewerRow = { isAdmin: number | null; roles: string; leads: string; units: string; coordinates: string };

function toViewer(userId: number, row: ViewerRow): Viewer {
	return {
		userId,
		isAdmin: row.isAdmin === 1,
		cycleRoles: (JSON.parse(row.roles) as [number, CycleRole][]).map(([cycleId, role]) => ({ cycleId, role })),
		leadCycleIds: JSON.parse(row.leads),
		unitIds: JSON.parse(row.units),
		coordinates: (JSON.parse(row.coordinates) as [number, number][]).map(([cycleId, organisationId]) => ({ cycleId, organisationId }))
	};
}

/** Everything permissions need to know about a person, read fresh for each request. */
export function readViewer(userId: number): Viewer {
	return toViewer(userId, statements().viewer.get({ user: userId })!);
}

/** The entry, its cycle, the viewer and the facts about the entry for them; null for no such entry. */
export function readEntry(userId: number, entryId: number): EntryRead | null {
	if (!Number.isSafeInteger(entryId) || entryId <= 0) return null;
	const row = statements().entry({ user: userId, entry: entryId });
	if (!row) return null;
	return {
		entry: row.entry,
		cycle: row.cycle,
		organisationId: row.organisationId,
		viewer: toViewer(userId, row),
		facts: {
			cycleId: row.cycle.id,
			phase: row.cycle.phase,
			unitId: row.entry.unitId,
			organisationId: row.organisationId,
			onTeam: row.memberLead !== null,
			isLead: row.memberLead === 1,
			conflicted: row.conflicted === 1,
			isFinalist: row.finalist === 1,
			consensusDone: row.consensusStatus === CONSENSUS_DONE,
			ownSubmitted: row.ownStatus === 'submitted',
			reportReleased: row.reportStatus === 'released'
		},
		criterionIds: JSON.parse(row.criterionIds)
	};
}

/** The set form of `conflicted`: the entries of a cycle a person may never see. */
export function conflictedEntryIds(userId: number, cycleId: number): Set<number> {
	const rows = db()
		.select({ id: table.entry.id })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(and(eq(table.entry.cycleId, cycleId), conflictedSql(userId)))
		.all();
	return new Set(rows.map((r) => r.id));
}

/** The entries a person may learn nothing about: their conflicts, none for the admin, whom `may` exempts. */
export function barredEntryIds(viewer: Viewer, cycleId: number): Barred {
	return viewer.isAdmin ? NONE_BARRED : conflictedEntryIds(viewer.userId, cycleId);
}
