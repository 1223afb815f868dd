/**
 * The SQL form of the entry facts that lists and the one read share, built from the domain's
 * definitions (src/lib/domain/entry-state.ts). They refer to the outer query's `entry` and `unit`,
 * so a query that uses them selects from `entry` joined to its `unit`.
 */
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import * as table from '../db/schema';
import { FINALIST } from '$lib/domain/entry-state';

/** A user id, or a parameter bound when a prepared statement runs. */
export type UserRef = number | Placeholder;

/** `isFinalist` for the outer query's entry. */
export const finalistSql: SQL<number> = sql<number>`(${table.entry.status} = ${FINALIST.entryStatus} AND EXISTS (
	SELECT 1 FROM ${table.consensus} WHERE ${table.consensus.entryId} = ${table.entry.id}
		AND ${table.consensus.status} = ${FINALIST.consensusStatus}
		AND ${table.consensus.recommendFinalist} = ${FINALIST.recommendFinalist ? 1 : 0}))`;

/**
 * `isConflicted` for the outer query's entry and the given person: declared, the same organisation,
 * or the coordinator of the entry's organisation in its cycle who also examines or judges in it.
 */
export function conflictedSql(user: UserRef): SQL<number> {
	const declared = sql`EXISTS (SELECT 1 FROM ${table.conflict}
		WHERE ${table.conflict.userId} = ${user} AND ${table.conflict.entryId} = ${table.entry.id})`;
	const sameOrganisation = sql`(EXISTS (SELECT 1 FROM examiner_profile p
			WHERE p.user_id = ${user} AND p.cycle_id = ${table.entry.cycleId} AND p.organisation_id = ${table.unit.organisationId})
		OR EXISTS (SELECT 1 FROM cycle_role r
			WHERE r.user_id = ${user} AND r.cycle_id = ${table.entry.cycleId} AND r.organisation_id = ${table.unit.organisationId}))`;
	const coordinator = sql`(EXISTS (SELECT 1 FROM coordinator c
			WHERE c.user_id = ${user} AND c.cycle_id = ${table.entry.cycleId} AND c.organisation_id = ${table.unit.organisationId})
		AND (EXISTS (SELECT 1 FROM examiner_profile p WHERE p.user_id = ${user} AND p.cycle_id = ${table.entry.cycleId})
			OR EXISTS (SELECT 1 FROM cycle_role r WHERE r.user_id = ${user} AND r.cycle_id = ${table.entry.cycleId})))`;
	return sql<number>`(${declared} OR ${sameOrganisation} OR ${coordinator})`;
}

/** What a `Viewer` holds, as columns of any query: admin flag, cycle roles, lead cycles, contact units and coordinated organisations as JSON. */
export function viewerColumns(user: UserRef) {
	return {
		isAdmin: sql<number | null>`(SELECT is_admin FROM user WHERE id = ${user})`,
		roles: sql<string>`(SELECT json_group_array(json_array(cycle_id, role)) FROM cycle_role WHERE user_id = ${user})`,
		leads: sql<string>`(SELECT json_group_array(DISTINCT t.cycle_id) FROM team_member tm JOIN team t ON t.id = tm.team_id
			WHERE tm.user_id = ${user} AND tm.is_lead = 1 AND t.published_at IS NOT NULL)`,
		units: sql<string>`(SELECT json_group_array(DISTINCT unit_id) FROM unit_contact WHERE user_id = ${user})`,
		coordinates: sql<string>`(SELECT json_group_array(json_array(cycle_id, organisation_id)) FROM coordinator WHERE user_id = ${user})`
	};
}
