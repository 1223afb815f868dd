/**
 * Organisations (förvaltningar, bolag, entreprenörer) and their boards (nämnder, styrelser): the
 * lists with search and sort, and versioned create and edit, each write audited.
 */
import { z } from 'zod';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate } from '../http/validate';
import { fields, refused, type Outcome, type V } from './fields';
import { matches, sortRows, type Direction } from './sorting';

export type OrganisationKind = (typeof table.ORGANISATION_KINDS)[number];
export const ORGANISATION_SORTS = ['name', 'kind', 'units'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

export function listOrganisations(query: string, sort: OrganisationSort, dir: Direction, kindLabel: (k: OrganisationKind) => string) {
	const d = db();
	const unitCounts = new Map(
		d
			.select({ id: table.unit.organisationId, n: count() })
			.from(table.unit)
			.groupBy(table.unit.organisationId)
			.all()
			.map((r) => [r.id, r.n])
	);
	const boards = d.select().from(table.board).all();
	const rows = d
		.select()
		.from(table.organisation)
		.all()
		.map((o) => ({
			id: o.id,
			name: o.name,
			kind: o.kind,
			units: unitCounts.get(o.id) ?? 0,
			boards: boards.filter((b) => b.organisationId === o.id).map((b) => ({ id: b.id, name: b.name }))
		}))
		.filter((o) => matches(query, o.name, kindLabel(o.kind), ...o.boards.map((b) => b.name)));
	const key = { name: (o: (typeof rows)[number]) => o.name, kind: (o: (typeof rows)[number]) => kindLabel(o.kind), units: (o: (typeof rows)[number]) => o.units }[sort];
	return sortRows(rows, key, dir);
}

/** Boards without an organisation, shown apart so they can be tied to one. */
export function listLooseBoards() {
	return db().select({ id: table.board.id, name: table.board.name }).from(table.board).where(sql`${table.board.organisationId} is null`).all();
}

/** One organisation with its boards and how many units it has. */
export function getOrganisation(id: number) {
	const d = db();
	const organisation = d.select().from(table.organisation).where(eq(table.organisation.id, id)).get();
	if (!organisation) return null;
	const boards = sortRows(
		d.select({ id: table.board.id, name: table.board.name }).from(table.board).where(eq(table.board.organisationId, id)).all(),
		(b) => b.name,
		'asc'
	);
	const units = d.select({ n: count() }).from(table.unit).where(eq(table.unit.organisationId, id)).get()?.n ?? 0;
	return { organisation, boards, units };
}

export function organisationOptions() {
	return sortRows(db().select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).all(), (o) => o.name, 'asc');
}

/** Whether a record other than `id` already goes by `name`: organisations and boards have unique names. */
function nameTaken(tx: Tx, t: typeof table.organisation | typeof table.board, name: string, id: number | null): boolean {
	return tx.select({ id: t.id }).from(t).where(id === null ? eq(t.name, name) : and(eq(t.name, name), ne(t.id, id))).get() !== undefined;
}

const organisationSchema = (v: V) => {
	const f = fields(v);
	return z.object({
		name: f.requiredText(200),
		kind: z.enum(table.ORGANISATION_KINDS, { message: v.choose }),
		version: f.version
	});
};

/** Creates (id null) or updates an organisation; names are unique. */
export function saveOrganisation(input: Record<string, string>, id: number | null, actorId: number, v: V): Outcome<{ id: number }> {
	const parsed = validate(organisationSchema(v), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	return db().transaction((tx) => {
		if (nameTaken(tx, table.organisation, data.name, id)) return refused(400, { name: v.organisationExists });
		if (id === null) {
			const row = tx.insert(table.organisation).values({ name: data.name, kind: data.kind }).returning().get();
			appendAudit(tx, { actorId, action: 'organisation.create', entityType: 'organisation', entityId: row.id, after: row });
			return { ok: true, value: { id: row.id } };
		}
		const before = tx.select().from(table.organisation).where(eq(table.organisation.id, id)).get();
		if (!before) return refused(404, { _form: v.notFound });
		if (data.version !== before.version) return refused(409, { _form: v.conflict });
		const after = tx
			.update(table.organisation)
			.set({ name: data.name, kind: data.kind, version: before.version + 1 })
			.where(and(eq(table.organisation.id, id), eq(table.organisation.version, before.version)))
			.returning()
			.get();
		appendAudit(tx, { actorId, action: 'organisation.update', entityType: 'organisation', entityId: id, before, after });
		return { ok: true, value: { id } };
	});
}

export function getBoard(id: number) {
	return db().select().from(table.board).where(eq(table.board.id, id)).get() ?? null;
}

const boardSchema = (v: V) => {
	const f = fields(v);
	return z.object({ name: f.requiredText(200), organisationId: f.optionalId, version: f.version });
};

/** Creates (id null) or updates a board (nämnd, styrelse); names are unique. */
export function saveBoard(input: Record<string, string>, id: number | null, actorId: number, v: V): Outcome<{ id: number }> {
	const parsed = validate(boardSchema(v), input);
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	return db().transaction((tx) => {
		if (data.organisationId !== null && !tx.select({ id: table.organisation.id }).from(table.organisation).where(eq(table.organisation.id, data.organisationId)).get()) {
			return refused(400, { organisationId: v.choose });
		}
		if (nameTaken(tx, table.board, data.name, id)) return refused(400, { name: v.boardExists });
		if (id === null) {
			const row = tx.insert(table.board).values({ name: data.name, organisationId: data.organisationId }).returning().get();
			appendAudit(tx, { actorId, action: 'board.create', entityType: 'board', entityId: row.id, after: row });
			return { ok: true, value: { id: row.id } };
		}
		const before = tx.select().from(table.board).where(eq(table.board.id, id)).get();
		if (!before) return refused(404, { _form: v.notFound });
		if (data.version !== before.version) return refused(409, { _form: v.conflict });
		const after = tx
			.update(table.board)
			.set({ name: data.name, organisationId: data.organisationId, version: before.version + 1 })
			.where(and(eq(table.board.id, id), eq(table.board.version, before.version)))
			.returning()
			.get();
		appendAudit(tx, { actorId, action: 'board.update', entityType: 'board', entityId: id, before, after });
		return { ok: true, value: { id } };
	});
}
