/**
 * The proposal as the best plan the rules allow (docs/assignment.md §4). The engine's plan
 * (`planAssignment`), improved by local moves (`assign/improve.ts`), is the start; the block model of
 * `assign/blocks.ts` is then solved with HiGHS one preference at a time, each optimum fixed as a
 * constraint before the next, so the result is the lexicographic optimum whenever every level is
 * proven. A level that reaches its work limit keeps the best plan found, never worse than the start,
 * and reports the solver's proven bound. Pools too large for the model are solved class by class
 * over a division of the examiners where each class fits, else keep the improved start; either way
 * with the bounds the engine proves for the whole pool.
 *
 * The work limit counts branch-and-bound nodes, not seconds, and HiGHS runs single-threaded with
 * fixed options, so the same input gives the same plan on any machine and under any load. Only a
 * level that runs into the wall-clock safety net would depend on the clock, and it says so.
 */
import loadHighs from 'highs';
import { planAssignment, type AssignInput, type AssignResult } from '$lib/domain/assign';
import { buildBlockModel, columnsToPlan, modelSize, planToColumns, type BlockModel, type ModelScope } from '$lib/domain/assign/blocks';
import { estimateShortfalls } from '$lib/domain/assign/bounds';
import { divideExaminers } from '$lib/domain/assign/division';
import { improvePlan, qualityBounds } from '$lib/domain/assign/improve';
import { buildModel, type Model } from '$lib/domain/assign/model';
import { compareQuality, measure, PREFERENCES, staffedFromIds, teamsOf, type Preference, type Quality, type StaffedEntry } from '$lib/domain/assign/quality';
import { emptyStaffing, staffEntry } from '$lib/domain/assign/staffing';

const highs = await loadHighs();

/** Branch-and-bound nodes each preference's solve may use before its best plan so far is kept. */
export const NODES_PER_LEVEL = 5_000;
/** The wall-clock safety net per preference, for a model whose nodes are far slower than expected. */
export const SECONDS_PER_LEVEL = 60;
/**
 * Member columns up to which the exact model is built: the 100-entry bench pool needs about 8,000
 * (its members without the class left out), the 300-entry one 76,000, whose root alone HiGHS does
 * not finish within a minute on a busy two-core machine, and a national one millions.
 */
export const MAX_MEMBER_COLUMNS = 40_000;

export interface LevelReport {
	preference: Preference;
	value: number;
	/** No plan that is as good at the earlier preferences does better than this. */
	bound: number;
	proven: boolean;
	/** Why an unproven level stopped: its node limit, or the wall-clock safety net. */
	stoppedBy?: 'nodes' | 'time';
}

export interface OptimisedPlan extends AssignResult {
	quality: Quality;
	levels: LevelReport[];
	/** Every level reached its bound: no plan the rules allow is better. */
	proven: boolean;
	/** The whole pool's model; its classes' models over a division of the pool; the improved start. */
	method: 'exact' | 'by-class' | 'improved-engine';
}

export interface OptimiseOptions {
	nodesPerLevel?: number;
	secondsPerLevel?: number;
	maxMemberColumns?: number;
}

export function optimiseAssignment(input: AssignInput, options: OptimiseOptions = {}): OptimisedPlan {
	const m = buildModel(input);
	const engine = planAssignment(input);
	const start = improvePlan(m, staffedFromIds(m, engine.assignments));
	const bounds = (reached: Pick<Quality, 'covered' | 'splits'>) => qualityBounds(m, reached, engine.report);
	const limit = options.maxMemberColumns ?? MAX_MEMBER_COLUMNS;
	const startQuality = measure(m, teamsOf(m, start));
	const scope = scopeOf(m, startQuality, engine.report.coverageBound);
	if (modelSize(m, scope, limit) > limit) {
		const divided = scope.expertsOnly ? solveByClass(input, m, options) : null;
		const dividedQuality = divided && measure(m, teamsOf(m, divided));
		const [staffed, quality, method] =
			divided && dividedQuality && compareQuality(dividedQuality, startQuality) <= 0
				? ([divided, dividedQuality, 'by-class'] as const)
				: ([start, startQuality, 'improved-engine'] as const);
		const bound = bounds(quality);
		const levels = PREFERENCES.map((preference) => ({ preference, value: quality[preference], bound: bound[preference], proven: quality[preference] === bound[preference] }));
		return result(m, staffed, quality, levels, method);
	}
	const { staffed, levels } = solveLevels(buildBlockModel(m, scope), m, start, bounds, {
		nodes: options.nodesPerLevel ?? NODES_PER_LEVEL,
		seconds: options.secondsPerLevel ?? SECONDS_PER_LEVEL
	});
	return result(m, staffed, measure(m, teamsOf(m, staffed)), levels, 'exact');
}

