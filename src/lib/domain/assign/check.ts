/**
 * Rules of a (possibly hand-edited) assignment, for the admin screen's live "broken rules" list and
 * for the quality figures of the benchmark. Codes are stable so the UI can translate them; `hard`
 * marks the rules the server must refuse, the rest are preferences bent.
 */
import type { AssignInput, AssignResult } from '../assign.ts';
import { allowed, buildModel, compareIds, conflictReason, type ConflictReason } from './model.ts';
import { loads, measure, membersWithoutClass, organisationClashes, splits, staffedFromIds, teamsOf, type Quality } from './quality.ts';

export type RuleCode =
	| 'unknown-entry'
	| 'unknown-examiner'
	| 'duplicate-entry'
	| 'uncovered'
	| 'wrong-size'
	| 'duplicate-member'
	| 'no-lead'
	| 'lead-not-capable'
	| 'conflict'
	| 'over-capacity'
	| 'expertise-miss'
	| 'team-split'
	| 'same-organisation';

const SOFT: ReadonlySet<RuleCode> = new Set(['expertise-miss', 'team-split', 'same-organisation']);

export interface RuleBreach {
	code: RuleCode;
	hard: boolean;
	entryId?: string;
	examinerId?: string;
	/** 'same-organisation': the colleague from the same organisation. */
	otherExaminerId?: string;
	/** 'conflict': the entry is the examiner's own organisation's, one they coordinate, or a declared conflict. */
	reason?: ConflictReason;
}

type Assignment = AssignResult['assignments'][number];

/**
 * Every hard rule broken and preference bent, sorted by entry, code and examiner. The preferences are
 * counted as `quality.ts` defines them, so the list has exactly as many 'expertise-miss',
 * 'team-split' and 'same-organisation' breaches as the optimiser counts: a split is reported on the
 * first entry of each team beyond an examiner's first, a clash on the first entry of its team.
 */
export function checkAssignment(input: AssignInput, assignments: Assignment[]): RuleBreach[] {
	const m = buildModel(input);
	const entryIndex = new Map(m.entryIds.map((id, i) => [id, i]));
	const examinerIndex = new Map(m.examinerIds.map((id, i) => [id, i]));
	const breaches: RuleBreach[] = [];
	const add = (code: RuleCode, more: Omit<RuleBreach, 'code' | 'hard'>) => breaches.push({ code, hard: !SOFT.has(code), ...more });
	const seen = new Set<string>();
	// Per examiner: the entries they are on (an entry listed twice counts once).
	const entriesOf = new Map<number, Set<string>>();

	for (const { entryId, examinerIds, leadId } of assignments) {
		const e = entryIndex.get(entryId);
		if (e === undefined) {
			add('unknown-entry', { entryId });
			continue;
		}
		if (seen.has(entryId)) add('duplicate-entry', { entryId });
		seen.add(entryId);
		const distinct = [...new Set(examinerIds)].sort(compareIds);
		if (distinct.length < examinerIds.length) {
			for (const id of distinct) if (examinerIds.filter((x) => x === id).length > 1) add('duplicate-member', { entryId, examinerId: id });
		}
		if (distinct.length !== m.teamSize) add('wrong-size', { entryId });
		if (!distinct.includes(leadId)) add('no-lead', { entryId });
		else if (examinerIndex.has(leadId) && !m.leadCapable[examinerIndex.get(leadId)!]) add('lead-not-capable', { entryId, examinerId: leadId });

		for (const id of distinct) {
			const x = examinerIndex.get(id);
			if (x === undefined) {
				add('unknown-examiner', { entryId, examinerId: id });
				continue;
			}
			if (!allowed(m, x, e)) {
				add('conflict', { entryId, examinerId: id, reason: conflictReason(m, x, e) });
			}
			entriesOf.set(x, (entriesOf.get(x) ?? new Set()).add(entryId));
		}
	}
	for (const [x, entries] of entriesOf) {
		if (entries.size > m.capacity[x]) for (const entryId of entries) add('over-capacity', { entryId, examinerId: m.examinerIds[x] });
	}
	for (const entryId of m.entryIds) if (!seen.has(entryId)) add('uncovered', { entryId });

	const teams = teamsOf(m, staffedFromIds(m, assignments));
	for (const team of teams) {
		const missing = membersWithoutClass(m, team);
		for (const e of team.entries) for (const x of missing) add('expertise-miss', { entryId: m.entryIds[e], examinerId: m.examinerIds[x] });
		for (const { examiner, colleague } of organisationClashes(m, team.members)) {
			add('same-organisation', { entryId: m.entryIds[team.entries[0]], examinerId: m.examinerIds[colleague], otherExaminerId: m.examinerIds[examiner] });
		}
	}
	for (const { examiner, team } of splits(teams)) add('team-split', { entryId: m.entryIds[team.entries[0]], examinerId: m.examinerIds[examiner] });

	return breaches.sort(
		(a, b) =>
			compareIds(a.entryId ?? '', b.entryId ?? '') ||
			compareIds(a.code, b.code) ||
			compareIds(a.examinerId ?? '', b.examinerId ?? '') ||
			compareIds(a.otherExaminerId ?? '', b.otherExaminerId ?? '')
	);
}

export interface AssignmentStats extends Quality {
	entries: number;
	/** (entry, member) pairs in conflict: must be 0. */
	conflicts: number;
	/** Examiners above their capacity: must be 0. */
	overCapacity: number;
	/** Entries per examiner over the whole pool, idle examiners included. */
	load: { min: number; median: number; max: number };
}

/** A plan's preference counts (`quality.ts`) and the hard rules the benchmark watches. */
export function assignmentStats(input: AssignInput, assignments: Assignment[]): AssignmentStats {
	const m = buildModel(input);
	const staffed = staffedFromIds(m, assignments);
	const teams = teamsOf(m, staffed);
	let conflicts = 0;
	for (const s of staffed) for (const x of s.members) if (!allowed(m, x, s.entry)) conflicts++;
	const load = loads(m, teams);
	const sorted = [...load].sort((a, b) => a - b);
	return {
		entries: m.entryIds.length,
		...measure(m, teams),
		conflicts,
		overCapacity: [...load].filter((l, x) => l > m.capacity[x]).length,
		load: sorted.length === 0 ? { min: 0, median: 0, max: 0 } : { min: sorted[0], median: sorted[sorted.length >> 1], max: sorted[sorted.length - 1] }
	};
}
