/**
 * The examiner-level network: each entry needs `teamSize` distinct examiners, at least one of them
 * lead-capable. As a flow:
 *
 *   source ─(capacity units)→ examiner ─(1)→ entry.lead  ─(teamSize)  ─→ entry ─(teamSize)→ sink
 *                                      └─(1)→ entry.other ─(teamSize−1)─┘
 *
 * Lead-capable examiners reach an entry only through `lead`, the others only through `other`, and
 * `other` passes at most teamSize − 1 units, so a saturated entry always has a lead-capable member.
 * One arc of capacity 1 per examiner and entry keeps members distinct; the source arcs enforce
 * capacity. So for a fixed set of entries, "can all be staffed" is exactly "the max flow saturates
 * them", and the min-cost flow is the best staffing for linear per-member costs.
 */
import { addArc, createGraph, flowOn, minCostFlow, type FlowGraph, type FlowResult } from './min-cost-flow.ts';
import { allowed, type Model } from './model.ts';

export interface SlotNetwork {
	g: FlowGraph;
	source: number;
	sink: number;
	entries: number[];
	pairArc: number[];
	pairExaminer: number[];
	/** Position of the pair's entry in `entries`. */
	pairEntry: number[];
}

/** The j-th unit (0-based) of an examiner's load costs min(j, LOAD_STEPS): convex, so loads even out. */
export const LOAD_STEPS = 4;

export interface SlotCosts {
	/** Units an examiner can still take (0 leaves them out). */
	units: (x: number) => number;
	/** Cost of the j-th extra unit of examiner x; must not decrease in j. */
	unitCost: (x: number, j: number) => number;
	/** Cost of x on entry e, or a negative number to forbid the pair (conflicts are always forbidden). */
	pairCost: (x: number, e: number) => number;
}

export function buildSlotNetwork(m: Model, entries: number[], costs: SlotCosts): SlotNetwork {
	const k = m.teamSize;
	const X = m.examinerIds.length;
	const base = X + 1;
	const sink = base + 3 * entries.length;
	const g = createGraph(sink + 1, X * 2 + entries.length * 8);
	const net: SlotNetwork = { g, source: 0, sink, entries, pairArc: [], pairExaminer: [], pairEntry: [] };
	const units = Int32Array.from({ length: X }, (_, x) => Math.min(costs.units(x), entries.length));
	for (let x = 0; x < X; x++) for (let j = 0; j < units[x]; j++) addArc(g, 0, 1 + x, 1, costs.unitCost(x, j));
	entries.forEach((e, i) => {
		const node = base + 3 * i;
		addArc(g, node + 1, node, k, 0);
		if (k > 1) addArc(g, node + 2, node, k - 1, 0);
		addArc(g, node, sink, k, 0);
		for (let x = 0; x < X; x++) {
			if (units[x] <= 0 || !allowed(m, x, e)) continue;
			const cost = costs.pairCost(x, e);
			if (cost < 0 || (!m.leadCapable[x] && k === 1)) continue;
			net.pairArc.push(addArc(g, 1 + x, m.leadCapable[x] ? node + 1 : node + 2, 1, cost));
			net.pairExaminer.push(x);
			net.pairEntry.push(i);
		}
	});
	return net;
}

export function solve(net: SlotNetwork, limit = Infinity): FlowResult {
	return minCostFlow(net.g, net.source, net.sink, limit);
}

/** Members per entry (by position in `net.entries`), ascending, as the flow left them. */
export function membersFromFlow(net: SlotNetwork): number[][] {
	const members: number[][] = net.entries.map(() => []);
	net.pairArc.forEach((arc, p) => {
		if (flowOn(net.g, arc) > 0) members[net.pairEntry[p]].push(net.pairExaminer[p]);
	});
	for (const list of members) list.sort((a, b) => a - b);
	return members;
}

/** Minimum expertise misses to staff all of `entries` from full capacities, or null if impossible. */
export function minMisses(m: Model, entries: number[]): number | null {
	const net = buildSlotNetwork(m, entries, {
		units: (x) => m.capacity[x],
		unitCost: () => 0,
		pairCost: (x, e) => (m.expertise[x * m.classIds.length + m.entryClass[e]] ? 0 : 1)
	});
	const { flow, cost } = solve(net);
	return flow === m.teamSize * entries.length ? cost : null;
}

/**
 * Restaffs a fixed set of entries from full capacities, lexicographically: fewest expertise misses,
 * then most members kept from `plan` (so standing teams survive), then even loads. Returns null when
 * the set cannot be staffed.
 */
export function restaff(m: Model, entries: number[], plan: number[][]): number[][] | null {
	const slots = m.teamSize * entries.length;
	const loadMax = LOAD_STEPS * slots;
	const wPlan = loadMax + 1;
	const wMiss = wPlan * slots + loadMax + 1;
	const planned = new Set<number>();
	const X = m.examinerIds.length;
	for (const e of entries) for (const x of plan[e] ?? []) planned.add(e * X + x);
	const net = buildSlotNetwork(m, entries, {
		units: (x) => m.capacity[x],
		unitCost: (_, j) => Math.min(j, LOAD_STEPS),
		pairCost: (x, e) =>
			wMiss * (m.expertise[x * m.classIds.length + m.entryClass[e]] ? 0 : 1) + (planned.has(e * X + x) ? 0 : wPlan)
	});
	return solve(net).flow === slots ? membersFromFlow(net) : null;
}
