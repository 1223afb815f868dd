/**
 * What each preference of docs/assignment.md §3 counts, defined once: the rule check shows these
 * breaches, the optimiser minimises these counts, and the benchmark and the tests compare plans by
 * them. A plan is better than another when it is better at the first preference where they differ.
 *
 * A team is the members who take entries of one class together: entries of one class with the same
 * member set are one team, whatever order the members were listed in.
 */
import { compareIds, isExpert, type Model } from './model.ts';

export interface StaffedEntry {
	entry: number;
	/** Examiner indices, distinct and known. */
	members: number[];
}

export interface Team {
	classIndex: number;
	/** Ascending examiner indices. */
	members: number[];
	/** Ascending entry indices. */
	entries: number[];
}

/** The preferences in their order; the first is maximised, the others minimised. */
export const PREFERENCES = ['covered', 'expertiseMisses', 'splits', 'organisationClashes', 'loadSquares'] as const;
export type Preference = (typeof PREFERENCES)[number];
export type Quality = Record<Preference, number>;

/** The most entries one team takes: a team meets, agrees and visits for one or two units. */
export const TEAM_ENTRIES = 2;

/**
 * The entries grouped into teams, ordered by their first entry. Entries of one class with the same
 * members beyond the second are another team of the same people, in order of entry: three entries
 * with the same members are a team of two and a team of one, and its members are split.
 */
export function teamsOf(m: Model, staffed: StaffedEntry[]): Team[] {
	const byKey = new Map<string, Team>();
	const teams: Team[] = [];
	for (const { entry, members } of [...staffed].sort((a, b) => a.entry - b.entry)) {
		const sorted = [...members].sort((a, b) => a - b);
		const key = `${m.entryClass[entry]}:${sorted.join()}`;
		let team = byKey.get(key);
		if (!team || team.entries.length === TEAM_ENTRIES) {
			team = { classIndex: m.entryClass[entry], members: sorted, entries: [] };
			byKey.set(key, team);
			teams.push(team);
		}
		team.entries.push(entry);
	}
	return teams;
}

/**
 * A split: an examiner on more than one team sits in meetings of different groups. One breach per
 * team beyond an examiner's first (teams in order of their first entry), so an examiner on two teams
 * is one split.
 */
export function splits(teams: Team[]): { examiner: number; team: Team }[] {
	const first = new Set<number>();
	const found: { examiner: number; team: Team }[] = [];
	for (const team of teams) {
		for (const x of team.members) {
			if (first.has(x)) found.push({ examiner: x, team });
			else first.add(x);
		}
	}
	return found;
}

/**
 * An organisation clash: a member of a team who comes from the same organisation as an earlier
 * member of it. One per team, not per entry: a team of two colleagues and a third taking two entries
 * is one clash. Each member beyond the first of an organisation counts once.
 */
export function organisationClashes(m: Model, members: number[]): { examiner: number; colleague: number }[] {
	const firstOf = new Map<number, number>();
	const found: { examiner: number; colleague: number }[] = [];
	for (const x of members) {
		const org = m.examinerOrg[x];
		const colleague = firstOf.get(org);
		if (colleague === undefined) firstOf.set(org, x);
		else found.push({ examiner: x, colleague });
	}
	return found;
}

/** The members without the team's class: each misses once per entry of the team. */
export function membersWithoutClass(m: Model, team: Team): number[] {
	return team.members.filter((x) => !isExpert(m, x, team.classIndex));
}

/** Entries per examiner over the whole pool. */
export function loads(m: Model, teams: Team[]): Int32Array {
	const load = new Int32Array(m.examinerIds.length);
	for (const t of teams) for (const x of t.members) load[x] += t.entries.length;
	return load;
}

/**
 * Even loads: the sum of squared loads. The total work is fixed by the coverage and team size, so
 * a smaller sum means loads closer to each other (two examiners on one entry each: 2; one on two: 4).
 */
export function loadSquares(load: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < load.length; i++) sum += load[i] * load[i];
	return sum;
}

export function measure(m: Model, teams: Team[]): Quality {
	let covered = 0;
	let misses = 0;
	let clashes = 0;
	for (const t of teams) {
		covered += t.entries.length;
		misses += membersWithoutClass(m, t).length * t.entries.length;
		clashes += organisationClashes(m, t.members).length;
	}
	return { covered, expertiseMisses: misses, splits: splits(teams).length, organisationClashes: clashes, loadSquares: loadSquares(loads(m, teams)) };
}

/** The first preference at which two plans differ, or null when they are equally good. */
export function firstDifference(a: Quality, b: Quality): Preference | null {
	return PREFERENCES.find((p) => a[p] !== b[p]) ?? null;
}

/** Negative when `a` is the better plan, positive when `b` is, 0 when equal at every preference. */
export function compareQuality(a: Quality, b: Quality): number {
	const p = firstDifference(a, b);
	if (p === null) return 0;
	return p === 'covered' ? b[p] - a[p] : a[p] - b[p];
}

/** The staffed entries of a plan given in ids, for entries and members the model knows. */
export function staffedFromIds(m: Model, assignments: { entryId: string; examinerIds: string[] }[]): StaffedEntry[] {
	const entryIndex = new Map(m.entryIds.map((id, i) => [id, i]));
	const examinerIndex = new Map(m.examinerIds.map((id, i) => [id, i]));
	const seen = new Set<number>();
	const staffed: StaffedEntry[] = [];
	for (const a of [...assignments].sort((p, q) => compareIds(p.entryId, q.entryId))) {
		const e = entryIndex.get(a.entryId);
		if (e === undefined || seen.has(e)) continue;
		seen.add(e);
		const members = [...new Set(a.examinerIds.map((id) => examinerIndex.get(id)).filter((x): x is number => x !== undefined))];
		staffed.push({ entry: e, members });
	}
	return staffed;
}

