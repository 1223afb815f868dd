/**
 * Rules of a (possibly hand-edited) assignment, for the admin screen's live "broken rules" list and
 * for the quality figures of the benchmark. Codes are stable so the UI can translate them; `hard`
 * marks the rules the server must refuse, the rest are preferences bent.
 */
import type { AssignInput, AssignResult } from '../assign.ts';
import { allowed, buildModel, compareIds, isExpert } from './model.ts';

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
	/** 'conflict': the entry is the examiner's own organisation's, or a declared conflict. */
	reason?: 'organisation' | 'declared';
}

type Assignment = AssignResult['assignments'][number];

/**
 * Every hard rule broken and preference bent, per entry (and examiner where one is concerned),
 * sorted by entry, code and examiner. 'team-split' marks an examiner whose entries do not all have
 * the same members; 'same-organisation' a pair of members from one organisation.
 */
export function checkAssignment(input: AssignInput, assignments: Assignment[]): RuleBreach[] {
	const m = buildModel(input);
	const entryIndex = new Map(m.entryIds.map((id, i) => [id, i]));
	const examinerIndex = new Map(m.examinerIds.map((id, i) => [id, i]));
	const breaches: RuleBreach[] = [];
	const add = (code: RuleCode, more: Omit<RuleBreach, 'code' | 'hard'>) => breaches.push({ code, hard: !SOFT.has(code), ...more });
	const seen = new Set<string>();
	// Per examiner: their entries and each entry's member set (an entry listed twice counts once).
	const entriesOf = new Map<number, Map<string, string>>();

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

		const known = distinct.filter((id) => examinerIndex.has(id));
		for (const id of distinct) if (!examinerIndex.has(id)) add('unknown-examiner', { entryId, examinerId: id });
		for (const id of known) {
			const x = examinerIndex.get(id)!;
			if (!allowed(m, x, e)) {
				add('conflict', { entryId, examinerId: id, reason: m.examinerOrg[x] === m.entryOrg[e] ? 'organisation' : 'declared' });
			}
			if (!isExpert(m, x, m.entryClass[e])) add('expertise-miss', { entryId, examinerId: id });
			entriesOf.set(x, (entriesOf.get(x) ?? new Map()).set(entryId, known.join('\u0000')));
		}
		for (let i = 0; i < known.length; i++) {
			for (let j = i + 1; j < known.length; j++) {
				if (m.examinerOrg[examinerIndex.get(known[i])!] === m.examinerOrg[examinerIndex.get(known[j])!]) {
					add('same-organisation', { entryId, examinerId: known[i], otherExaminerId: known[j] });
				}
			}
		}
	}
	for (const [x, teams] of entriesOf) {
		const examinerId = m.examinerIds[x];
		if (teams.size > m.capacity[x]) for (const entryId of teams.keys()) add('over-capacity', { entryId, examinerId });
		if (new Set(teams.values()).size > 1) for (const entryId of teams.keys()) add('team-split', { entryId, examinerId });
	}
	for (const entryId of m.entryIds) if (!seen.has(entryId)) add('uncovered', { entryId });

	return breaches.sort(
		(a, b) =>
			compareIds(a.entryId ?? '', b.entryId ?? '') ||
			compareIds(a.code, b.code) ||
			compareIds(a.examinerId ?? '', b.examinerId ?? '') ||
			compareIds(a.otherExaminerId ?? '', b.otherExaminerId ?? '')
	);
}

export interface AssignmentStats {
	entries: number;
	covered: number;
	/** (entry, member) pairs in conflict: must be 0. */
	conflicts: number;
	/** Examiners above their capacity: must be 0. */
	overCapacity: number;
	/** (entry, member) pairs where the member lacks the entry's class. */
	expertiseMisses: number;
	/** Share of examiners with entries whose entries all have the same members (1 when none do). */
	keptTogether: number;
	/** Same-organisation member pairs, counted once per distinct team (member set). */
	organisationClashes: number;
	/** Entries per examiner over the whole pool, idle examiners included. */
	load: { min: number; median: number; max: number };
}

export function assignmentStats(input: AssignInput, assignments: Assignment[]): AssignmentStats {
	const m = buildModel(input);
	const entryIndex = new Map(m.entryIds.map((id, i) => [id, i]));
	const examinerIndex = new Map(m.examinerIds.map((id, i) => [id, i]));
	const load = new Int32Array(m.examinerIds.length);
	const teamsOf = new Map<number, Set<string>>();
	const teams = new Map<string, number[]>();
	let conflicts = 0;
	let expertiseMisses = 0;
	for (const { entryId, examinerIds } of assignments) {
		const e = entryIndex.get(entryId);
		if (e === undefined) continue;
		const members = examinerIds.map((id) => examinerIndex.get(id)).filter((x): x is number => x !== undefined);
		const key = [...members].sort((a, b) => a - b).join();
		teams.set(key, members);
		for (const x of members) {
			load[x]++;
			if (!allowed(m, x, e)) conflicts++;
			if (!isExpert(m, x, m.entryClass[e])) expertiseMisses++;
			teamsOf.set(x, (teamsOf.get(x) ?? new Set()).add(key));
		}
	}
	let organisationClashes = 0;
	for (const members of teams.values()) {
		for (let i = 0; i < members.length; i++)
			for (let j = i + 1; j < members.length; j++) if (m.examinerOrg[members[i]] === m.examinerOrg[members[j]]) organisationClashes++;
	}
	const together = [...teamsOf.values()].filter((set) => set.size === 1).length;
	const loads = [...load].sort((a, b) => a - b);
	return {
		entries: m.entryIds.length,
		covered: new Set(assignments.map((a) => a.entryId).filter((id) => entryIndex.has(id))).size,
		conflicts,
		overCapacity: loads.length === 0 ? 0 : [...load].filter((l, x) => l > m.capacity[x]).length,
		expertiseMisses,
		keptTogether: teamsOf.size === 0 ? 1 : together / teamsOf.size,
		organisationClashes,
		load: loads.length === 0 ? { min: 0, median: 0, max: 0 } : { min: loads[0], median: loads[loads.length >> 1], max: loads[loads.length - 1] }
	};
}
