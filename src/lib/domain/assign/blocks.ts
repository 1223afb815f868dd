/**
 * The assignment as a mixed-integer program over blocks (docs/assignment.md §4): a block is one
 * entry, or two entries of one class, taken by one team. Every hard rule is a constraint and each
 * preference of `quality.ts` one linear objective, so a solver can optimise them one after the other,
 * each optimum fixed before the next. Pure: the solver is the caller's.
 *
 * A block is named by its first entry, and its members are chosen once for it, not once per pair of
 * entries: the model grows with examiners × entries, not examiners × entries², which keeps the model
 * of a city's pool, or of each of its classes, small enough to solve.
 *
 * Columns, for entries e < f of one class, examiners x who may sit on e, organisations o:
 * - open[e] ∈ {0,1}: a block begins at e;  pair[e,f] ∈ {0,1}: f is its second entry;
 * - on[x,e] ∈ {0,1}: x is on e's block;  two[x,e] ≥ on[x,e] + Σ_f pair[e,f] − 1: and it has two
 *   entries, so x's load from it is on[x,e] + two[x,e];
 * - split[x] ≥ Σ_e on[x,e] − 1: x's blocks beyond the first;
 * - clash[e,o] ≥ Σ_{x of o} on[x,e] − open[e]: the members beyond the first of organisation o;
 * - load² of an examiner with capacity 2 or less is exactly Σ_e (on[x,e] + 3·two[x,e]) + 2·split[x]
 *   (one entry: 1; a block of two: 4; two blocks of one: 1 + 1 + 2), a linear count whose relaxation
 *   is far tighter than a bound from below; for larger capacities
 *   q[x] ≥ (2j+1)·load − j(j+1) for j < capacity: at least load², exactly at the optimum.
 * Rows: every entry is in at most one block (exactly one when every entry must be covered);
 * Σ_f pair[e,f] ≤ open[e]; an open block has exactly teamSize members, one of them lead-capable;
 * a member of e's block cannot be there when its second entry is one they may not take, or when they
 * have no room for two: on[x,e] + Σ_{such f} pair[e,f] ≤ 1; nobody's load exceeds their capacity.
 *
 * A team never takes more than two entries (docs/assignment.md §3): `teamsOf` counts a third entry
 * with the same members as another team, just as a third block is here.
 */
import { allowed, isExpert, type Model } from './model.ts';
import { PREFERENCES, type Preference, type StaffedEntry, type Team } from './quality.ts';

export interface Block {
	/** The first entry: the block's name. */
	entry: number;
	/** Column of open[e]. */
	column: number;
	/** Examiners who may sit on the entry, ascending; on[x,e] of members[i] is column firstMember + i. */
	members: number[];
	firstMember: number;
	/** two[x,e] of members[i] is column twoColumns[i], or −1 when the member cannot take two. */
	twoColumns: Int32Array;
	/** Possible second entries, ascending, with the column of pair[e,f]. */
	seconds: { entry: number; column: number }[];
}

