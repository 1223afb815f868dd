/**
 * The cycle's assignment as the rules see it: the admitted entries, the pool with the organisations
 * each member coordinates, and the declared conflicts as the engine's input, and the teams
 * (published and proposed) as a plan. The plan's version is a hash of its team rows, so an edit
 * made on a page that shows an older plan is refused.
 */
import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '../db';
import { appendAudit, type AuditEntry } from '../db/audit';
import * as table from '../db/schema';
import { admittedEntryIds } from '../eligibility/eligibility';
import { listPool, type PoolMember } from '../examiners/pool';
import type { AssignInput } from '$lib/domain/assign';
import type { PlanTeam } from '$lib/domain/team-plan';
import type { Phase } from '$lib/domain/phases';

/** Phases in which teams may be proposed, edited and published. */
export const ASSIGNMENT_PHASES: readonly Phase[] = ['preparation', 'registration', 'assessment', 'consensus'];

export interface PlanEntry {
	id: string;
	unitName: string;
	organisationId: string;
	organisationName: string;
	classId: string;
	admitted: boolean;
}

export interface PlanClass {
	id: string;
	nameSv: string;
	nameEn: string;
}

export interface PlanState {
	cycleId: number;
	phase: Phase;
	teamSize: number;
	version: string;
	/** Admitted entries, the whole pool at full capacity with what each coordinates, declared conflicts of pool members. */
	input: AssignInput;
	teams: PlanTeam[];
	/** Every registered entry of the cycle, admitted or not, for names. */
	entries: PlanEntry[];
	pool: PoolMember[];
	classes: PlanClass[];
}

/** An examiner without a home organisation clashes with nobody: a organisation id of their own. */
export function examinerOrganisation(p: Pick<PoolMember, 'organisationId' | 'userId'>): string {
	return p.organisationId === null ? `none-${p.userId}` : String(p.organisationId);
}

export function loadPlan(cycleId: number, q: Queryable = db()): PlanState | null {
	const cycle = q.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
	if (!cycle) return null;
	const classes = q
		.select()
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id))
		.all()
		.map((c) => ({ id: String(c.id), nameSv: c.nameSv, nameEn: c.nameEn }));
	const admitted = new Set(admittedEntryIds(cycleId, { q }));
	const entries: PlanEntry[] = q
		.select({ id: table.entry.id, unitName: table.unit.name, classId: table.entry.classId, organisationId: table.organisation.id, organisationName: table.organisation.name })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.where(eq(table.entry.cycleId, cycleId))
		.orderBy(asc(table.unit.name), asc(table.entry.id))
		.all()
		.map((e) => ({
			id: String(e.id),
			unitName: e.unitName,
			organisationId: String(e.organisationId),
			organisationName: e.organisationName,
			classId: String(e.classId),
			admitted: admitted.has(e.id)
		}));
	const pool = listPool(cycleId, q);
	const poolIds = pool.map((p) => p.userId);
	const conflicts =
		poolIds.length === 0
			? []
			: q
					.select({ userId: table.conflict.userId, entryId: table.conflict.entryId })
					.from(table.conflict)
					.innerJoin(table.entry, eq(table.entry.id, table.conflict.entryId))
					.where(inArray(table.conflict.userId, poolIds))
					.all()
					.filter((c) => admitted.has(c.entryId));
	const coordinates = new Map<number, string[]>();
	for (const c of q.select().from(table.coordinator).where(eq(table.coordinator.cycleId, cycleId)).all()) {
		coordinates.set(c.userId, [...(coordinates.get(c.userId) ?? []), String(c.organisationId)]);
	}
	const teams = loadTeams(q, cycleId);
	return {
		cycleId,
		phase: cycle.phase,
		teamSize: cycle.teamSize,
		version: planVersion(teams),
		input: {
			teamSize: cycle.teamSize,
			entries: entries.filter((e) => e.admitted).map((e) => ({ id: e.id, classId: e.classId, organisationId: e.organisationId })),
			examiners: pool.map((p) => ({
				id: String(p.userId),
				organisationId: examinerOrganisation(p),
				classIds: p.classIds.map(String),
				capacity: p.capacity,
				leadCapable: p.leadCapable,
				coordinates: coordinates.get(p.userId) ?? []
			})),
			conflicts: conflicts.map((c) => ({ examinerId: String(c.userId), entryId: String(c.entryId) }))
		},
		teams,
		entries,
		pool,
		classes
	};
}

