/**
 * Changes to an entry that disturb the work of those assessing it: a new class or a replaced
 * written account while the teams assess and agree (`isRiskyChangePhase`). The page shows what
 * such a change affects before it is made; the change then needs a reason, and everyone assessing
 * the entry is told by e-mail and on their home page, in the transaction of the change itself.
 */
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '../db';
import * as table from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { selectTeamEntries } from '../assignment/team-entries';
import { isRiskyChangePhase } from '$lib/domain/entries';
import type { Phase } from '$lib/domain/phases';
import { messages } from '$lib/i18n';

export type RiskyKind = 'class' | 'account';
const ACTIONS: Record<RiskyKind, string> = { class: 'entry.class', account: 'entry.account' };

/** What a change of the entry would touch now; null outside the risky phases. */
export function changeImpact(entryId: number, classId: number, phase: Phase) {
	if (!isRiskyChangePhase(phase)) return null;
	const d = db();
	const assessments = d
		.select({ status: table.assessment.status, n: sql<number>`count(*)` })
		.from(table.assessment)
		.where(eq(table.assessment.entryId, entryId))
		.groupBy(table.assessment.status)
		.all();
	const counted = (status: 'draft' | 'submitted') => assessments.find((a) => a.status === status)?.n ?? 0;
	const consensus = d.select({ status: table.consensus.status }).from(table.consensus).where(eq(table.consensus.entryId, entryId)).get();
	const classEntries =
		d
			.select({ n: sql<number>`count(*)` })
			.from(table.entry)
			.where(and(eq(table.entry.classId, classId), eq(table.entry.status, 'registered')))
			.get()?.n ?? 0;
	return {
		submitted: counted('submitted'),
		drafts: counted('draft'),
		consensus: consensus?.status ?? ('none' as const),
		classEntries,
		people: concernedPeople(d, entryId).length
	};
}

export type ChangeImpact = NonNullable<ReturnType<typeof changeImpact>>;

/**
 * Everyone whose work on the entry a change disturbs: its published team, and whoever has already
 * written an assessment of it (an examiner taken off the team keeps what they wrote).
 */
function concernedPeople(q: Queryable, entryId: number) {
	const onTeam = q
		.select({ userId: table.teamMember.userId })
		.from(table.teamEntry)
		.innerJoin(table.team, eq(table.team.id, table.teamEntry.teamId))
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.team.id))
		.where(and(eq(table.teamEntry.entryId, entryId), isNotNull(table.team.publishedAt)));
	const assessed = q.select({ userId: table.assessment.examinerId }).from(table.assessment).where(eq(table.assessment.entryId, entryId));
	return q
		.select({ id: table.user.id, name: table.user.name, email: table.user.email })
		.from(table.user)
		.where(or(inArray(table.user.id, onTeam), inArray(table.user.id, assessed)))
		.orderBy(table.user.name)
		.all();
}

export interface RiskyChange {
	kind: RiskyKind;
	entryId: number;
	reason: string;
	/** The public address of the app, for the link in the e-mail. */
	origin: string;
}

/** Queues one e-mail per person assessing the entry, in the change's transaction; returns how many. */
export function tellAssessors(tx: Tx, change: RiskyChange): number {
	const m = messages('sv').entries.notice;
	const entry = tx
		.select({ unit: table.unit.name, className: table.awardClass.nameSv })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.id, change.entryId))
		.get()!;
	const what = change.kind === 'class' ? m.classChanged(entry.className) : m.accountReplaced;
	const link = `${change.origin.replace(/\/+$/, '')}/examiner/entries/${change.entryId}`;
	const people = concernedPeople(tx, change.entryId);
	for (const person of people) {
		enqueueMail(tx, { to: person.email, subject: m.subject(entry.unit), text: m.body(person.name, entry.unit, what, change.reason, link) });
	}
	return people.length;
}

/**
 * The risky changes of the cycle's entries that concern the person, newest first, from the audit
 * log that already holds each change with its reason: nothing to keep in step.
 */
export function changeNotices(userId: number, cycleId: number, limit = 10) {
	const d = db();
	const mine = selectTeamEntries(d, { userId, cycleId }, {})
		.all()
		.map((r) => r.entryId);
	const assessed = d.select({ entryId: table.assessment.entryId }).from(table.assessment).where(eq(table.assessment.examinerId, userId)).all();
	const ids = [...new Set([...mine, ...assessed.map((a) => a.entryId)])].map(String);
	if (ids.length === 0) return [];
	return d
		.select({
			id: table.auditLog.id,
			at: table.auditLog.at,
			action: table.auditLog.action,
			reason: table.auditLog.reason,
			entryId: table.entry.id,
			unitName: table.unit.name
		})
		.from(table.auditLog)
		.innerJoin(table.entry, eq(sql`cast(${table.auditLog.entityId} as integer)`, table.entry.id))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(
			and(
				eq(table.auditLog.cycleId, cycleId),
				eq(table.auditLog.entityType, 'entry'),
				inArray(table.auditLog.entityId, ids),
				inArray(table.auditLog.action, Object.values(ACTIONS)),
				isNotNull(table.auditLog.reason)
			)
		)
		.orderBy(desc(table.auditLog.id))
		.limit(limit)
		.all()
		.map((r) => ({ ...r, kind: (r.action === ACTIONS.class ? 'class' : 'account') as RiskyKind, reason: r.reason ?? '' }));
}