/**
 * A pool too large for one model, solved class by class over a division of the examiners
 * (`assign/division.ts`), each class as a pool of its own. Null when a class is still too large. The
 * plan is proven only where it meets the bounds of the whole pool: the division was a choice.
 */
function solveByClass(input: AssignInput, m: Model, options: OptimiseOptions): StaffedEntry[] | null {
	const limit = options.maxMemberColumns ?? MAX_MEMBER_COLUMNS;
	const pools: AssignInput[] = [];
	for (const [c, examiners] of divideExaminers(m).entries()) {
		const entryIds = new Set(m.entriesByClass[c].map((e) => m.entryIds[e]));
		const examinerIds = new Set(examiners.map((x) => m.examinerIds[x]));
		const pool = {
			teamSize: input.teamSize,
			entries: input.entries.filter((e) => entryIds.has(e.id)),
			examiners: input.examiners.filter((x) => examinerIds.has(x.id)),
			conflicts: input.conflicts.filter((k) => entryIds.has(k.entryId) && examinerIds.has(k.examinerId))
		};
		// Stop at the first class too large, before building the others (a national cycle).
		if (modelSize(buildModel(pool), {}, limit) > limit) return null;
		pools.push(pool);
	}
	return staffedFromIds(m, pools.flatMap((pool) => optimiseAssignment(pool, options).assignments));
}

/**
 * What the start already settles: a plan that covers every entry makes coverage exact, and one that
 * covers as many as the proven bound with no miss leaves no room for a member without the class.
 */
function scopeOf(m: Model, start: Quality, coverageBound: number): ModelScope {
	return { coverAll: start.covered === m.entryIds.length, expertsOnly: start.covered === coverageBound && start.expertiseMisses === 0 };
}

function result(m: Model, staffed: StaffedEntry[], quality: Quality, levels: LevelReport[], method: OptimisedPlan['method']): OptimisedPlan {
	const st = emptyStaffing(m);
	for (const s of staffed) staffEntry(st, s.entry, s.members);
	// The lead is the first lead-capable member: the same person for both entries of a team.
	const assignments = staffed.map(({ entry, members }) => ({
		entryId: m.entryIds[entry],
		examinerIds: members.map((x) => m.examinerIds[x]),
		leadId: m.examinerIds[members.find((x) => m.leadCapable[x])!]
	}));
	// Each level's bound holds among plans as good at the earlier levels, so the plan is the best
	// possible only when every level reached its bound.
	return { assignments, shortfalls: estimateShortfalls(m, st), quality, levels, proven: levels.every((l) => l.proven), method };
}

/**
 * Each preference in turn, starting from the plan so far. A level whose value already meets a bound
 * proven without the solver needs no solve. Otherwise HiGHS is first asked whether a plan meets that
 * bound at all: a question of feasibility it often settles at the root, where minimising from above
 * may search long for the last step down. If it cannot say, or no such plan exists, it minimises the
 * level within its limits. Either way a row then holds the level at the value reached before the next
 * one begins.
 */
