/**
 * The lean reads behind the ranked view (ranking.ts): a handful of SELECTs over the whole cycle,
 * returning raw arrays rather than ORM objects, because a cycle of 10,000 entries has 210,000 scores
 * and building an object per row would cost more than everything else together.
 */
import type Database from 'better-sqlite3';
import { db } from './db';
import type * as table from './db/schema';
import { eligibilityInput } from './eligibility';
import { checkEligibility, isAdmitted, type RuleId } from '$lib/domain/eligibility';
import { stockholmDay } from '$lib/domain/dates';
import type { AggregateInput } from '$lib/domain/aggregate';

type UnitRow = typeof table.unit.$inferSelect;

// Statements prepared once per connection: preparing costs more than running them on a small cycle.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(sql: string): Database.Statement {
	const client = db().$client;
	let cache = statements.get(client);
	if (!cache) statements.set(client, (cache = new Map()));
	let statement = cache.get(sql);
	if (!statement) cache.set(sql, (statement = client.prepare(sql)));
	return statement;
}

export interface EntryMeta {
	entryId: number;
	classId: number;
	unitName: string;
	organisation: string;
	/** E8 does not pass: may take part but cannot receive the award. */
	awardBlocked: boolean;
	/** Rules E1–E7 the entry fails but was admitted on by the admin's override. */
	overridden: RuleId[];
}

const ENTRIES_SQL = `
	SELECT e.id, e.class_id, u.name, o.name, e.account_received_date, e.minutes_received_date,
		e.eligibility_override_reason, u.id, u.manager_budget_resp, u.manager_staff_resp, u.has_business_plan,
		u.staff_count, u.privately_run, u.stockholm_share_percent, u.last_year_result, u.forecast_result
	FROM entry e
	JOIN unit u ON u.id = e.unit_id
	JOIN organisation o ON o.id = u.organisation_id
	WHERE e.cycle_id = ? AND e.status = 'registered'`;

const WINS_SQL = `
	SELECT w.unit_id, w.year FROM unit_win w JOIN entry e ON e.unit_id = w.unit_id
	WHERE e.cycle_id = ? AND e.status = 'registered'`;

type EntryRow = [
	number, number, string, string, string | null, string | null, string | null, number,
	number | null, number | null, number | null, number | null, number, number | null, number | null, number | null
];

const flag = (value: number | null) => (value === null ? null : value === 1);

/**
 * The cycle's admitted entries with their E8 flag and overridden rules: the same rules and the same
 * "admitted" as `entryEligibility` (eligibility.ts: no E1–E7 failure, or the admin's override), read
 * with one lean query instead of whole rows, which at 10,000 entries costs several times the ranking.
 */
export function admittedEntriesForRanking(
	cycle: { id: number; year: number; accountDeadline: string | null; minutesDeadline: string | null },
	today = stockholmDay(new Date())
): EntryMeta[] {
	const wins = new Map<number, number[]>();
	for (const [unitId, year] of prepared(WINS_SQL).raw(true).all(cycle.id) as [number, number][]) {
		wins.set(unitId, [...(wins.get(unitId) ?? []), year]);
	}
	const admitted: EntryMeta[] = [];
	for (const r of prepared(ENTRIES_SQL).raw(true).all(cycle.id) as EntryRow[]) {
		const [entryId, classId, unitName, organisation, accountReceivedDate, minutesReceivedDate, overrideReason, unitId] = r;
		// Only the columns eligibilityInput reads; the rest of the unit row plays no part in the rules.
		const unit = {
			managerHasBudgetResponsibility: flag(r[8]),
			managerHasStaffResponsibility: flag(r[9]),
			hasBusinessPlan: flag(r[10]),
			staffCount: r[11],
			privatelyRun: r[12] === 1,
			stockholmSharePercent: r[13],
			lastYearResult: r[14],
			forecastResult: r[15]
		} as UnitRow;
		const eligibility = checkEligibility(
			eligibilityInput(cycle, unit, { accountReceivedDate, minutesReceivedDate }, wins.get(unitId) ?? [], today)
		);
		const failing = eligibility.rules.filter((x) => x.blocks === 'assessment' && x.status === 'fail').map((x) => x.rule);
		if (!isAdmitted(eligibility, overrideReason)) continue;
		admitted.push({ entryId, classId, unitName, organisation, awardBlocked: eligibility.awardBlocked, overridden: failing });
	}
	return admitted;
}

export type ConsensusState = 'none' | 'draft' | 'done';

export interface EntryConsensus {
	state: Exclude<ConsensusState, 'none'>;
	recommendFinalist: boolean | null;
	/** Agreed scores by criterion key; only those set. */
	scores: Record<string, number>;
}

/**
 * Scores travel from SQLite as one integer each: row id · 2¹⁷ + (criterion id − the cycle's first
 * criterion id) · 2⁷ + score. A plain number per score is the cheapest value better-sqlite3 can hand
 * over (an array per row costs several times as much), and the packing is exact: scores are whole
 * numbers 0–100 and every term stays below 2⁵³. A score the packing cannot hold (not a whole number
 * in 0–127, a criterion id far from the first, a row id ≥ 2³⁶) comes as the text "id criterion score"
 * instead, so nothing is ever lost or rounded.
 */
