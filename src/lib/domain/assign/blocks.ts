/**
 * The assignment as a mixed-integer program over blocks (docs/assignment.md §4): a block is one
 * entry, or two entries of one class, taken by one team. Every hard rule is a constraint and each
 * preference of `quality.ts` one linear objective, so a solver can optimise them one after the other,
 * each optimum fixed before the next. Pure: the solver is the caller's.
 *
 * Columns, for blocks b, examiners x allowed on every entry of b, organisations o:
 * - y[b] ∈ {0,1}: the block is taken;  z[x,b] ∈ {0,1}: x is on its team;
 * - s[x] ≥ Σ_b z[x,b] − 1: x's splits (teams beyond the first);
 * - c[b,o] ≥ Σ_{x of o} z[x,b] − y[b]: the team's members beyond the first of organisation o;
 * - q[x] ≥ (2j+1)·load − j(j+1) for j < capacity: at least load², exactly at the optimum.
 * Rows: every entry is in at most one taken block; a taken block has exactly teamSize members, one of
 * them lead-capable; z[x,b] ≤ y[b]; nobody's load exceeds their capacity.
 */
import { allowed, isExpert, type Model } from './model.ts';
import { PREFERENCES, type Preference, type StaffedEntry, type Team } from './quality.ts';

export interface Block {
	entries: number[];
	/** Examiners allowed on every entry of the block, with room for all of them, ascending. */
	eligible: number[];
	/** Column of y[b]; z[x,b] of eligible[i] is column firstMember + i. */
	column: number;
	firstMember: number;
}

export interface BlockModel {
	blocks: Block[];
	numCols: number;
	numRows: number;
	colUpper: Float64Array;
	integrality: Int32Array;
	rowLower: Float64Array;
	rowUpper: Float64Array;
	/** The constraint matrix, column by column. */
	matrix: { starts: Int32Array; indices: Int32Array; values: Float64Array };
	/** One objective per preference, each to be minimised ('covered' is negated). */
	objectives: Record<Preference, Float64Array>;
	splitColumn: Int32Array;
	loadColumn: Int32Array;
	clashColumns: { block: number; organisation: number; column: number }[];
}

/** Blocks whose team could be formed at all: enough eligible members, one of them lead-capable. */
export function listBlocks(m: Model): Pick<Block, 'entries' | 'eligible'>[] {
	const blocks: Pick<Block, 'entries' | 'eligible'>[] = [];
	const consider = (entries: number[]) => {
		const eligible: number[] = [];
		for (let x = 0; x < m.examinerIds.length; x++) if (m.capacity[x] >= entries.length && entries.every((e) => allowed(m, x, e))) eligible.push(x);
		if (eligible.length >= m.teamSize && eligible.some((x) => m.leadCapable[x])) blocks.push({ entries, eligible });
	};
	for (const entries of m.entriesByClass) {
		for (let i = 0; i < entries.length; i++) {
			consider([entries[i]]);
			for (let j = i + 1; j < entries.length; j++) consider([entries[i], entries[j]]);
		}
	}
	return blocks;
}

/**
 * At least as many as the z columns the model would have (blocks without a possible team are not
 * left out), counted without building it: what decides whether it is small enough to build and solve.
 * Counting stops once it passes `stopAbove`.
 */
export function modelSize(m: Model, stopAbove = Infinity): number {
	let size = 0;
	for (const entries of m.entriesByClass) {
		for (let x = 0; x < m.examinerIds.length && size <= stopAbove; x++) {
			if (m.capacity[x] < 1) continue;
			const fits = entries.filter((e) => allowed(m, x, e)).length;
			size += fits + (m.capacity[x] >= 2 ? (fits * (fits - 1)) / 2 : 0);
		}
	}
	return size;
}