function solveLevels(
	bm: BlockModel,
	m: Model,
	start: StaffedEntry[],
	bounds: (reached: Pick<Quality, 'covered' | 'splits'>) => Quality,
	limits: { nodes: number; seconds: number }
): { staffed: StaffedEntry[]; levels: LevelReport[] } {
	let values = planToColumns(bm, m, teamsOf(m, start));
	if (!values) throw new Error('optimiseAssignment: the start plan breaks a hard rule');
	const model = highs.createModel({
		numCols: bm.numCols,
		numRows: bm.numRows,
		colCost: new Float64Array(bm.numCols),
		colLower: new Float64Array(bm.numCols),
		colUpper: bm.colUpper,
		rowLower: bm.rowLower,
		rowUpper: bm.rowUpper,
		matrix: { format: 'csc', numRows: bm.numRows, numCols: bm.numCols, ...bm.matrix },
		integrality: bm.integrality
	});
	const { optimal, infeasible, timeLimit } = highs.constants.modelStatus;
	const all = { kind: 'range', from: 0, to: bm.numCols - 1 } as const;
	const none = new Float64Array(bm.numCols);
	/** One run from the plan so far: the plan it found (counts at their least) and how it ended. */
	const run = (costs: Float64Array) => {
		model.changeColsCost(all, costs);
		model.setSolution({ colValue: values! });
		model.zeroAllClocks();
		model.run();
		// The solver leaves a count it is not minimising yet free to sit above the count itself, so the
		// plan is read back from the blocks and counted afresh.
		const found = model.getSolution().colValue;
		const plan = found.length === bm.numCols ? planToColumns(bm, m, teamsOf(m, columnsToPlan(bm, found))) : null;
		return { plan, status: model.getModelStatus() };
	};
	try {
		model.options.set({
			output_flag: false,
			random_seed: 0,
			mip_max_nodes: limits.nodes,
			time_limit: limits.seconds,
			mip_rel_gap: 0,
			// Every objective takes whole values at an integral plan: a gap below 1 is a proof.
			mip_abs_gap: 0.999
		});
		const levels: LevelReport[] = [];
		let rows = bm.numRows;
		for (const preference of PREFERENCES) {
			const costs = bm.objectives[preference];
			const sign = preference === 'covered' ? -1 : 1;
			// The bounds of a level hold given the counts the plan has reached at the levels before it.
			const known = sign * bounds(measure(m, teamsOf(m, columnsToPlan(bm, values))))[preference];
			let value = Math.round(objective(costs, values));
			let bound = known;
			let stoppedBy: LevelReport['stoppedBy'];
			const nonzero = [...costs.keys()].filter((j) => costs[j] !== 0);
			const levelRow = rows++;
			model.addRow(-Infinity, known + 0.5, { indices: Int32Array.from(nonzero), values: Float64Array.from(nonzero, (j) => costs[j]) });
			const take = (plan: Float64Array | null) => {
				if (plan && objective(costs, plan) < value - 0.5) (values = plan), (value = Math.round(objective(costs, plan)));
			};
			if (value > known) {
				const probe = run(none);
				if (probe.status === optimal) take(probe.plan);
				if (probe.status === infeasible) bound = known + 1;
				if (value > bound) {
					model.changeRowBounds(levelRow, -Infinity, value + 0.5);
					const { plan, status } = run(costs);
					take(plan);
					const dual = status === optimal ? value : Math.ceil((model.info.get('mip_dual_bound') as number) - 1e-6);
					bound = Math.max(bound, dual);
					if (bound < value) stoppedBy = status === timeLimit || probe.status === timeLimit ? 'time' : 'nodes';
				}
			}
			model.changeRowBounds(levelRow, -Infinity, value + 0.5);
			levels.push({ preference, value: sign * value, bound: sign * Math.min(bound, value), proven: bound >= value, ...(stoppedBy && { stoppedBy }) });
		}
		return { staffed: columnsToPlan(bm, values), levels };
	} finally {
		model.dispose();
	}
}

function objective(costs: Float64Array, values: ArrayLike<number>): number {
	let sum = 0;
	for (let j = 0; j < costs.length; j++) if (costs[j] !== 0) sum += costs[j] * values[j];
	return sum;
}
