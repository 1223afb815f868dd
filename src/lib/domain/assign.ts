/**
 * The assignment engine (docs/assignment.md): teams of examiners for the cycle's entries.
 *
 * Hard rules, never broken: an assigned entry has exactly `teamSize` distinct examiners, one of them
 * lead-capable as lead; no member is in conflict with it (declared, the entry's own organisation, or
 * the organisation they coordinate);
 * nobody exceeds their capacity. Then, in this order: cover as many entries as possible; members
 * with the class in their expertise; a team keeps its members across its entries; members from
 * different organisations; even loads.
 *
 * Method: min-cost max-flow (primal–dual: Dijkstra with potentials, then Dinic blocking flows; see
 * assign/min-cost-flow.ts), used in phases, with the priorities encoded as lexicographic weights.
 * Chosen over an ILP solver because it needs no dependency, is exact for each phase's subproblem,
 * deterministic, and fast enough for a national cycle on a small machine.
 * 1. Team forming (assign/teams.ts): the pool is split by class and grouped into standing teams with
 *    one lead-capable seed each, organisations dealt out round-robin, then improved by swaps.
 * 2. Teams are matched to entries of their class by a min-cost flow on team units: each further entry
 *    of a team costs more than the one before, so teams take one or two and the work spreads. Working
 *    on teams rather than people keeps the national network at ~1,100 team nodes × 2,000 entries in
 *    five class blocks, and makes teams stay together by construction.
 * 3. What teams cannot take is staffed at examiner level by a min-cost flow whose network makes
 *    "teamSize distinct members, one lead-capable, within capacity" exact (assign/slots.ts): first
 *    from experts only, then whole teams across classes, then anyone.
 * 4. Certification and improvement (assign/bounds.ts). Covering the most entries is NP-hard in
 *    general (exact cover by 3-sets reduces to it), so no fast method can promise it. Instead: if
 *    every entry is covered, coverage is trivially maximal; otherwise an upper bound (examiner-level
 *    max flow ÷ teamSize, and the lead matching) proves the plan maximal when reached. On pools small
 *    enough (examiners × entries ≤ EXACT_PAIRS) each open entry is tried with everyone re-routed
 *    (an exact flow check), and with at most SEARCH_ENTRIES candidate entries a branch and bound,
 *    pricing each candidate set exactly by min-cost flow, finds the lexicographic optimum (coverage,
 *    then expertise misses). A restaffing min-cost flow then gives the covered set the fewest misses
 *    possible while keeping as many planned members as it can.
 *
 * Guarantees: the hard rules always hold (every phase only uses allowed pairs within capacity); the
 * result is deterministic (inputs sorted by id, no randomness, ties broken by index); coverage is
 * proven maximal whenever `planAssignment(...).report.coverageProof` is not 'none', and expertise
 * misses are proven minimal for the covered set when they equal `report.missesBound`; with a
 * complete search, (coverage, misses) is optimal over all plans. Team continuity, organisations and
 * loads are optimised within phases, not globally.
 */
import {
	coverableEntries,
	coverageBound,
	estimateShortfalls,
	missesBound,
	searchBest,
	type SearchResult,
	type Shortfall
} from './assign/bounds.ts';
import { buildModel, miss, type Model } from './assign/model.ts';
import { minMisses, restaff } from './assign/slots.ts';
import {
	chooseLeads,
	emptyStaffing,
	fillOpenEntries,
	staffEntry,
	staffWithTeams,
	type Staffing
} from './assign/staffing.ts';
import { formTeams } from './assign/teams.ts';

export { assignmentStats, checkAssignment, type AssignmentStats, type RuleBreach, type RuleCode } from './assign/check.ts';

export interface AssignInput {
	teamSize: number;
	entries: { id: string; classId: string; organisationId: string }[];
	examiners: {
		id: string;
		organisationId: string;
		classIds: string[];
		capacity: number;
		leadCapable: boolean;
		/** The organisations the examiner is coordinator for in the cycle: a conflict with their entries. */
		coordinates?: string[];
	}[];
	conflicts: { examinerId: string; entryId: string }[]; // declared; same-organisation and coordinator are implied
}

export interface AssignResult {
	assignments: { entryId: string; examinerIds: string[]; leadId: string }[]; // fully staffed entries only
	shortfalls: { classId: string; entriesUncovered: number; examinersMissing: number; leadsMissing: number }[];
}

export interface AssignReport {
	covered: number;
	/** No plan can cover more entries than this. */
	coverageBound: number;
	/**
	 * Why the coverage is maximal: every entry covered, the bound reached, or an exhaustive search;
	 * 'none' when the plan fell short of the bound and the pool was too large to search.
	 */
	coverageProof: 'all-covered' | 'bound' | 'search' | 'none';
	expertiseMisses: number;
	/** No staffing of the covered entries has fewer expertise misses than this. */
	missesBound: number;
}

/** Examiner × entry pairs up to which examiner-level flows over the whole pool are cheap. */
export const EXACT_PAIRS = 200_000;
/**
 * Work the grow pass and the search may each spend, counted as the examiner × entry pairs of every
 * flow they solve: deterministic, unlike a clock, and a few hundred milliseconds at most.
 */
const SEARCH_WORK = 5_000_000;
const SEARCH_NODES = 2_000;
/** The search only runs when at most this many entries could be covered at all. */
const SEARCH_ENTRIES = 16;

