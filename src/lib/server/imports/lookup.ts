/**
 * Name lookups shared by the imports: organisations, boards and units matched by name as people
 * type them (any case, extra spaces).
 */
import type { Queryable } from '../db';
import * as table from '../db/schema';

/** The form in which names are compared. */
export function nameKey(value: string): string {
	return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

export interface Named {
	id: number;
	name: string;
}

export function organisationsByName(q: Queryable): Map<string, Named> {
	const rows = q.select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).all();
	return new Map(rows.map((r) => [nameKey(r.name), r]));
}

export function boardsByName(q: Queryable): Map<string, Named & { organisationId: number | null }> {
	const rows = q
		.select({ id: table.board.id, name: table.board.name, organisationId: table.board.organisationId })
		.from(table.board)
		.all();
	return new Map(rows.map((r) => [nameKey(r.name), r]));
}

export interface UnitRef extends Named {
	organisationId: number;
	boardId: number | null;
}

/** Units by name; several units of different organisations may share one. */
export function unitsByName(q: Queryable): Map<string, UnitRef[]> {
	const rows = q
		.select({ id: table.unit.id, name: table.unit.name, organisationId: table.unit.organisationId, boardId: table.unit.boardId })
		.from(table.unit)
		.all();
	const map = new Map<string, UnitRef[]>();
	for (const r of rows) map.set(nameKey(r.name), [...(map.get(nameKey(r.name)) ?? []), r]);
	return map;
}
