/** What the pool page shows: each examiner with names for their organisation and classes, and totals. */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { listPool } from './pool';

export function poolOverview(cycleId: number) {
	const d = db();
	const pool = listPool(cycleId);
	const classes = d
		.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder))
		.all();
	const userIds = pool.map((p) => p.userId);
	const withoutPassword = new Set(
		userIds.length === 0
			? []
			: d
					.select({ id: table.user.id })
					.from(table.user)
					.where(and(inArray(table.user.id, userIds), isNull(table.user.passwordHash)))
					.all()
					.map((u) => u.id)
	);
	const conflicts = new Map(
		userIds.length === 0
			? []
			: d
					.select({ userId: table.conflict.userId, n: count() })
					.from(table.conflict)
					.innerJoin(table.entry, eq(table.entry.id, table.conflict.entryId))
					.where(and(inArray(table.conflict.userId, userIds), eq(table.entry.cycleId, cycleId)))
					.groupBy(table.conflict.userId)
					.all()
					.map((r) => [r.userId, r.n])
	);
	const hasTeams = Boolean(d.select({ id: table.team.id }).from(table.team).where(eq(table.team.cycleId, cycleId)).get());
	return {
		classes,
		hasTeams,
		examiners: pool.map((p) => ({
			...p,
			hasPassword: !withoutPassword.has(p.userId),
			conflicts: conflicts.get(p.userId) ?? 0
		})),
		totals: {
			people: pool.length,
			leads: pool.filter((p) => p.leadCapable).length,
			capacity: pool.reduce((sum, p) => sum + p.capacity, 0)
		}
	};
}
