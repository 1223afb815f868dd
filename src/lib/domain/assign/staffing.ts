/**
 * Building the plan: standing teams are matched to entries by a min-cost flow on team units, and
 * entries no team can take are staffed member by member from whatever capacity is left.
 */
import { addArc, createGraph, flowOn, minCostFlow } from './min-cost-flow.ts';
import { allowed, miss, type Model } from './model.ts';
import { buildSlotNetwork, LOAD_STEPS, membersFromFlow, solve } from './slots.ts';
import type { Team } from './teams.ts';

export interface Staffing {
	/** Per entry: its members, ascending, or [] while unstaffed. */
	members: number[][];
	load: Int32Array;
	/** Per entry: the standing team that took it, or −1. */
	team: Int32Array;
}

export function emptyStaffing(m: Model): Staffing {
	return {
		members: m.entryIds.map(() => []),
		load: new Int32Array(m.examinerIds.length),
		team: new Int32Array(m.entryIds.length).fill(-1)
	};
}

export function staffEntry(st: Staffing, e: number, members: number[], team = -1): void {
	st.members[e] = [...members].sort((a, b) => a - b);
	st.team[e] = team;
	for (const x of members) st.load[x]++;
}

export function openEntries(st: Staffing): number[] {
	const open: number[] = [];
	st.members.forEach((members, e) => members.length === 0 && open.push(e));
	return open;
}

/**
 * Matches teams with spare units to open entries. With `crossClass` false a team only takes entries
 * of its home class (misses only from members who joined a short class without its expertise); with
 * true it may take any, at the cost of its misses. Costs, lexicographically: expertise misses, then
 * the team's same-organisation pairs, then each further entry of a team costs more than the one
 * before (convex), which spreads the work over as many teams as there are. Max flow first, so as
 * many entries as these teams can carry are covered.
 */
export function staffWithTeams(m: Model, teams: Team[], st: Staffing, crossClass: boolean): void {
	const open = openEntries(st);
	if (open.length === 0 || teams.length === 0) return;
	const taken = new Int32Array(teams.length);
	for (const t of st.team) if (t >= 0) taken[t]++;
	const openByClass: number[][] = m.classIds.map(() => []);
	open.forEach((e, i) => openByClass[m.entryClass[e]].push(i));

	const T = teams.length;
	const n = open.length;
	const k = m.teamSize;
	const loadMax = n * LOAD_STEPS;
	const wOrg = loadMax + 1;
	const wMiss = wOrg * ((n * k * (k - 1)) / 2 + 1);
	const sink = T + n + 1;
	const g = createGraph(sink + 1, T * 4 + n * 8);
	const pairArcs: number[] = [];

	teams.forEach((team, t) => {
		let spare = team.units - taken[t];
		for (const x of team.members) spare = Math.min(spare, m.capacity[x] - st.load[x]);
		if (spare <= 0) return;
		for (let j = 0; j < Math.min(spare, n); j++) addArc(g, 0, 1 + t, 1, Math.min(taken[t] + j, LOAD_STEPS));
		const candidates = crossClass ? open.map((_, i) => i) : openByClass[team.homeClass];
		for (const i of candidates) {
			const e = open[i];
			if (!team.members.every((x) => allowed(m, x, e))) continue;
			const misses = team.members.reduce((sum, x) => sum + miss(m, x, e), 0);
			pairArcs.push(addArc(g, 1 + t, 1 + T + i, 1, wMiss * misses + wOrg * team.clashes));
		}
	});
	for (let i = 0; i < n; i++) addArc(g, 1 + T + i, sink, 1, 0);
	minCostFlow(g, 0, sink);
	for (const arc of pairArcs) {
		if (flowOn(g, arc) === 0) continue;
		const t = g.to[arc ^ 1] - 1;
		staffEntry(st, open[g.to[arc] - 1 - T], teams[t].members, t);
	}
}