const PACK = 131_072; // 2¹⁷
const packed = (rowId: string, score: string, criterionId: string) => `
	CASE WHEN ${score} BETWEEN 0 AND 127 AND ${score} = CAST(${score} AS INTEGER)
		AND ${criterionId} - @first BETWEEN 0 AND 1023 AND ${rowId} < 68719476736
	THEN ${rowId} * ${PACK} + (${criterionId} - @first) * 128 + ${score}
	ELSE ${rowId} || ' ' || ${criterionId} || ' ' || ${score} END`;

const ASSESSMENTS_SQL = `
	SELECT a.id, a.entry_id, a.examiner_id
	FROM entry e JOIN assessment a ON a.entry_id = e.id AND a.status = 'submitted'
	WHERE e.cycle_id = @cycle AND e.status = 'registered'`;

const SCORES_SQL = `
	SELECT ${packed('a.id', 's.score', 's.criterion_id')}
	FROM entry e JOIN assessment a ON a.entry_id = e.id AND a.status = 'submitted'
	JOIN assessment_score s ON s.assessment_id = a.id
	WHERE e.cycle_id = @cycle AND e.status = 'registered' AND s.score IS NOT NULL`;

const CONSENSUS_SQL = `
	SELECT c.id, c.entry_id, c.status, c.recommend_finalist
	FROM entry e JOIN consensus c ON c.entry_id = e.id
	WHERE e.cycle_id = @cycle AND e.status = 'registered'`;

const CONSENSUS_SCORES_SQL = `
	SELECT ${packed('c.id', 'cs.score', 'cs.criterion_id')}
	FROM entry e JOIN consensus c ON c.entry_id = e.id
	JOIN consensus_score cs ON cs.consensus_id = c.id
	WHERE e.cycle_id = @cycle AND e.status = 'registered' AND cs.score IS NOT NULL`;

/** Decodes one packed score at a time into its fields, allocating nothing per score. */
class ScoreReader {
	rowId = 0;
	criterion = '';
	score = 0;
	// Criteria by offset from the first id: an array lookup per score instead of a hash.
	private readonly byOffset: (string | undefined)[] = [];

	constructor(
		private readonly criterionKeys: Map<number, string>,
		first: number
	) {
		for (const [id, key] of criterionKeys) if (id - first >= 0 && id - first < 1024) this.byOffset[id - first] = key;
	}

	/** False for a score of a criterion outside the model, which is skipped. */
	read(value: number | string): boolean {
		let criterion: string | undefined;
		if (typeof value === 'number') {
			this.rowId = Math.floor(value / PACK);
			const rest = value - this.rowId * PACK;
			criterion = this.byOffset[rest >> 7];
			this.score = rest & 127;
		} else {
			const [rowId, criterionId, score] = value.split(' ').map(Number);
			this.rowId = rowId;
			criterion = this.criterionKeys.get(criterionId);
			this.score = score;
		}
		if (criterion === undefined) return false;
		this.criterion = criterion;
		return true;
	}
}

function firstId(criterionKeys: Map<number, string>): number {
	return Math.min(...criterionKeys.keys());
}

/** Every consensus of the cycle's registered entries, by entry id; scores of any state. */
export function consensusByEntry(cycleId: number, criterionKeys: Map<number, string>): Map<number, EntryConsensus> {
	const byId = new Map<number, EntryConsensus>();
	const result = new Map<number, EntryConsensus>();
	for (const [id, entryId, status, recommend] of prepared(CONSENSUS_SQL).raw(true).all({ cycle: cycleId }) as [number, number, string, number | null][]) {
		const consensus: EntryConsensus = { state: status === 'done' ? 'done' : 'draft', recommendFinalist: flag(recommend), scores: {} };
		byId.set(id, consensus);
		result.set(entryId, consensus);
	}
	if (criterionKeys.size === 0) return result;
	const first = firstId(criterionKeys);
	const reader = new ScoreReader(criterionKeys, first);
	for (const value of prepared(CONSENSUS_SCORES_SQL).pluck(true).all({ cycle: cycleId, first }) as (number | string)[]) {
		if (!reader.read(value)) continue;
		const consensus = byId.get(reader.rowId);
		if (consensus) consensus.scores[reader.criterion] = reader.score;
	}
	return result;
}

/** Submitted scores of the cycle's registered entries, entry and examiner ids as strings for rankEntries. */
export function submittedScores(cycleId: number, criterionKeys: Map<number, string>): AggregateInput['scores'] {
	if (criterionKeys.size === 0) return [];
	const assessments = new Map<number, { entryId: string; examinerId: string }>();
	for (const [id, entryId, examinerId] of prepared(ASSESSMENTS_SQL).raw(true).all({ cycle: cycleId }) as [number, number, number][]) {
		assessments.set(id, { entryId: String(entryId), examinerId: String(examinerId) });
	}
	const first = firstId(criterionKeys);
	const values = prepared(SCORES_SQL).pluck(true).all({ cycle: cycleId, first }) as (number | string)[];
	const reader = new ScoreReader(criterionKeys, first);
	const scores: AggregateInput['scores'] = new Array(values.length);
	let n = 0;
	// Scores arrive grouped by assessment: look each one up once.
	let lastId = -1;
	let owner: { entryId: string; examinerId: string } | undefined;
	for (const value of values) {
		if (!reader.read(value)) continue;
		if (reader.rowId !== lastId) owner = assessments.get((lastId = reader.rowId));
		if (owner) scores[n++] = { entryId: owner.entryId, examinerId: owner.examinerId, criterion: reader.criterion, score: reader.score };
	}
	scores.length = n;
	return scores;
}
