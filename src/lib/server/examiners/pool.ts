/**
 * The examiner pool of a cycle: who may be put on a team, with their home organisation (a conflict
 * of interest with its entries), training year, whether they can lead, their expertise (classes)
 * and capacity (entries per cycle). A person joins the pool as a user with the cycle role
 * 'examiner' and an examiner profile; a new user has no password until one is set.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { normaliseEmail } from '../auth/login';

export interface PoolMember {
	profileId: number;
	userId: number;
	name: string;
	email: string;
	organisationId: number | null;
	organisationName: string | null;
	trainedYear: number | null;
	leadCapable: boolean;
	capacity: number;
	classIds: number[];
	version: number;
	/** Entries on the person's teams, published or proposed. */
	load: number;
}

/** The pool in name order, with each person's load on the cycle's teams. */
export function listPool(cycleId: number, q: Queryable = db()): PoolMember[] {
	const rows = q
		.select({
			profile: table.examinerProfile,
			name: table.user.name,
			email: table.user.email,
			organisationName: table.organisation.name
		})
		.from(table.examinerProfile)
		.innerJoin(table.user, eq(table.user.id, table.examinerProfile.userId))
		.leftJoin(table.organisation, eq(table.organisation.id, table.examinerProfile.organisationId))
		.where(eq(table.examinerProfile.cycleId, cycleId))
		.orderBy(asc(table.user.name), asc(table.user.id))
		.all();
	const profileIds = rows.map((r) => r.profile.id);
	const expertise = new Map<number, number[]>();
	if (profileIds.length > 0) {
		for (const e of q
			.select()
			.from(table.examinerExpertise)
			.innerJoin(table.awardClass, eq(table.awardClass.id, table.examinerExpertise.classId))
			.where(inArray(table.examinerExpertise.profileId, profileIds))
			.orderBy(asc(table.awardClass.sortOrder))
			.all()) {
			const list = expertise.get(e.examiner_expertise.profileId) ?? [];
			list.push(e.examiner_expertise.classId);
			expertise.set(e.examiner_expertise.profileId, list);
		}
	}
	const loads = new Map(
		q
			.select({ userId: table.teamMember.userId, n: sql<number>`count(${table.teamEntry.entryId})` })
			.from(table.teamMember)
			.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
			.innerJoin(table.teamEntry, eq(table.teamEntry.teamId, table.team.id))
			.where(eq(table.team.cycleId, cycleId))
			.groupBy(table.teamMember.userId)
			.all()
			.map((r) => [r.userId, Number(r.n)])
	);
	return rows.map((r) => ({
		profileId: r.profile.id,
		userId: r.profile.userId,
		name: r.name,
		email: r.email,
		organisationId: r.profile.organisationId,
		organisationName: r.organisationName,
		trainedYear: r.profile.trainedYear,
		leadCapable: r.profile.leadCapable,
		capacity: r.profile.capacity,
		classIds: expertise.get(r.profile.id) ?? [],
		version: r.profile.version,
		load: loads.get(r.profile.userId) ?? 0
	}));
}

export function getPoolMember(cycleId: number, userId: number, q: Queryable = db()): PoolMember | null {
	return listPool(cycleId, q).find((p) => p.userId === userId) ?? null;
}

export interface ExaminerData {
	name: string;
	email: string;
	organisationId: number | null;
	trainedYear: number | null;
	leadCapable: boolean;
	capacity: number;
	classIds: number[];
}

export type SaveResult =
	| { ok: true; userId: number }
	| { ok: false; error: 'notFound' | 'conflict' | 'alreadyExaminer' | 'emailTaken' | 'archived' | 'badClass' | 'badOrganisation' };

const snapshot = (d: ExaminerData) => ({ ...d, classIds: [...d.classIds].sort((a, b) => a - b) });

/** Puts a person in the cycle's pool: the user is found by e-mail or created (without a password). */
export function addExaminer(cycleId: number, data: ExaminerData, actorId: number, q?: Queryable): SaveResult {
	const run = (tx: Queryable): SaveResult => {
		const problem = checkReferences(tx, cycleId, data);
		if (problem) return { ok: false, error: problem };
		const email = normaliseEmail(data.email);
		const existing = tx.select().from(table.user).where(eq(table.user.email, email)).get();
		if (existing) {
			const inPool = tx
				.select({ id: table.examinerProfile.id })
				.from(table.examinerProfile)
				.where(and(eq(table.examinerProfile.cycleId, cycleId), eq(table.examinerProfile.userId, existing.id)))
				.get();
			if (inPool) return { ok: false, error: 'alreadyExaminer' };
		}
		const userId =
			existing?.id ?? tx.insert(table.user).values({ email, name: data.name }).returning({ id: table.user.id }).get().id;
		writeProfile(tx, cycleId, userId, data, null);
		appendAudit(tx, {
			actorId,
			cycleId,
			action: 'examiner.add',
			entityType: 'user',
			entityId: userId,
			after: { ...snapshot(data), email, newUser: !existing }
		});
		return { ok: true, userId };
	};
	return q ? run(q) : db().transaction(run);
}

