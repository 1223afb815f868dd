/**
 * Min-cost max-flow by the primal–dual method: Dijkstra on reduced costs (Johnson potentials) finds
 * the shortest augmenting distance, then a Dinic blocking flow pushes everything along the arcs of
 * zero reduced cost before the next Dijkstra. Plain successive shortest paths would run one Dijkstra
 * per unit of flow; the assignment networks carry thousands of units over few distinct path costs,
 * so pushing a whole cost level at once is what keeps the engine inside its time budget.
 *
 * Guarantees (standard): the flow is maximum, and among maximum flows (or flows of value `limit`) its
 * cost is minimum. Costs must be non-negative integers whose sums stay below 2^53, so that the
 * reduced-cost test `=== 0` is exact.
 */

export interface FlowGraph {
	nodeCount: number;
	arcCount: number;
	head: Int32Array;
	next: Int32Array;
	to: Int32Array;
	/** Residual capacity; the reverse of arc a is a ^ 1. */
	cap: Int32Array;
	cost: Float64Array;
}

export function createGraph(nodeCount: number, arcHint = 64): FlowGraph {
	const size = Math.max(arcHint * 2, 16);
	return {
		nodeCount,
		arcCount: 0,
		head: new Int32Array(nodeCount).fill(-1),
		next: new Int32Array(size),
		to: new Int32Array(size),
		cap: new Int32Array(size),
		cost: new Float64Array(size)
	};
}

function grow(g: FlowGraph): void {
	const size = g.next.length * 2;
	const copy = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a), b);
	g.next = copy(g.next, new Int32Array(size));
	g.to = copy(g.to, new Int32Array(size));
	g.cap = copy(g.cap, new Int32Array(size));
	g.cost = copy(g.cost, new Float64Array(size));
}

/** Adds an arc and its zero-capacity reverse; returns the forward arc's index. */
export function addArc(g: FlowGraph, from: number, to: number, cap: number, cost: number): number {
	if (g.arcCount + 2 > g.next.length) grow(g);
	const a = g.arcCount;
	g.to[a] = to;
	g.cap[a] = cap;
	g.cost[a] = cost;
	g.next[a] = g.head[from];
	g.head[from] = a;
	g.to[a + 1] = from;
	g.cap[a + 1] = 0;
	g.cost[a + 1] = -cost;
	g.next[a + 1] = g.head[to];
	g.head[to] = a + 1;
	g.arcCount += 2;
	return a;
}

/** Units of flow on a forward arc (what its reverse could send back). */
export function flowOn(g: FlowGraph, arc: number): number {
	return g.cap[arc ^ 1];
}

/** A binary min-heap of (key, node) with lazy deletion; grows as needed. */
function createHeap() {
	let keys = new Float64Array(256);
	let nodes = new Int32Array(256);
	let size = 0;
	return {
		get size() {
			return size;
		},
		push(key: number, node: number) {
			if (size === keys.length) {
				const k = new Float64Array(size * 2);
				k.set(keys);
				keys = k;
				const n = new Int32Array(size * 2);
				n.set(nodes);
				nodes = n;
			}
			let i = size++;
			while (i > 0) {
				const p = (i - 1) >> 1;
				if (keys[p] <= key) break;
				keys[i] = keys[p];
				nodes[i] = nodes[p];
				i = p;
			}
			keys[i] = key;
			nodes[i] = node;
		},
		/** Removes the minimum; returns its node, its key is left in `lastKey`. */
		pop(): number {
			const top = nodes[0];
			this.lastKey = keys[0];
			const key = keys[--size];
			const node = nodes[size];
			let i = 0;
			for (;;) {
				let c = 2 * i + 1;
				if (c >= size) break;
				if (c + 1 < size && keys[c + 1] < keys[c]) c++;
				if (keys[c] >= key) break;
				keys[i] = keys[c];
				nodes[i] = nodes[c];
				i = c;
			}
			keys[i] = key;
			nodes[i] = node;
			return top;
		},
		lastKey: 0,
		clear() {
			size = 0;
		}
	};
}

