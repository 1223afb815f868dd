/**
 * The engine's plan improved by local moves that never break a hard rule: the start of the exact
 * model, and the proposal itself where the pool is too large for it (a national cycle), with the
 * bounds that say how far from the best it can be.
 * Each move is taken only when it makes the plan better at the first preference it changes
 * (`quality.ts`), so the result is never worse than the start.
 *
 * Moves, repeated until none helps or the work budget is spent (counted in candidate checks, so the
 * result does not depend on the machine's speed):
 * - replace: a member with someone who has room for all of the team's entries;
 * - divide: a team with two entries keeps one, and a new team of members with no team yet takes
 *   the other, when that spreads the load without a miss or a clash.
 */
import { EXACT_PAIRS, type AssignReport } from '../assign.ts';
import { missesBound } from './bounds.ts';
import { allowed, isExpert, type Model } from './model.ts';
import { minMisses } from './slots.ts';
import { organisationClashes, teamsOf, type Quality, type StaffedEntry, type Team } from './quality.ts';

const WORK = 20_000_000;

export function improvePlan(m: Model, staffed: StaffedEntry[]): StaffedEntry[] {
	const teams = teamsOf(m, staffed).map((t) => ({ ...t, members: [...t.members] }));
	const X = m.examinerIds.length;
	const load = new Int32Array(X);
	const teamCount = new Int32Array(X);
	for (const t of teams) for (const x of t.members) (load[x] += t.entries.length), teamCount[x]++;
	const missOf = (x: number, t: Team) => (isExpert(m, x, t.classIndex) ? 0 : t.entries.length);
	const clashesWith = (members: number[]) => organisationClashes(m, members).length;
	const fits = (y: number, t: Team) => m.capacity[y] - load[y] >= t.entries.length && t.entries.every((e) => allowed(m, y, e));
	let work = 0;

	let changed = true;
	while (changed && work < WORK) {
		changed = false;
		for (const t of teams) {
			for (let i = 0; i < t.members.length && work < WORK; i++) {
				const x = t.members[i];
				const n = t.entries.length;
				const clashes = clashesWith(t.members);
				// Replacing x helps only where x bends a preference here: a miss, a split or a colleague
				// on the team (a load cannot get more even by moving all of a team's entries at once).
				const colleague = t.members.some((z) => z !== x && m.examinerOrg[z] === m.examinerOrg[x]);
				if (missOf(x, t) === 0 && teamCount[x] === 1 && !colleague) continue;
				for (let y = 0; y < X; y++) {
					work++;
					if (t.members.includes(y) || !fits(y, t)) continue;
					// A lead-capable member is only replaced by one when they are the team's only one.
					if (m.leadCapable[x] && !m.leadCapable[y] && t.members.filter((z) => m.leadCapable[z]).length === 1) continue;
					const next = t.members.map((z) => (z === x ? y : z));
					const delta = [
						missOf(y, t) - missOf(x, t),
						(teamCount[y] > 0 ? 1 : 0) - (teamCount[x] > 1 ? 1 : 0),
						clashesWith(next) - clashes,
						(load[y] + n) ** 2 - load[y] ** 2 + (load[x] - n) ** 2 - load[x] ** 2
					];
					if (!better(delta)) continue;
					t.members = next.sort((a, b) => a - b);
					(load[x] -= n), teamCount[x]--;
					(load[y] += n), teamCount[y]++;
					changed = true;
					break;
				}
			}
		}
		// Examiners with no team yet, per class they know: the only ones a divided entry may take.
		const idle = m.classIds.map((_, c) => m.examinerIds.map((_, y) => y).filter((y) => teamCount[y] === 0 && m.capacity[y] > 0 && isExpert(m, y, c)));
		for (const t of [...teams]) {
			if (t.entries.length !== 2 || work >= WORK) continue;
			const entry = t.entries[1];
			const free = idle[t.classIndex].filter((y) => teamCount[y] === 0);
			work += free.length;
			const fresh = freshTeam(m, entry, free);
			if (!fresh) continue;
			t.entries = [t.entries[0]];
			for (const x of t.members) load[x]--;
			for (const y of fresh) (load[y] = 1), (teamCount[y] = 1);
			teams.push({ classIndex: t.classIndex, members: fresh, entries: [entry] });
			changed = true;
		}
	}
	return teams.flatMap((t) => t.entries.map((entry) => ({ entry, members: t.members }))).sort((a, b) => a.entry - b.entry);
}

