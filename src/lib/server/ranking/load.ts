/**
 * The lean reads behind the ranked view (ranking.ts): a handful of SELECTs over the whole cycle,
 * returning raw arrays rather than ORM objects, scores packed several to a number and eligibility
 * without its sentences, because a cycle of 10,000 entries has 210,000 scores and an object or a
 * sentence per row would cost more than everything else together.
 */
import { flag, prepared } from '../db/prepared';
import { eligibilityRows } from '../eligibility/rows';
import { isAdmitted, summariseEligibility, type RuleId } from '$lib/domain/eligibility';
import { stockholmDay } from '$lib/domain/dates';
import { addColumnScore, scoreColumns, type ScoreColumns } from '$lib/domain/aggregate';

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

/**
 * The cycle's admitted entries with their E8 flag and overridden rules, from the same read as
 * `entryEligibility` and the same `isAdmitted`, but deciding without the rules' sentences.
 */
export function admittedEntriesForRanking(
	cycle: { id: number; year: number; accountDeadline: string | null; minutesDeadline: string | null },
	today = stockholmDay(new Date())
): EntryMeta[] {
	const admitted: EntryMeta[] = [];
	for (const r of eligibilityRows(cycle, today)) {
		const eligibility = summariseEligibility(r.input);
		if (!isAdmitted(eligibility, r.overrideReason)) continue;
		const { entryId, classId, unitName, organisation } = r;
		admitted.push({ entryId, classId, unitName, organisation, awardBlocked: eligibility.awardBlocked, overridden: eligibility.failing });
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
 * Scores travel from SQLite packed, up to seven in one integer, so that a cycle of 210,000 scores
 * crosses into JavaScript as 30,000 rows rather than 210,000. The cycle's criterion ids are split
 * into packs of seven consecutive ids from a base; a pack's value is Σ (score + 1) · 128^(id − base)
 * over the row's scores in it. The database only holds whole scores 0–100 (the CHECK in
 * schema/assessment.ts), so each fits its 7 bits with 0 left for "no score", and seven of them stay
 * below 2⁴⁹, where a JavaScript number is still exact.
 */
const PACK_SIZE = 7;
const SLOT = 128;

class ScorePacks {
	readonly bases: number[] = [];
	/** The criterion index (in the model's list) of each pack's slots; -1 for an id not of this model. */
	private readonly slots: number[];
	/** What `decode` found, reused from row to row. */
	readonly criteria: number[] = [];
	readonly scores: number[] = [];

	constructor(criteria: readonly { id: number }[]) {
		const ids = criteria.map((c) => c.id).sort((a, b) => a - b);
		for (const id of ids) {
			if (!Number.isSafeInteger(id)) throw new RangeError(`criterion id ${id}`);
			if (this.bases.length === 0 || id >= this.bases[this.bases.length - 1] + PACK_SIZE) this.bases.push(id);
		}
		this.slots = new Array(this.bases.length * PACK_SIZE).fill(-1);
		criteria.forEach((c, index) => {
			const pack = this.bases.findLastIndex((base) => base <= c.id);
			this.slots[pack * PACK_SIZE + c.id - this.bases[pack]] = index;
		});
	}

	/** A column per pack, each after a comma: the packed scores of the row `owner` names in `table` (by `column`). */
	columns(table: 'assessment_score' | 'consensus_score', column: string, owner: string): string {
		return this.bases
			.map(
				(base) => `, (SELECT sum((s.score + 1) << (${PACK_SIZE} * (s.criterion_id - ${base})))
					FROM ${table} s WHERE s.${column} = ${owner} AND s.criterion_id BETWEEN ${base} AND ${base + PACK_SIZE - 1})`
			)
			.join('');
	}

	/** Unpacks the pack columns of `row` from index `from` into `criteria` and `scores`; returns how many. */
	decode(row: readonly unknown[], from: number): number {
		let n = 0;
		for (let pack = 0; pack < this.bases.length; pack++) {
			let value = row[from + pack] as number | null;
			for (let slot = pack * PACK_SIZE; value; slot++) {
				const stored = value % SLOT;
				value = (value - stored) / SLOT;
				if (stored === 0 || this.slots[slot] < 0) continue;
				this.criteria[n] = this.slots[slot];
				this.scores[n++] = stored - 1;
			}
		}
		return n;
	}
}

/** Every consensus of the cycle's registered entries, by entry id; scores of any state. */
export function consensusByEntry(cycleId: number, criteria: readonly { id: number; key: string }[]): Map<number, EntryConsensus> {
	const packs = new ScorePacks(criteria);
	const sql = `
		SELECT c.entry_id, c.status, c.recommend_finalist ${packs.columns('consensus_score', 'consensus_id', 'c.id')}
		FROM entry e JOIN consensus c ON c.entry_id = e.id
		WHERE e.cycle_id = ? AND e.status = 'registered'`;
	const result = new Map<number, EntryConsensus>();
	for (const row of prepared(sql).raw(true).all(cycleId) as [number, string, number | null, ...(number | null)[]][]) {
		const scores: Record<string, number> = {};
		for (let i = 0, n = packs.decode(row, 3); i < n; i++) scores[criteria[packs.criteria[i]].key] = packs.scores[i];
		result.set(row[0], { state: row[1] === 'done' ? 'done' : 'draft', recommendFinalist: flag(row[2]), scores });
	}
	return result;
}

export interface SubmittedScores {
	/** Entries by their index in the list given, criteria by their index in the model. */
	columns: ScoreColumns;
	/** The examiners' user ids, by the examiner numbers of the columns. */
	examinerIds: number[];
}

/** Submitted scores of the given entries of the cycle (by their index in `entryIds`), as columns for `rankColumns`. */
export function submittedScores(cycleId: number, criteria: readonly { id: number }[], entryIds: readonly number[]): SubmittedScores {
	if (criteria.length === 0) return { columns: scoreColumns(0), examinerIds: [] };
	const packs = new ScorePacks(criteria);
	const sql = `
		SELECT a.entry_id, a.examiner_id ${packs.columns('assessment_score', 'assessment_id', 'a.id')}
		FROM entry e JOIN assessment a ON a.entry_id = e.id AND a.status = 'submitted'
		WHERE e.cycle_id = ? AND e.status = 'registered'`;
	const rows = prepared(sql).raw(true).all(cycleId) as [number, number, ...(number | null)[]][];
	const entryIndex = new Map(entryIds.map((id, index) => [id, index]));
	const examinerIds: number[] = [];
	const examinerIndex = new Map<number, number>();
	const columns = scoreColumns(rows.length * criteria.length);
	for (const row of rows) {
		const entry = entryIndex.get(row[0]);
		if (entry === undefined) continue;
		let examiner = examinerIndex.get(row[1]);
		if (examiner === undefined) examinerIndex.set(row[1], (examiner = examinerIds.push(row[1]) - 1));
		for (let i = 0, n = packs.decode(row, 2); i < n; i++) addColumnScore(columns, entry, packs.criteria[i], examiner, packs.scores[i]);
	}
	return { columns, examinerIds };
}