export interface FlowResult {
	flow: number;
	cost: number;
}

/** Sends up to `limit` units from source to sink at minimum cost; mutates the residual capacities. */
export function minCostFlow(g: FlowGraph, source: number, sink: number, limit = Infinity): FlowResult {
	const n = g.nodeCount;
	const { head, next, to } = g;
	const pot = new Float64Array(n);
	const dist = new Float64Array(n);
	const done = new Uint8Array(n);
	const level = new Int32Array(n);
	const iter = new Int32Array(n);
	const queue = new Int32Array(n);
	const path = new Int32Array(n);
	const heap = createHeap();
	let flow = 0;
	let cost = 0;

	const reduced = (a: number, u: number) => g.cost[a] + pot[u] - pot[to[a]];

	while (flow < limit) {
		// Dijkstra on reduced costs, stopped once the sink is settled: nodes farther than the sink get
		// the sink's distance, which keeps every residual reduced cost non-negative.
		dist.fill(Infinity);
		done.fill(0);
		heap.clear();
		dist[source] = 0;
		heap.push(0, source);
		while (heap.size > 0) {
			const u = heap.pop();
			if (done[u] || heap.lastKey > dist[u]) continue;
			done[u] = 1;
			if (u === sink) break;
			for (let a = head[u]; a !== -1; a = next[a]) {
				if (g.cap[a] <= 0) continue;
				const v = to[a];
				const d = dist[u] + reduced(a, u);
				if (d < dist[v]) {
					dist[v] = d;
					heap.push(d, v);
				}
			}
		}
		const reach = dist[sink];
		if (reach === Infinity) break;
		for (let v = 0; v < n; v++) pot[v] += dist[v] < reach ? dist[v] : reach;

		// Dinic on the admissible arcs (positive residual, zero reduced cost).
		for (;;) {
			level.fill(-1);
			level[source] = 0;
			let qh = 0;
			let qt = 0;
			queue[qt++] = source;
			while (qh < qt) {
				const u = queue[qh++];
				for (let a = head[u]; a !== -1; a = next[a]) {
					const v = to[a];
					if (level[v] < 0 && g.cap[a] > 0 && reduced(a, u) === 0) {
						level[v] = level[u] + 1;
						queue[qt++] = v;
					}
				}
			}
			if (level[sink] < 0) break;
			iter.set(head);
			const pushed = blockingFlow(g, source, sink, level, iter, path, reduced, limit - flow);
			flow += pushed;
			cost += pushed * (pot[sink] - pot[source]);
			if (flow >= limit) break;
		}
	}
	return { flow, cost };
}

function blockingFlow(
	g: FlowGraph,
	source: number,
	sink: number,
	level: Int32Array,
	iter: Int32Array,
	path: Int32Array,
	reduced: (a: number, u: number) => number,
	maxPush: number
): number {
	const { next, to, cap } = g;
	let total = 0;
	let depth = 0;
	let u = source;
	while (total < maxPush) {
		if (u === sink) {
			let f = maxPush - total;
			for (let i = 0; i < depth; i++) f = Math.min(f, cap[path[i]]);
			for (let i = 0; i < depth; i++) {
				cap[path[i]] -= f;
				cap[path[i] ^ 1] += f;
			}
			total += f;
			// Resume from the tail of the first saturated arc; the arcs before it still have room.
			let k = 0;
			while (k < depth && cap[path[k]] > 0) k++;
			if (k === depth) break; // stopped by maxPush, not by an arc
			u = to[path[k] ^ 1];
			depth = k;
			continue;
		}
		let a = iter[u];
		while (a !== -1 && !(cap[a] > 0 && level[to[a]] === level[u] + 1 && reduced(a, u) === 0)) a = next[a];
		iter[u] = a;
		if (a !== -1) {
			path[depth++] = a;
			u = to[a];
			continue;
		}
		// Dead end: no augmenting path goes through u in this level graph.
		level[u] = -1;
		if (depth === 0) break;
		const back = path[--depth];
		u = to[back ^ 1];
		iter[u] = next[back];
	}
	return total;
}