/**
 * Staffs open entries member by member from the capacity left. Costs, lexicographically: expertise
 * misses (pairs without expertise are left out when `expertsOnly`), then drawing on someone who
 * already sits in a team (which splits that team), then even loads. Max flow maximises filled seats,
 * not whole entries, so partly filled entries are released and the flow is re-run on them; a final
 * one-entry-at-a-time pass picks up what the flow spread too thin.
 */
export function fillOpenEntries(m: Model, st: Staffing, expertsOnly: boolean): void {
	const k = m.teamSize;
	for (let round = 0; round < 8; round++) {
		const open = openEntries(st);
		if (open.length === 0 || !canStaffAny(m, st)) return;
		const seats = k * open.length;
		const loadMax = LOAD_STEPS * seats;
		const wBusy = loadMax + 1;
		const wMiss = wBusy * seats + loadMax + 1;
		const net = buildSlotNetwork(m, open, {
			units: (x) => m.capacity[x] - st.load[x],
			unitCost: (x, j) => Math.min(st.load[x] + j, LOAD_STEPS),
			pairCost: (x, e) => (expertsOnly && miss(m, x, e) ? -1 : wMiss * miss(m, x, e) + (st.load[x] > 0 ? wBusy : 0))
		});
		if (solve(net).flow === 0) return;
		let staffed = 0;
		membersFromFlow(net).forEach((members, i) => {
			if (members.length !== k) return;
			staffEntry(st, open[i], members);
			staffed++;
		});
		if (staffed === 0) break;
	}
	for (const e of openEntries(st)) if (canStaffAny(m, st)) staffAlone(m, st, e, expertsOnly);
}

/** Whether the capacity left could staff even one entry: a lead-capable unit and teamSize people. */
function canStaffAny(m: Model, st: Staffing): boolean {
	let people = 0;
	let leads = 0;
	for (let x = 0; x < m.examinerIds.length; x++) {
		if (st.load[x] >= m.capacity[x]) continue;
		people++;
		leads += m.leadCapable[x];
	}
	return leads > 0 && people >= m.teamSize;
}

/** Staffs one entry from the capacity left, if it can be done without moving anyone. */
function staffAlone(m: Model, st: Staffing, e: number, expertsOnly: boolean): void {
	const candidates: number[] = [];
	for (let x = 0; x < m.examinerIds.length; x++) {
		if (st.load[x] < m.capacity[x] && allowed(m, x, e) && !(expertsOnly && miss(m, x, e))) candidates.push(x);
	}
	if (candidates.length < m.teamSize || !candidates.some((x) => m.leadCapable[x])) return;
	candidates.sort((a, b) => miss(m, a, e) - miss(m, b, e) || Number(st.load[a] > 0) - Number(st.load[b] > 0) || a - b);
	const lead = candidates.find((x) => m.leadCapable[x]);
	if (lead === undefined) return;
	const others = candidates.filter((x) => x !== lead).slice(0, m.teamSize - 1);
	staffEntry(st, e, [lead, ...others]);
}

/**
 * The lead of each entry: the team's seed for standing teams; otherwise, for entries with identical
 * members the same person, else the lead-capable member with the fewest leads so far.
 */
export function chooseLeads(m: Model, st: Staffing, teams: Team[]): Int32Array {
	const leadOf = new Int32Array(m.entryIds.length).fill(-1);
	const leads = new Int32Array(m.examinerIds.length);
	const byMembers = new Map<string, number>();
	st.members.forEach((members, e) => {
		if (members.length === 0) return;
		const key = members.join(',');
		const team = st.team[e] >= 0 ? teams[st.team[e]] : undefined;
		let lead = team && members.includes(team.lead) ? team.lead : (byMembers.get(key) ?? -1);
		if (lead < 0) {
			for (const x of members) if (m.leadCapable[x] && (lead < 0 || leads[x] < leads[lead])) lead = x;
		}
		byMembers.set(key, lead);
		leadOf[e] = lead;
		leads[lead]++;
	});
	return leadOf;
}
