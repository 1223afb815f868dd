/**
 * From the database to the ranked view (docs/aggregation.md): a cycle's admitted entries, their
 * submitted scores and agreed consensus go through `rankColumns` (the columnar form of `rankEntries`),
 * and come back as rows per class
 * with unit names, consensus state, finalist recommendation and eligibility flags.
 *
 * Consensus: only a consensus the team has marked *done* gives the consensus score that the used
 * score takes first (docs/aggregation.md#3-the-used-score). A draft is the lead's work in progress
 * whose numbers may still change, so until it is done the entry is ranked on the examiners' mean,
 * and the consensus state beside the row says so.
 *
 * Speed: a cycle of 10,000 entries holds 210,000 scores; ranking-load.ts reads them packed, seven to
 * a number, with a few SELECTs over the whole cycle, straight into the score columns `rankColumns`
 * takes; see bench/ranking-db.bench.ts. The pages read
 * through `cachedRanking`, which reuses the last ranking of a cycle while the database is unchanged.
 */
import { isFinalist, NONE_BARRED, withoutBarred, type Barred } from '$lib/domain/entry-state';
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { admittedEntriesForRanking, consensusByEntry, submittedScores, type ConsensusState } from './load';
import { columnScores, rankColumns, type AggregateInput, type ColumnInput, type CriterionStats } from '$lib/domain/aggregate';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '$lib/domain/scoring';
import type { RuleId } from '$lib/domain/eligibility';
import { stockholmDay } from '$lib/domain/dates';

export type { ConsensusState };

export interface RankingCriterion {
	id: number;
	key: string;
	titleSv: string;
	titleEn: string;
	weight: number;
}

export interface RankedRow {
	entryId: number;
	classId: number;
	unitName: string;
	organisation: string;
	incomplete: boolean;
	rank: number | null;
	total: number | null;
	adjustedRank: number | null;
	adjustedTotal: number | null;
	criteria: Record<string, CriterionStats>;
	consensus: ConsensusState;
	/** The team's recommendation, as the lead set it (null: not decided). */
	recommendFinalist: boolean | null;
	/** A finalist: consensus done and recommended to the jury (as access.ts counts it). */
	finalist: boolean;
	/** E8: may take part but cannot receive the award. */
	awardBlocked: boolean;
	/** Rules E1–E7 the entry fails but was admitted on by the admin's override. */
	overridden: RuleId[];
}

export interface ClassRanking {
	id: number;
	nameSv: string;
	nameEn: string;
	/** Ranked entries by rank, then the incomplete ones. */
	rows: RankedRow[];
}

export interface CycleRanking {
	cycleId: number;
	divergenceThreshold: number;
	criteria: RankingCriterion[];
	classes: ClassRanking[];
	/**
	 * What was ranked, as `rankEntries` takes it (entry and examiner ids as strings), for the
	 * robustness and agreement tables; written out on first use, since the ranked view needs none of it.
	 */
	readonly input: AggregateInput;
}

export function rankingCriteria(cycleId: number): RankingCriterion[] {
	return db()
		.select({
			id: table.criterion.id,
			key: table.criterion.key,
			titleSv: table.criterion.titleSv,
			titleEn: table.criterion.titleEn,
			weight: table.criterion.weight
		})
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(asc(table.criterion.sortOrder), asc(table.criterion.id))
		.all();
}

function cycleClasses(cycleId: number) {
	return db()
		.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id))
		.all();
}

/**
 * Everything the ranking reads, in one read transaction, so that every query sees the same state.
 * The barred entries leave here, before their scores are read, so nothing ranked for a conflicted
 * person has them in it: not the ranks, not the severity adjustment, not the robustness or agreement
 * computed from `input` later.
 */
function readCycle(cycleId: number, today: string | undefined, barred: Barred) {
	return db().$client.transaction(() => {
		const cycle = db()
			.select({
				id: table.cycle.id,
				year: table.cycle.year,
				accountDeadline: table.cycle.accountDeadline,
				minutesDeadline: table.cycle.minutesDeadline,
				threshold: table.cycle.divergenceThreshold
			})
			.from(table.cycle)
			.where(eq(table.cycle.id, cycleId))
			.get();
		if (!cycle) return null;
		const criteria = rankingCriteria(cycleId);
		const entries = withoutBarred(admittedEntriesForRanking(cycle, today), barred);
		return {
			cycle,
			criteria,
			classes: cycleClasses(cycleId),
			entries,
			consensus: consensusByEntry(cycleId, criteria),
			submitted: submittedScores(cycleId, criteria, entries.map((e) => e.entryId))
		};
	})();
}