export interface BlockModel {
	blocks: Block[];
	/** The block that begins at each entry, or −1 when no team could take it. */
	blockOf: Int32Array;
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

/**
 * What the levels already settled allow the model to leave out: `coverAll` when a plan covering
 * every entry is known, `expertsOnly` when one with the most entries covered and no miss is known
 * (then no member without the class can be on a best plan).
 */
export interface ModelScope {
	coverAll?: boolean;
	expertsOnly?: boolean;
}

/** Whether x may be a member of a block that begins at e. */
function mayJoin(m: Model, scope: ModelScope, x: number, e: number): boolean {
	return m.capacity[x] >= 1 && allowed(m, x, e) && (!scope.expertsOnly || isExpert(m, x, m.entryClass[e]));
}

/**
 * The member columns the model would have (on and two), counted without building it: what decides
 * whether it is small enough to build and solve. Counting stops once it passes `stopAbove`.
 */
export function modelSize(m: Model, scope: ModelScope = {}, stopAbove = Infinity): number {
	let size = 0;
	for (let e = 0; e < m.entryIds.length && size <= stopAbove; e++) {
		for (let x = 0; x < m.examinerIds.length; x++) if (mayJoin(m, scope, x, e)) size += m.capacity[x] >= 2 ? 2 : 1;
	}
	return size;
}

export function buildBlockModel(m: Model, scope: ModelScope = {}): BlockModel {
	const X = m.examinerIds.length;
	const T = m.teamSize;
	let col = 0;
	const blocks: Block[] = [];
	const blockOf = new Int32Array(m.entryIds.length).fill(-1);
	for (const entries of m.entriesByClass) {
		entries.forEach((e, i) => {
			const members: number[] = [];
			for (let x = 0; x < X; x++) if (mayJoin(m, scope, x, e)) members.push(x);
			if (members.length < T || !members.some((x) => m.leadCapable[x])) return;
			const seconds: Block['seconds'] = [];
			for (const f of entries.slice(i + 1)) {
				const both = members.filter((x) => m.capacity[x] >= 2 && mayJoin(m, scope, x, f));
				if (both.length >= T && both.some((x) => m.leadCapable[x])) seconds.push({ entry: f, column: -1 });
			}
			blockOf[e] = blocks.length;
			blocks.push({ entry: e, column: -1, members, firstMember: -1, twoColumns: new Int32Array(members.length).fill(-1), seconds });
		});
	}
	for (const b of blocks) {
		b.column = col++;
		for (const s of b.seconds) s.column = col++;
		b.firstMember = col;
		col += b.members.length;
		if (b.seconds.length > 0) b.members.forEach((x, i) => m.capacity[x] >= 2 && (b.twoColumns[i] = col++));
	}
	const onBlocks: number[][] = Array.from({ length: X }, () => []);
	blocks.forEach((b, k) => b.members.forEach((x) => onBlocks[x].push(k)));
	const splitColumn = new Int32Array(X).fill(-1);
	const loadColumn = new Int32Array(X).fill(-1);
	for (let x = 0; x < X; x++) {
		if (onBlocks[x].length === 0) continue;
		if (m.capacity[x] >= 2) splitColumn[x] = col++;
		if (m.capacity[x] > 2) loadColumn[x] = col++;
	}
	const clashColumns: BlockModel['clashColumns'] = [];
	blocks.forEach((b, k) => {
		const count = new Map<number, number>();
		for (const x of b.members) count.set(m.examinerOrg[x], (count.get(m.examinerOrg[x]) ?? 0) + 1);
		for (const [organisation, n] of [...count].sort((p, q) => p[0] - q[0])) if (n > 1) clashColumns.push({ block: k, organisation, column: col++ });
	});
	const numCols = col;

	const rows: Row[] = [];
	const row = (lower: number, upper: number, cols: number[] = [], vals: number[] = []) => {
		const r = { lower, upper, cols, vals };
		rows.push(r);
		return r;
	};
	const entryRows = m.entryIds.map(() => row(scope.coverAll ? 1 : -Infinity, 1));
	for (const b of blocks) {
		entryRows[b.entry].cols.push(b.column), entryRows[b.entry].vals.push(1);
		for (const s of b.seconds) entryRows[s.entry].cols.push(s.column), entryRows[s.entry].vals.push(1);
		if (b.seconds.length > 0) row(-Infinity, 0, [b.column, ...b.seconds.map((s) => s.column)], [-1, ...b.seconds.map(() => 1)]);
		const size = row(0, 0, [b.column], [-T]);
		const lead = row(0, Infinity, [b.column], [-1]);
		b.members.forEach((x, i) => {
			const on = b.firstMember + i;
			size.cols.push(on), size.vals.push(1);
			if (m.leadCapable[x]) lead.cols.push(on), lead.vals.push(1);
			if (b.seconds.length === 0) return;
			const barred = b.seconds.filter((s) => m.capacity[x] < 2 || !mayJoin(m, scope, x, s.entry)).map((s) => s.column);
			if (barred.length > 0) row(-Infinity, 1, [on, ...barred], [1, ...barred.map(() => 1)]);
			const two = b.twoColumns[i];
			if (two >= 0) row(-1, Infinity, [two, on, ...b.seconds.map((s) => s.column)], [1, -1, ...b.seconds.map(() => -1)]);
		});
	}
	for (let x = 0; x < X; x++) {
		if (onBlocks[x].length === 0) continue;
		const cols: number[] = [];
		const ons: number[] = [];
		for (const k of onBlocks[x]) {
			const b = blocks[k];
			const i = b.members.indexOf(x);
			ons.push(b.firstMember + i);
			cols.push(b.firstMember + i);
			if (b.twoColumns[i] >= 0) cols.push(b.twoColumns[i]);
		}
		row(-Infinity, m.capacity[x], cols, cols.map(() => 1));
		if (splitColumn[x] >= 0) row(-Infinity, 1, [...ons, splitColumn[x]], [...ons.map(() => 1), -1]);
		if (loadColumn[x] >= 0) for (let j = 0; j < m.capacity[x]; j++) row(-Infinity, j * (j + 1), [...cols, loadColumn[x]], [...cols.map(() => 2 * j + 1), -1]);
	}
	for (const { block, organisation, column } of clashColumns) {
		const b = blocks[block];
		const r = row(-Infinity, 0, [b.column, column], [-1, -1]);
		b.members.forEach((x, i) => m.examinerOrg[x] === organisation && (r.cols.push(b.firstMember + i), r.vals.push(1)));
	}

	const objectives = Object.fromEntries(PREFERENCES.map((p) => [p, new Float64Array(numCols)])) as Record<Preference, Float64Array>;
	const colUpper = new Float64Array(numCols).fill(Infinity);
	const integrality = new Int32Array(numCols);
	const binary = (c: number) => ((colUpper[c] = 1), (integrality[c] = 1));
	for (const b of blocks) {
		binary(b.column);
		objectives.covered[b.column] = -1;
		for (const s of b.seconds) binary(s.column), (objectives.covered[s.column] = -1);
		const expert = (x: number) => isExpert(m, x, m.entryClass[b.entry]);
		b.members.forEach((x, i) => {
			binary(b.firstMember + i);
			if (!expert(x)) objectives.expertiseMisses[b.firstMember + i] = 1;
			const two = b.twoColumns[i];
			// two[x,e] is held down only by its row: binary, it is exactly "on a block of two".
			if (two >= 0) binary(two), !expert(x) && (objectives.expertiseMisses[two] = 1);
			if (m.capacity[x] <= 2) (objectives.loadSquares[b.firstMember + i] = 1), two >= 0 && (objectives.loadSquares[two] = 3);
		});
	}
	splitColumn.forEach((c, x) => c >= 0 && ((objectives.splits[c] = 1), m.capacity[x] <= 2 && (objectives.loadSquares[c] = 2)));
	for (const { column } of clashColumns) objectives.organisationClashes[column] = 1;
	loadColumn.forEach((c) => c >= 0 && (objectives.loadSquares[c] = 1));

	return {
		blocks,
		blockOf,
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
 * The column values of a plan, for the solver to start from, with every count at its least. Null
 * when a team is not a block the model has (it breaks a hard rule, or lies outside the model's scope).
 */
export function planToColumns(bm: BlockModel, m: Model, teams: Team[]): Float64Array | null {
	const values = new Float64Array(bm.numCols);
	const load = new Int32Array(m.examinerIds.length);
	const blockCount = new Int32Array(m.examinerIds.length);
	const clashesOf = new Map<number, BlockModel['clashColumns']>();
	for (const c of bm.clashColumns) clashesOf.set(c.block, [...(clashesOf.get(c.block) ?? []), c]);
	for (const t of teams) {
		if (t.entries.length > 2) return null;
		const [e, f] = t.entries;
		const k = bm.blockOf[e];
		if (k < 0) return null;
		const b = bm.blocks[k];
		values[b.column] = 1;
		const second = f === undefined ? undefined : b.seconds.find((s) => s.entry === f);
		if (second) values[second.column] = 1;
		else if (f !== undefined) return null;
		for (const x of t.members) {
			const i = b.members.indexOf(x);
			if (i < 0 || (second && b.twoColumns[i] < 0)) return null;
			values[b.firstMember + i] = 1;
			if (second) values[b.twoColumns[i]] = 1;
			load[x] += t.entries.length;
			blockCount[x]++;
		}
		for (const { organisation, column } of clashesOf.get(k) ?? []) {
			const same = t.members.filter((x) => m.examinerOrg[x] === organisation).length;
			values[column] = Math.max(0, same - 1);
		}
	}
	for (let x = 0; x < load.length; x++) {
		if (bm.splitColumn[x] >= 0) values[bm.splitColumn[x]] = Math.max(0, blockCount[x] - 1);
		if (bm.loadColumn[x] >= 0) values[bm.loadColumn[x]] = load[x] * load[x];
	}
	return values;
}

/** The plan a solution describes: each open block's entries with its members. */
export function columnsToPlan(bm: BlockModel, values: ArrayLike<number>): StaffedEntry[] {
	const staffed: StaffedEntry[] = [];
	for (const b of bm.blocks) {
		if (values[b.column] < 0.5) continue;
		const members = b.members.filter((_, i) => values[b.firstMember + i] > 0.5);
		staffed.push({ entry: b.entry, members });
		for (const s of b.seconds) if (values[s.column] > 0.5) staffed.push({ entry: s.entry, members });
	}
	return staffed.sort((a, b) => a.entry - b.entry);
}