/** Negative at the first preference it changes. */
function better(delta: number[]): boolean {
	const first = delta.find((d) => d !== 0);
	return first !== undefined && first < 0;
}

/** teamSize of the free experts from different organisations, one lead-capable, all allowed on the entry. */
function freshTeam(m: Model, entry: number, free: number[]): number[] | null {
	const members: number[] = [];
	const orgs = new Set<number>();
	const candidates = free.filter((x) => allowed(m, x, entry));
	// The lead first, so that a team never lacks one.
	const lead = candidates.find((x) => m.leadCapable[x]);
	if (lead === undefined) return null;
	members.push(lead);
	orgs.add(m.examinerOrg[lead]);
	for (const x of candidates) {
		if (members.length === m.teamSize) break;
		if (x === lead || orgs.has(m.examinerOrg[x])) continue;
		members.push(x);
		orgs.add(m.examinerOrg[x]);
	}
	return members.length === m.teamSize ? members.sort((a, b) => a - b) : null;
}

/**
 * Bounds at each preference that need no solver, each holding among plans as good at the earlier
 * preferences (`reached`: the plan's counts so far): coverage as the engine proves it; misses, when
 * every entry is covered, as `fewestMisses`; no split or clash can be ruled out this way; the loads
 * no more even than `evenestLoads`, nor, when nobody is split, than `evenestTeams`.
 */
export function qualityBounds(m: Model, reached: Pick<Quality, 'covered' | 'splits'>, report: AssignReport): Quality {
	const { covered, splits } = reached;
	const seats = evenestLoads(m, covered * m.teamSize);
	return {
		covered: report.coverageBound,
		expertiseMisses: covered === m.entryIds.length ? fewestMisses(m) : 0,
		splits: 0,
		organisationClashes: 0,
		loadSquares: splits === 0 ? Math.max(seats, evenestTeams(m, covered)) : seats
	};
}

/**
 * With nobody split, everyone is on one team and carries all of its entries: a team of k entries
 * adds teamSize·k² to the sum of squared loads. There are at most as many teams as the pool has
 * people for, and as it has people who can lead (each leads only their one team), so the sum is
 * least with the entries spread as evenly as possible over that many.
 */
function evenestTeams(m: Model, covered: number): number {
	const people = m.capacity.filter((c) => c > 0).length;
	const leads = m.capacity.filter((c, x) => c > 0 && m.leadCapable[x]).length;
	const teams = Math.min(covered, Math.floor(people / m.teamSize), leads);
	if (teams === 0) return 0;
	const q = Math.floor(covered / teams);
	const r = covered - q * teams;
	return m.teamSize * (r * (q + 1) ** 2 + (teams - r) * q * q);
}

/**
 * The fewest misses with which every entry can be staffed: exact from the min-cost flow that staffs
 * them entry by entry (a team structure cannot do better) where that flow is cheap, else the
 * engine's class-level relaxation.
 */
function fewestMisses(m: Model): number {
	const all = m.entryIds.map((_, e) => e);
	if (m.examinerIds.length * all.length > EXACT_PAIRS) return missesBound(m, all);
	return minMisses(m, all) ?? missesBound(m, all);
}

/**
 * The least sum of squared loads that puts `seats` within the capacities: an examiner whose capacity
 * is below the average still to place is full; the rest share what is left as evenly as whole
 * entries allow.
 */
function evenestLoads(m: Model, seats: number): number {
	const caps = [...m.capacity].sort((a, b) => a - b);
	let left = seats;
	let sum = 0;
	for (let i = 0; i < caps.length; i++) {
		const rest = caps.length - i;
		if (caps[i] * rest <= left) {
			sum += caps[i] * caps[i];
			left -= caps[i];
			continue;
		}
		const q = Math.floor(left / rest);
		const extra = left - q * rest;
		return sum + extra * (q + 1) ** 2 + (rest - extra) * q * q;
	}
	return sum;
}