export function buildBlockModel(m: Model, listed = listBlocks(m)): BlockModel {
	const X = m.examinerIds.length;
	const T = m.teamSize;
	let col = 0;
	const blocks: Block[] = listed.map((b) => {
		const block = { ...b, column: col, firstMember: col + 1 };
		col += 1 + b.eligible.length;
		return block;
	});
	const blocksOf: { block: number; member: number }[][] = Array.from({ length: X }, () => []);
	blocks.forEach((b, i) => b.eligible.forEach((x, member) => blocksOf[x].push({ block: i, member })));
	const splitColumn = new Int32Array(X).fill(-1);
	const loadColumn = new Int32Array(X).fill(-1);
	for (let x = 0; x < X; x++) {
		if (blocksOf[x].length === 0) continue;
		if (m.capacity[x] >= 2) splitColumn[x] = col++;
		loadColumn[x] = col++;
	}
	const clashColumns: BlockModel['clashColumns'] = [];
	blocks.forEach((b, i) => {
		const count = new Map<number, number>();
		for (const x of b.eligible) count.set(m.examinerOrg[x], (count.get(m.examinerOrg[x]) ?? 0) + 1);
		for (const [organisation, n] of [...count].sort((p, q) => p[0] - q[0])) if (n > 1) clashColumns.push({ block: i, organisation, column: col++ });
	});
	const numCols = col;

	const rows: Row[] = [];
	const row = (lower: number, upper: number, cols: number[] = [], vals: number[] = []) => {
		const r = { lower, upper, cols, vals };
		rows.push(r);
		return r;
	};
	const entryRows = m.entryIds.map(() => row(-Infinity, 1));
	for (const b of blocks) {
		for (const e of b.entries) entryRows[e].cols.push(b.column), entryRows[e].vals.push(1);
		const size = row(0, 0, [b.column], [-T]);
		const lead = row(0, Infinity, [b.column], [-1]);
		b.eligible.forEach((x, i) => {
			size.cols.push(b.firstMember + i), size.vals.push(1);
			if (m.leadCapable[x]) lead.cols.push(b.firstMember + i), lead.vals.push(1);
			row(-Infinity, 0, [b.column, b.firstMember + i], [-1, 1]);
		});
	}
	for (let x = 0; x < X; x++) {
		if (blocksOf[x].length === 0) continue;
		const cols = blocksOf[x].map(({ block, member }) => blocks[block].firstMember + member);
		const sizes = blocksOf[x].map(({ block }) => blocks[block].entries.length);
		row(-Infinity, m.capacity[x], cols, sizes);
		if (splitColumn[x] >= 0) row(-Infinity, 1, [...cols, splitColumn[x]], [...cols.map(() => 1), -1]);
		for (let j = 0; j < m.capacity[x]; j++) row(-Infinity, j * (j + 1), [...cols, loadColumn[x]], [...sizes.map((n) => (2 * j + 1) * n), -1]);
	}
	for (const { block, organisation, column } of clashColumns) {
		const b = blocks[block];
		const r = row(-Infinity, 0, [b.column, column], [-1, -1]);
		b.eligible.forEach((x, i) => m.examinerOrg[x] === organisation && (r.cols.push(b.firstMember + i), r.vals.push(1)));
	}

	const objectives = Object.fromEntries(PREFERENCES.map((p) => [p, new Float64Array(numCols)])) as Record<Preference, Float64Array>;
	const colUpper = new Float64Array(numCols).fill(Infinity);
	const integrality = new Int32Array(numCols);
	const binary = (c: number) => ((colUpper[c] = 1), (integrality[c] = 1));
	for (const b of blocks) {
		binary(b.column);
		objectives.covered[b.column] = -b.entries.length;
		b.eligible.forEach((x, i) => {
			binary(b.firstMember + i);
			if (!isExpert(m, x, m.entryClass[b.entries[0]])) objectives.expertiseMisses[b.firstMember + i] = b.entries.length;
		});
	}
	splitColumn.forEach((c) => c >= 0 && (objectives.splits[c] = 1));
	for (const { column } of clashColumns) objectives.organisationClashes[column] = 1;
	loadColumn.forEach((c) => c >= 0 && (objectives.loadSquares[c] = 1));

	return {
		blocks,
		numCols,
		numRows: rows.length,
		colUpper,
		integrality,
		rowLower: Float64Array.from(rows, (r) => r.lower),
		rowUpper: Float64Array.from(rows, (r) => r.upper),
		matrix: toColumns(rows, numCols),
		objectives,
		splitColumn,
		loadColumn,
		clashColumns
	};
}

interface Row {
	lower: number;
	upper: number;
	cols: number[];
	vals: number[];
}

function toColumns(rows: Row[], numCols: number): BlockModel['matrix'] {
	const starts = new Int32Array(numCols + 1);
	for (const r of rows) for (const c of r.cols) starts[c + 1]++;
	for (let c = 0; c < numCols; c++) starts[c + 1] += starts[c];
	const fill = Int32Array.from(starts);
	const indices = new Int32Array(starts[numCols]);
	const values = new Float64Array(starts[numCols]);
	rows.forEach((r, i) =>
		r.cols.forEach((c, k) => {
			indices[fill[c]] = i;
			values[fill[c]++] = r.vals[k];
		})
	);
	return { starts, indices, values };
}

/**
 * The column values of a plan, for the solver to start from: each team becomes blocks of two entries
 * and one (a team of more than two entries is more than one block). Null when a team is not a block
 * the model has (it breaks a hard rule).
 */
export function planToColumns(bm: BlockModel, m: Model, teams: Team[]): Float64Array | null {
	const values = new Float64Array(bm.numCols);
	const index = new Map(bm.blocks.map((b, i) => [b.entries.join(), i]));
	const load = new Int32Array(m.examinerIds.length);
	const teamCount = new Int32Array(m.examinerIds.length);
	const membersOf = new Map<number, number[]>();
	for (const t of teams) {
		for (let i = 0; i < t.entries.length; i += 2) {
			const found = index.get(t.entries.slice(i, i + 2).join());
			if (found === undefined) return null;
			const b = bm.blocks[found];
			values[b.column] = 1;
			membersOf.set(found, t.members);
			for (const x of t.members) {
				const k = b.eligible.indexOf(x);
				if (k < 0) return null;
				values[b.firstMember + k] = 1;
				load[x] += b.entries.length;
				teamCount[x]++;
			}
		}
	}
	for (let x = 0; x < load.length; x++) {
		if (bm.splitColumn[x] >= 0) values[bm.splitColumn[x]] = Math.max(0, teamCount[x] - 1);
		if (bm.loadColumn[x] >= 0) values[bm.loadColumn[x]] = load[x] * load[x];
	}
	for (const { block, organisation, column } of bm.clashColumns) {
		const same = (membersOf.get(block) ?? []).filter((x) => m.examinerOrg[x] === organisation).length;
		values[column] = Math.max(0, same - 1);
	}
	return values;
}

/** The plan a solution describes: each taken block's entries with its members. */
export function columnsToPlan(bm: BlockModel, values: ArrayLike<number>): StaffedEntry[] {
	const staffed: StaffedEntry[] = [];
	for (const b of bm.blocks) {
		if (values[b.column] < 0.5) continue;
		const members = b.eligible.filter((_, i) => values[b.firstMember + i] > 0.5);
		for (const entry of b.entries) staffed.push({ entry, members });
	}
	return staffed.sort((a, b) => a.entry - b.entry);
}
