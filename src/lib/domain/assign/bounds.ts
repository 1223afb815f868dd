/**
 * Bounds that certify the plan, the exact search used on small pools, and the shortfall estimate.
 *
 * Covering the most entries is NP-hard in general (exact cover by 3-sets reduces to it: entries are
 * the sets, examiners the elements, conflicts leave each entry its three elements, capacity 1), so no
 * polynomial method can promise the optimum. What we can promise is a proof when the plan reaches a
 * bound, and an exhaustive search where the pool is small enough to afford one.
 */
import { addArc, createGraph, minCostFlow } from './min-cost-flow.ts';
import { allowed, isExpert, type Model } from './model.ts';
import { buildSlotNetwork, minMisses, solve } from './slots.ts';
import type { Staffing } from './staffing.ts';

/** Entries that could be staffed on their own: k allowed examiners with capacity, one lead-capable. */
export function coverableEntries(m: Model): number[] {
	const coverable: number[] = [];
	m.entryIds.forEach((_, e) => {
		let people = 0;
		let leads = 0;
		for (let x = 0; x < m.examinerIds.length; x++) {
			if (m.capacity[x] > 0 && allowed(m, x, e)) {
				people++;
				leads += m.leadCapable[x];
			}
		}
		if (people >= m.teamSize && leads > 0) coverable.push(e);
	});
	return coverable;
}

/** Max number of entries that can get a distinct lead-capable examiner (a matching bound). */
function leadMatching(m: Model, entries: number[], units: (x: number) => number): number {
	const X = m.examinerIds.length;
	const sink = X + entries.length + 1;
	const g = createGraph(sink + 1);
	for (let x = 0; x < X; x++) if (m.leadCapable[x] && units(x) > 0) addArc(g, 0, 1 + x, units(x), 0);
	entries.forEach((e, i) => {
		for (let x = 0; x < X; x++) if (m.leadCapable[x] && units(x) > 0 && allowed(m, x, e)) addArc(g, 1 + x, 1 + X + i, 1, 0);
		addArc(g, 1 + X + i, sink, 1, 0);
	});
	return minCostFlow(g, 0, sink).flow;
}

/**
 * An upper bound on the entries any plan can staff: a fully staffed entry takes `teamSize` units of
 * the examiner-level max flow and one unit of the lead matching, so neither can be beaten.
 */
export function coverageBound(m: Model, coverable: number[]): number {
	if (coverable.length === 0) return 0;
	const net = buildSlotNetwork(m, coverable, { units: (x) => m.capacity[x], unitCost: () => 0, pairCost: () => 0 });
	const seats = solve(net).flow;
	return Math.min(coverable.length, Math.floor(seats / m.teamSize), leadMatching(m, coverable, (x) => m.capacity[x]));
}

/**
 * A lower bound on the expertise misses of staffing `entries`: seats the experts of each class could
 * fill with conflicts ignored (each expert at most once per entry, within capacity). Whatever the
 * experts cannot fill must go to someone without the class.
 */
export function missesBound(m: Model, entries: number[]): number {
	const X = m.examinerIds.length;
	const C = m.classIds.length;
	const perClass = new Array<number>(C).fill(0);
	for (const e of entries) perClass[m.entryClass[e]]++;
	const sink = X + C + 1;
	const g = createGraph(sink + 1);
	for (let x = 0; x < X; x++) {
		if (m.capacity[x] <= 0) continue;
		addArc(g, 0, 1 + x, m.capacity[x], 0);
		for (let c = 0; c < C; c++) if (perClass[c] > 0 && isExpert(m, x, c)) addArc(g, 1 + x, 1 + X + c, Math.min(m.capacity[x], perClass[c]), 0);
	}
	perClass.forEach((count, c) => count > 0 && addArc(g, 1 + X + c, sink, m.teamSize * count, 0));
	return m.teamSize * entries.length - minCostFlow(g, 0, sink).flow;
}

export interface SearchResult {
	entries: number[];
	misses: number;
	/** False when the node budget ran out before the search space was exhausted. */
	complete: boolean;
}

/**
 * Branch and bound over which entries to staff, best first by (entries covered, expertise misses):
 * each node's chosen set is checked and priced exactly by the min-cost flow (`minMisses`), and a
 * branch is cut when even staffing every remaining entry could not beat the incumbent. Starting
 * from the constructed plan as incumbent, it stops early once the coverage bound is met with no miss.
 */