export function assignTeams(input: AssignInput): AssignResult {
	const { assignments, shortfalls } = planAssignment(input);
	return { assignments, shortfalls };
}

/** `assignTeams` with the bounds that certify it, for the admin screen and the benchmark. */
export function planAssignment(input: AssignInput): AssignResult & { report: AssignReport } {
	const m = buildModel(input);
	const teams = formTeams(m);
	let st = emptyStaffing(m);
	staffWithTeams(m, teams, st, false);
	fillOpenEntries(m, st, true);
	staffWithTeams(m, teams, st, true);
	fillOpenEntries(m, st, false);

	const n = m.entryIds.length;
	const small = m.examinerIds.length * n <= EXACT_PAIRS;
	let staffed = staffedEntries(st);
	let proof: AssignReport['coverageProof'] = staffed.length === n ? 'all-covered' : 'none';
	let bound = n;
	if (staffed.length < n) {
		const coverable = coverableEntries(m);
		bound = small ? coverageBound(m, coverable) : quickBound(m, coverable);
		if (small) {
			const target = improveCoverage(m, coverable, bound, staffed, countMisses(m, st));
			if (target.complete) proof = 'search';
			st = restaffIfBetter(m, st, target.entries);
		}
		if (proof === 'none' && staffedEntries(st).length === bound) proof = 'bound';
	} else if (small) {
		st = restaffIfBetter(m, st, staffed);
	}
	staffed = staffedEntries(st);

	const leads = chooseLeads(m, st, teams);
	const assignments = staffed.map((e) => ({
		entryId: m.entryIds[e],
		examinerIds: st.members[e].map((x) => m.examinerIds[x]),
		leadId: m.examinerIds[leads[e]]
	}));
	const shortfalls: Shortfall[] = estimateShortfalls(m, st);
	const report: AssignReport = {
		covered: staffed.length,
		coverageBound: bound,
		coverageProof: proof,
		expertiseMisses: countMisses(m, st),
		missesBound: missesBound(m, staffed)
	};
	return { assignments, shortfalls, report };
}

/**
 * Improves the covered set on a small pool. First each open entry is added if it fits with everyone
 * else re-routed (an exact flow check per entry, within the work budget). Then, when there are few enough candidates for it
 * to finish, the branch and bound runs from that incumbent, visiting the incumbent's entries first so
 * that its first dive reproduces it.
 */
function improveCoverage(m: Model, coverable: number[], bound: number, staffed: number[], misses: number): SearchResult {
	let entries = staffed;
	const inSet = new Set(staffed);
	let work = 0;
	for (const e of coverable) {
		if (entries.length >= bound || work > SEARCH_WORK) break;
		if (inSet.has(e)) continue;
		work += m.examinerIds.length * (entries.length + 1);
		const grown = [...entries, e].sort((a, b) => a - b);
		if (minMisses(m, grown) === null) continue;
		entries = grown;
		inSet.add(e);
	}
	const incumbent = { entries, misses: entries === staffed ? misses : minMisses(m, entries)!, complete: false };
	if (coverable.length > SEARCH_ENTRIES || (entries.length === bound && incumbent.misses === 0)) return incumbent;
	const order = [...entries, ...coverable.filter((e) => !inSet.has(e))];
	const budget = Math.min(SEARCH_NODES, Math.floor(SEARCH_WORK / Math.max(1, m.examinerIds.length * coverable.length)));
	const found = searchBest(m, order, bound, incumbent, budget);
	return { ...found, entries: [...found.entries].sort((a, b) => a - b) };
}

/**
 * Restaffs `entries` when that is a different set from the plan's, or when the plan has more misses
 * than the bound allows and the exact restaffing finds fewer; otherwise keeps the plan, whose
 * standing teams are worth more than an equal-cost reshuffle.
 */
function restaffIfBetter(m: Model, st: Staffing, entries: number[]): Staffing {
	const current = staffedEntries(st);
	const sameSet = current.length === entries.length && current.every((e, i) => e === entries[i]);
	if (sameSet && countMisses(m, st) <= missesBound(m, entries)) return st;
	const next = restaffed(m, st, entries);
	if (!next) return st;
	return !sameSet || countMisses(m, next) < countMisses(m, st) ? next : st;
}

function staffedEntries(st: Staffing): number[] {
	const staffed: number[] = [];
	st.members.forEach((members, e) => members.length > 0 && staffed.push(e));
	return staffed;
}

function countMisses(m: Model, st: Staffing): number {
	let misses = 0;
	st.members.forEach((members, e) => members.forEach((x) => (misses += miss(m, x, e))));
	return misses;
}

/** Bounds that need no flow, for pools too large for coverageBound: seats and leads in total. */
function quickBound(m: Model, coverable: number[]): number {
	let seats = 0;
	let leads = 0;
	m.capacity.forEach((cap, x) => {
		seats += Math.min(cap, coverable.length);
		if (m.leadCapable[x]) leads += Math.min(cap, coverable.length);
	});
	return Math.min(coverable.length, Math.floor(seats / m.teamSize), leads);
}

/** A staffing of exactly `entries`, keeping members and standing teams from `st` where it can. */
function restaffed(m: Model, st: Staffing, entries: number[]): Staffing | null {
	const members = restaff(m, entries, st.members);
	if (!members) return null;
	const next = emptyStaffing(m);
	entries.forEach((e, i) => {
		const same = members[i].join() === st.members[e].join();
		staffEntry(next, e, members[i], same ? st.team[e] : -1);
	});
	return next;
}
