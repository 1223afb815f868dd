import { eq, isNotNull, and } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import type { Viewer } from '$lib/domain/permissions';

/** Everything permissions need to know about a person, read fresh for each request. */
export function loadViewer(userId: number): Viewer {
	const d = db();
	const isAdmin =
		d.select({ isAdmin: table.user.isAdmin }).from(table.user).where(eq(table.user.id, userId)).get()?.isAdmin ?? false;
	const cycleRoles = d
		.select({ cycleId: table.cycleRole.cycleId, role: table.cycleRole.role })
		.from(table.cycleRole)
		.where(eq(table.cycleRole.userId, userId))
		.all();
	const leadCycleIds = d
		.selectDistinct({ cycleId: table.team.cycleId })
		.from(table.teamMember)
		.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
		.where(
			and(eq(table.teamMember.userId, userId), eq(table.teamMember.isLead, true), isNotNull(table.team.publishedAt))
		)
		.all()
		.map((r) => r.cycleId);
	const unitIds = d
		.selectDistinct({ unitId: table.unitContact.unitId })
		.from(table.unitContact)
		.where(eq(table.unitContact.userId, userId))
		.all()
		.map((r) => r.unitId);
	return { userId, isAdmin, cycleRoles, leadCycleIds, unitIds };
}