/** Changes a pool member's details; refused when the form was based on an older version. */
export function updateExaminer(cycleId: number, userId: number, version: number, data: ExaminerData, actorId: number): SaveResult {
	return db().transaction((tx): SaveResult => {
		const current = getPoolMember(cycleId, userId, tx);
		if (!current) return { ok: false, error: 'notFound' };
		if (current.version !== version) return { ok: false, error: 'conflict' };
		const problem = checkReferences(tx, cycleId, data);
		if (problem) return { ok: false, error: problem };
		const email = normaliseEmail(data.email);
		const taken = tx.select({ id: table.user.id }).from(table.user).where(eq(table.user.email, email)).get();
		if (taken && taken.id !== userId) return { ok: false, error: 'emailTaken' };
		tx.update(table.user).set({ name: data.name, email }).where(eq(table.user.id, userId)).run();
		writeProfile(tx, cycleId, userId, data, current);
		const before: ExaminerData = {
			name: current.name,
			email: current.email,
			organisationId: current.organisationId,
			trainedYear: current.trainedYear,
			leadCapable: current.leadCapable,
			capacity: current.capacity,
			classIds: current.classIds
		};
		appendAudit(tx, {
			actorId,
			cycleId,
			action: 'examiner.update',
			entityType: 'user',
			entityId: userId,
			before: snapshot(before),
			after: { ...snapshot(data), email }
		});
		return { ok: true, userId };
	});
}

export type RemoveResult = { ok: true } | { ok: false; error: 'notFound' | 'conflict' | 'onTeam' | 'archived' };

/** Takes a person out of the pool; only while they are on no team of the cycle. */
export function removeExaminer(cycleId: number, userId: number, version: number, actorId: number): RemoveResult {
	return db().transaction((tx): RemoveResult => {
		const current = getPoolMember(cycleId, userId, tx);
		if (!current) return { ok: false, error: 'notFound' };
		if (current.version !== version) return { ok: false, error: 'conflict' };
		if (cyclePhase(tx, cycleId) === 'archived') return { ok: false, error: 'archived' };
		const onTeam = tx
			.select({ id: table.team.id })
			.from(table.teamMember)
			.innerJoin(table.team, eq(table.team.id, table.teamMember.teamId))
			.where(and(eq(table.team.cycleId, cycleId), eq(table.teamMember.userId, userId)))
			.get();
		if (onTeam) return { ok: false, error: 'onTeam' };
		tx.delete(table.examinerProfile).where(eq(table.examinerProfile.id, current.profileId)).run();
		tx.delete(table.cycleRole)
			.where(and(eq(table.cycleRole.cycleId, cycleId), eq(table.cycleRole.userId, userId), eq(table.cycleRole.role, 'examiner')))
			.run();
		appendAudit(tx, { actorId, cycleId, action: 'examiner.remove', entityType: 'user', entityId: userId, before: current });
		return { ok: true };
	});
}

function cyclePhase(q: Queryable, cycleId: number) {
	return q.select({ phase: table.cycle.phase }).from(table.cycle).where(eq(table.cycle.id, cycleId)).get()?.phase ?? null;
}

type SaveError = Extract<SaveResult, { ok: false }>['error'];

function checkReferences(q: Queryable, cycleId: number, data: ExaminerData): SaveError | null {
	const phase = cyclePhase(q, cycleId);
	if (phase === null) return 'notFound';
	if (phase === 'archived') return 'archived';
	if (data.organisationId !== null && !q.select({ id: table.organisation.id }).from(table.organisation).where(eq(table.organisation.id, data.organisationId)).get()) {
		return 'badOrganisation';
	}
	if (data.classIds.length > 0) {
		const found = q
			.select({ id: table.awardClass.id })
			.from(table.awardClass)
			.where(and(eq(table.awardClass.cycleId, cycleId), inArray(table.awardClass.id, data.classIds)))
			.all();
		if (found.length !== new Set(data.classIds).size) return 'badClass';
	}
	return null;
}

/** The profile, the cycle role (which carries the home organisation too) and the expertise. */
function writeProfile(q: Queryable, cycleId: number, userId: number, data: ExaminerData, current: PoolMember | null): void {
	const values = {
		trainedYear: data.trainedYear,
		leadCapable: data.leadCapable,
		capacity: data.capacity,
		organisationId: data.organisationId
	};
	const profileId = current
		? (q
				.update(table.examinerProfile)
				.set({ ...values, version: current.version + 1 })
				.where(eq(table.examinerProfile.id, current.profileId))
				.run(),
			current.profileId)
		: q.insert(table.examinerProfile).values({ cycleId, userId, ...values }).returning({ id: table.examinerProfile.id }).get().id;
	q.insert(table.cycleRole)
		.values({ cycleId, userId, role: 'examiner', organisationId: data.organisationId })
		.onConflictDoUpdate({
			target: [table.cycleRole.cycleId, table.cycleRole.userId, table.cycleRole.role],
			set: { organisationId: data.organisationId }
		})
		.run();
	q.delete(table.examinerExpertise).where(eq(table.examinerExpertise.profileId, profileId)).run();
	for (const classId of new Set(data.classIds)) q.insert(table.examinerExpertise).values({ profileId, classId }).run();
}
