/**
 * How the lists name an entry: by its unit, with the unit's organisation and the entry's class
 * beside it, read the same way in every list.
 */
import { eq } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../db';
import * as table from '../db/schema';

/** The entry's class in both languages, for a query joined to `award_class`. */
export const classNames = {
	className: table.awardClass.nameSv,
	classNameEn: table.awardClass.nameEn
};

/**
 * The entries joined to their unit and its organisation: `entryId`, `unitName` and `organisation`
 * beside `columns`. More joins, the where and the order follow at the caller.
 */
export function selectEntries<T extends SelectedFields>(q: Queryable, columns: T) {
	return q
		.select({ entryId: table.entry.id, unitName: table.unit.name, organisation: table.organisation.name, ...columns })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId));
}