function loadTeams(q: Queryable, cycleId: number): PlanTeam[] {
	const teams = q.select().from(table.team).where(eq(table.team.cycleId, cycleId)).orderBy(asc(table.team.id)).all();
	if (teams.length === 0) return [];
	const ids = teams.map((t) => t.id);
	const members = q.select().from(table.teamMember).where(inArray(table.teamMember.teamId, ids)).orderBy(asc(table.teamMember.userId)).all();
	const entries = q.select().from(table.teamEntry).where(inArray(table.teamEntry.teamId, ids)).orderBy(asc(table.teamEntry.entryId)).all();
	return teams.map((t) => {
		const own = members.filter((m) => m.teamId === t.id);
		const lead = own.find((m) => m.isLead);
		return {
			id: String(t.id),
			classId: String(t.classId),
			name: t.name,
			published: t.publishedAt !== null,
			memberIds: own.map((m) => String(m.userId)),
			leadId: lead ? String(lead.userId) : null,
			entryIds: entries.filter((e) => e.teamId === t.id).map((e) => String(e.entryId))
		};
	});
}

export type PlanRefusal = 'notFound' | 'phase' | 'conflict';

/**
 * Runs a change of the plan on the plan as its own transaction reads it: the cycle exists, is in
 * a phase that takes assignments, and the page that asked showed this version of the plan.
 */
export function changePlan<T>(cycleId: number, version: string, work: (tx: Tx, state: PlanState) => T): T | { ok: false; error: PlanRefusal } {
	return db().transaction((tx) => {
		const state = loadPlan(cycleId, tx);
		if (!state) return { ok: false, error: 'notFound' } as const;
		if (!ASSIGNMENT_PHASES.includes(state.phase)) return { ok: false, error: 'phase' } as const;
		if (state.version !== version) return { ok: false, error: 'conflict' } as const;
		return work(tx, state);
	});
}

/** Every change of the plan is logged against its cycle. */
export function auditPlan(q: Queryable, entry: Omit<AuditEntry, 'entityType' | 'entityId'> & { cycleId: number }): void {
	appendAudit(q, { ...entry, entityType: 'cycle', entityId: entry.cycleId });
}

/** A short hash of every team row of the cycle: any change to a team changes it. */
export function planVersion(teams: PlanTeam[]): string {
	const rows = teams.map((t) => [t.id, t.classId, t.name, t.published, t.leadId, t.memberIds, t.entryIds]);
	return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

/** A team snapshot for the audit log: ids, so it stays true when names change. */
export function auditTeams(teams: PlanTeam[]) {
	return teams.map((t) => ({
		id: t.id,
		name: t.name,
		classId: Number(t.classId),
		published: t.published,
		leadId: t.leadId === null ? null : Number(t.leadId),
		memberIds: t.memberIds.map(Number),
		entryIds: t.entryIds.map(Number)
	}));
}

/** The next free "Lag N" numbers after the cycle's existing team names. */
export function nextTeamNumber(teams: Pick<PlanTeam, 'name'>[]): number {
	let max = 0;
	for (const t of teams) {
		const n = /^Lag (\d+)$/.exec(t.name);
		if (n) max = Math.max(max, Number(n[1]));
	}
	return max + 1;
}

/**
 * Writes the unpublished teams of `after` in place of those of `before`: teams gone are deleted,
 * changed teams get their members and entries anew, new teams are inserted with the next free name.
 * Published teams are never touched here.
 */
export function writeTeams(q: Queryable, cycleId: number, before: PlanTeam[], after: PlanTeam[]): void {
	const oldById = new Map(before.filter((t) => !t.published).map((t) => [t.id, t]));
	const kept = new Set(after.filter((t) => !t.published && oldById.has(t.id)).map((t) => t.id));
	const same = (a: PlanTeam, b: PlanTeam) =>
		a.leadId === b.leadId && a.memberIds.join() === b.memberIds.join() && a.entryIds.join() === b.entryIds.join() && a.classId === b.classId;
	const changed = after.filter((t) => kept.has(t.id) && !same(t, oldById.get(t.id)!));
	// Deletes first: an entry moving between teams must leave its old team before it joins the new.
	for (const id of oldById.keys()) if (!kept.has(id)) q.delete(table.team).where(eq(table.team.id, Number(id))).run();
	for (const t of changed) {
		q.delete(table.teamMember).where(eq(table.teamMember.teamId, Number(t.id))).run();
		q.delete(table.teamEntry).where(eq(table.teamEntry.teamId, Number(t.id))).run();
	}
	let n = nextTeamNumber([...before, ...after]);
	for (const t of after.filter((t) => !t.published && !oldById.has(t.id))) {
		const id = q
			.insert(table.team)
			.values({ cycleId, classId: Number(t.classId), name: t.name || `Lag ${n++}`, publishedAt: null })
			.returning({ id: table.team.id })
			.get().id;
		insertRows(q, id, t);
	}
	for (const t of changed) {
		q.update(table.team).set({ classId: Number(t.classId) }).where(eq(table.team.id, Number(t.id))).run();
		insertRows(q, Number(t.id), t);
	}
}

function insertRows(q: Queryable, teamId: number, t: PlanTeam): void {
	for (const userId of t.memberIds) q.insert(table.teamMember).values({ teamId, userId: Number(userId), isLead: userId === t.leadId }).run();
	for (const entryId of t.entryIds) q.insert(table.teamEntry).values({ teamId, entryId: Number(entryId) }).run();
}
