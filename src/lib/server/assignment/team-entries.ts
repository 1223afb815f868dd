/** What a person's teams give them to do: the entries on the teams they sit on, once published. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../db';
import * as table from '../db/schema';
import { classNames } from '../registry/entry-names';

export interface TeamEntriesOf {
	userId: number;
	cycleId: number;
	/** Only the teams the person leads. */
	leadOnly?: boolean;
}

/**
 * The entries on the person's teams of the cycle: `entryId`, `unitName` and the class names beside
 * `columns`, which may read `team`, `team_member`, `entry`, `unit` and `award_class`. A proposal the
 * admin has not published yet gives nobody anything. More joins and the order follow at the caller.
 */
export function selectTeamEntries<T extends SelectedFields>(q: Queryable, of: TeamEntriesOf, columns: T) {
	return q
		.select({ entryId: table.entry.id, unitName: table.unit.name, ...classNames, ...columns })
		.from(table.teamMember)
		.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
		.innerJoin(table.teamEntry, eq(table.teamEntry.teamId, table.team.id))
		.innerJoin(table.entry, eq(table.entry.id, table.teamEntry.entryId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(
			and(
				eq(table.teamMember.userId, of.userId),
				eq(table.team.cycleId, of.cycleId),
				isNotNull(table.team.publishedAt),
				of.leadOnly ? eq(table.teamMember.isLead, true) : undefined
			)
		);
}
