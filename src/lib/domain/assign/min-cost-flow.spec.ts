import { describe, expect, it } from 'vitest';
import { addArc, createGraph, flowOn, minCostFlow } from './min-cost-flow';
import { seededRandom } from '../seeded-random';

/** Cheapest way to match as many rows as possible to distinct columns, by trying every injection. */
function bruteAssignment(cost: (number | null)[][]): { matched: number; cost: number } {
	let best = { matched: 0, cost: 0 };
	const used = new Set<number>();
	const walk = (row: number, matched: number, total: number) => {
		if (row === cost.length) {
			if (matched > best.matched || (matched === best.matched && total < best.cost)) best = { matched, cost: total };
			return;
		}
		walk(row + 1, matched, total);
		cost[row].forEach((c, col) => {
			if (c === null || used.has(col)) return;
			used.add(col);
			walk(row + 1, matched + 1, total + c);
			used.delete(col);
		});
	};
	walk(0, 0, 0);
	return best;
}

describe('minCostFlow', () => {
	it('sends the maximum flow at minimum cost on a textbook network', () => {
		// s=0, t=3: two routes of capacity 2; the cheap one (cost 1+1) fills before the dear one (2+3).
		const g = createGraph(4);
		const sa = addArc(g, 0, 1, 2, 1);
		addArc(g, 1, 3, 2, 1);
		const sb = addArc(g, 0, 2, 2, 2);
		addArc(g, 2, 3, 2, 3);
		addArc(g, 1, 2, 1, 0);
		expect(minCostFlow(g, 0, 3)).toEqual({ flow: 4, cost: 2 * 2 + 2 * 5 });
		expect(flowOn(g, sa)).toBe(2);
		expect(flowOn(g, sb)).toBe(2);
	});

	it('stops at the limit', () => {
		const g = createGraph(2);
		addArc(g, 0, 1, 5, 3);
		expect(minCostFlow(g, 0, 1, 2)).toEqual({ flow: 2, cost: 6 });
	});

	it('reroutes earlier flow when a cheaper overall plan needs it', () => {
		// Rows r1, r2; columns c1, c2. r1 likes c1 (0) but must yield it to r2, who can only take c1.
		const g = createGraph(6);
		addArc(g, 0, 1, 1, 0);
		addArc(g, 0, 2, 1, 0);
		const r1c1 = addArc(g, 1, 3, 1, 0);
		const r1c2 = addArc(g, 1, 4, 1, 5);
		const r2c1 = addArc(g, 2, 3, 1, 1);
		addArc(g, 3, 5, 1, 0);
		addArc(g, 4, 5, 1, 0);
		expect(minCostFlow(g, 0, 5)).toEqual({ flow: 2, cost: 6 });
		expect([flowOn(g, r1c1), flowOn(g, r1c2), flowOn(g, r2c1)]).toEqual([0, 1, 1]);
	});

	it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('solves random assignment problems like brute force (seed %i)', (seed) => {
		const random = seededRandom(seed);
		const rows = 2 + Math.floor(random() * 5);
		const cols = 2 + Math.floor(random() * 5);
		const cost = Array.from({ length: rows }, () =>
			Array.from({ length: cols }, () => (random() < 0.3 ? null : Math.floor(random() * 20)))
		);
		const g = createGraph(rows + cols + 2);
		const sink = rows + cols + 1;
		for (let r = 0; r < rows; r++) addArc(g, 0, 1 + r, 1, 0);
		for (let c = 0; c < cols; c++) addArc(g, 1 + rows + c, sink, 1, 0);
		cost.forEach((row, r) => row.forEach((c, col) => c !== null && addArc(g, 1 + r, 1 + rows + col, 1, c)));
		const { flow, cost: total } = minCostFlow(g, 0, sink);
		expect({ flow, cost: total }).toEqual({ flow: bruteAssignment(cost).matched, cost: bruteAssignment(cost).cost });
	});

	it('grows its arc arrays past the initial hint', () => {
		const g = createGraph(3, 1);
		for (let i = 0; i < 100; i++) addArc(g, 0, 1, 1, i % 7);
		addArc(g, 1, 2, 50, 0);
		const expected = [...Array(100).keys()].map((i) => i % 7).sort((a, b) => a - b).slice(0, 50).reduce((a, b) => a + b, 0);
		expect(minCostFlow(g, 0, 2)).toEqual({ flow: 50, cost: expected });
	});
});