/**
 * Every class of the cycle with its admitted entries ranked (docs/aggregation.md); null for no such
 * cycle. With `barred`, the cycle as a person barred from those entries sees it: ranked as if they
 * had never been entered.
 */
export function rankCycle(cycleId: number, options: { today?: string; barred?: Barred } = {}): CycleRanking | null {
	const read = readCycle(cycleId, options.today, options.barred ?? NONE_BARRED);
	if (!read) return null;
	const { cycle, criteria, entries, consensus, submitted } = read;
	const ranked: ColumnInput = {
		criteria: criteria.map((c) => ({ key: c.key, weight: c.weight })),
		divergenceThreshold: cycle.threshold ?? DEFAULT_DIVERGENCE_THRESHOLD,
		entries: entries.map((e) => {
			const agreed = consensus.get(e.entryId);
			// Only a consensus marked done overrides the mean (see the comment at the top).
			return { id: String(e.entryId), classId: String(e.classId), consensus: agreed?.state === 'done' ? agreed.scores : undefined };
		}),
		scores: submitted.columns
	};
	const meta = new Map(entries.map((e) => [String(e.entryId), e]));
	const byClass = new Map<number, RankedRow[]>();
	for (const r of rankColumns(ranked)) {
		const e = meta.get(r.id)!;
		const agreed = consensus.get(e.entryId);
		const recommendFinalist = agreed?.recommendFinalist ?? null;
		const row: RankedRow = {
			entryId: e.entryId,
			classId: e.classId,
			unitName: e.unitName,
			organisation: e.organisation,
			incomplete: r.incomplete,
			rank: r.rank,
			total: r.total,
			adjustedRank: r.adjustedRank,
			adjustedTotal: r.adjustedTotal,
			criteria: r.criteria,
			consensus: agreed?.state ?? 'none',
			recommendFinalist,
			// The ranking reads registered entries only (load.ts).
			finalist: isFinalist({ entryStatus: 'registered', consensus: agreed && { status: agreed.state, recommendFinalist } }),
			awardBlocked: e.awardBlocked,
			overridden: e.overridden
		};
		const list = byClass.get(e.classId);
		if (list) list.push(row);
		else byClass.set(e.classId, [row]);
	}
	let input: AggregateInput | undefined;
	return {
		cycleId,
		divergenceThreshold: ranked.divergenceThreshold!,
		criteria,
		classes: read.classes.map((c) => ({ ...c, rows: byClass.get(c.id) ?? [] })),
		get input() {
			return (input ??= { ...ranked, scores: columnScores(ranked, submitted.examinerIds.map(String)) });
		}
	};
}

interface CacheEntry {
	key: string;
	ranking: CycleRanking | null;
}

// Per connection, the last ranking of each cycle as each set of barred entries leaves it: one for
// the admin and everyone without conflicts, one per distinct set of conflicts among the jury.
const cache = new WeakMap<Database.Database, Map<string, CacheEntry>>();

/**
 * `rankCycle`, reused while nothing in the database has changed. The key is sound: SQLite's
 * `data_version` changes when another connection commits, `total_changes()` when this connection
 * writes anything, and the day is part of it because the deadline rules (E4, E5) read today.
 */
export function cachedRanking(cycleId: number, barred: Barred = NONE_BARRED): CycleRanking | null {
	const client = db().$client;
	const today = stockholmDay(new Date());
	const version = client.pragma('data_version', { simple: true });
	const changes = client.prepare('SELECT total_changes()').pluck().get();
	const key = `${today} ${version} ${changes}`;
	const view = `${cycleId}:${[...barred].sort((a, b) => a - b).join(',')}`;
	let byView = cache.get(client);
	if (!byView) cache.set(client, (byView = new Map()));
	const hit = byView.get(view);
	if (hit?.key === key) return hit.ranking;
	// A ranking of an older state is never asked for again: dropping them keeps one per view at most.
	for (const [other, entry] of byView) if (entry.key !== key) byView.delete(other);
	const ranking = rankCycle(cycleId, { today, barred });
	byView.set(view, { key, ranking });
	return ranking;
}