export function searchBest(m: Model, coverable: number[], bound: number, start: SearchResult, budget: number): SearchResult {
	let best = { entries: start.entries, misses: start.misses };
	let nodes = 0;
	let complete = true;
	const dfs = (i: number, chosen: number[], misses: number): void => {
		if (!complete || (best.entries.length === bound && best.misses === 0)) return;
		const reach = Math.min(bound, chosen.length + coverable.length - i);
		if (reach < best.entries.length || (reach === best.entries.length && misses >= best.misses)) return;
		if (i === coverable.length) {
			best = { entries: chosen, misses };
			return;
		}
		if (++nodes > budget) {
			complete = false;
			return;
		}
		const withEntry = [...chosen, coverable[i]];
		const cost = minMisses(m, withEntry);
		if (cost !== null) dfs(i + 1, withEntry, cost);
		dfs(i + 1, chosen, misses);
	};
	dfs(0, [], 0);
	return { ...best, complete };
}

export interface Shortfall {
	classId: string;
	entriesUncovered: number;
	examinersMissing: number;
	leadsMissing: number;
}

/** Up to this many examiner × entry pairs per class the shortfall uses flows, beyond it sums. */
const FLOW_PAIRS = 200_000;

/**
 * Per class with uncovered entries: how many more examiners, and how many of them lead-capable,
 * the class needs at least. Assumes newcomers are conflict-free experts of the class with the pool's
 * median capacity, and that the class may use all capacity left unused in the plan (it is counted
 * for every class, so each figure is a lower bound on its own). Parts of the bound: seats the
 * leftover capacity cannot fill; entries the leftover lead-capable examiners cannot lead; per entry,
 * teamSize minus the leftover examiners allowed on it. What the leftover capacity can fill is a max
 * flow on modest classes and, on national-scale ones, the cheaper sum of what each examiner and each
 * entry could take. At least one person is reported whenever an entry is uncovered.
 */
export function estimateShortfalls(m: Model, st: Staffing): Shortfall[] {
	const k = m.teamSize;
	const spare = (x: number) => m.capacity[x] - st.load[x];
	const caps = [...m.capacity].filter((c) => c > 0).sort((a, b) => a - b);
	const newcomerCap = caps.length > 0 ? caps[caps.length >> 1] : 2;
	const shortfalls: Shortfall[] = [];
	m.entriesByClass.forEach((entries, c) => {
		const open = entries.filter((e) => st.members[e].length === 0);
		if (open.length === 0) return;
		const u = open.length;
		const perNewcomer = Math.min(newcomerCap, u);
		// allowedOn[x]: open entries examiner x may take; people/leads per entry likewise.
		const allowedOn = new Int32Array(m.examinerIds.length);
		let perEntry = 0;
		let seatsByEntry = 0;
		let ledEntries = 0;
		for (const e of open) {
			let people = 0;
			let leads = 0;
			for (let x = 0; x < m.examinerIds.length; x++) {
				if (spare(x) <= 0 || !allowed(m, x, e)) continue;
				allowedOn[x]++;
				people++;
				leads += m.leadCapable[x];
			}
			perEntry = Math.max(perEntry, k - people);
			seatsByEntry += Math.min(k - (leads > 0 ? 0 : 1), people);
			if (leads > 0) ledEntries++;
		}
		let seats: number;
		let led: number;
		if (u * m.examinerIds.length <= FLOW_PAIRS) {
			seats = solve(buildSlotNetwork(m, open, { units: spare, unitCost: () => 0, pairCost: () => 0 })).flow;
			led = leadMatching(m, open, spare);
		} else {
			let seatsByExaminer = 0;
			let leadUnits = 0;
			allowedOn.forEach((n, x) => {
				seatsByExaminer += Math.min(spare(x), n);
				if (m.leadCapable[x]) leadUnits += Math.min(spare(x), n);
			});
			seats = Math.min(seatsByEntry, seatsByExaminer);
			led = Math.min(ledEntries, leadUnits);
		}
		const leadsMissing = Math.ceil((u - led) / perNewcomer);
		const examinersMissing = Math.max(1, leadsMissing, perEntry, Math.ceil((k * u - seats) / perNewcomer));
		shortfalls.push({ classId: m.classIds[c], entriesUncovered: u, examinersMissing, leadsMissing });
	});
	return shortfalls;
}
