/**
 * The assignment input turned into integers and typed arrays, so that the flow and search loops
 * never touch string maps. Everything is sorted by id first: the engine's output must not depend on
 * the order in which the caller listed entries, examiners, classes or conflicts.
 */
import type { AssignInput } from '../assign.ts';
import { isConflicted } from '../entry-state.ts';

export interface Model {
	teamSize: number;
	entryIds: string[];
	examinerIds: string[];
	/** Classes that have entries, sorted; class indices below point into this list. */
	classIds: string[];
	entryClass: Int32Array;
	entryOrg: Int32Array;
	examinerOrg: Int32Array;
	/** Entries per cycle, clamped to an integer in [0, number of entries]. */
	capacity: Int32Array;
	leadCapable: Uint8Array;
	/** expertise[x * classCount + c] is 1 when examiner x has class c. */
	expertise: Uint8Array;
	/** Declared conflicts as a bitset: row x has `words` 32-bit words over the entries. */
	declared: Uint32Array;
	/** Entries of the organisations examiner x coordinates, as a bitset shaped like `declared`. */
	coordinated: Uint32Array;
	words: number;
	/** Entry indices per class, ascending. */
	entriesByClass: number[][];
}

/** Code-unit order, not localeCompare: the result must be the same on every machine. */
export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function indexOf(ids: string[], what: string): Map<string, number> {
	const index = new Map<string, number>();
	ids.forEach((id, i) => {
		if (index.has(id)) throw new Error(`assignTeams: duplicate ${what} id "${id}"`);
		index.set(id, i);
	});
	return index;
}

export function buildModel(input: AssignInput): Model {
	const teamSize = input.teamSize;
	if (!Number.isInteger(teamSize) || teamSize < 1) throw new RangeError('assignTeams: teamSize must be an integer ≥ 1');

	const entries = [...input.entries].sort((a, b) => compareIds(a.id, b.id));
	const examiners = [...input.examiners].sort((a, b) => compareIds(a.id, b.id));
	const entryIds = entries.map((e) => e.id);
	const examinerIds = examiners.map((x) => x.id);
	const entryIndex = indexOf(entryIds, 'entry');
	const examinerIndex = indexOf(examinerIds, 'examiner');

	const classIds = [...new Set(entries.map((e) => e.classId))].sort(compareIds);
	const classIndex = new Map(classIds.map((c, i) => [c, i]));
	const orgIds = [...new Set([...entries, ...examiners].map((o) => o.organisationId))].sort(compareIds);
	const orgIndex = new Map(orgIds.map((o, i) => [o, i]));

	const X = examiners.length;
	const C = classIds.length;
	const entryClass = Int32Array.from(entries, (e) => classIndex.get(e.classId)!);
	const entryOrg = Int32Array.from(entries, (e) => orgIndex.get(e.organisationId)!);
	const examinerOrg = Int32Array.from(examiners, (x) => orgIndex.get(x.organisationId)!);
	// Nobody can take more entries than there are; this also keeps Infinity out of the Int32Array.
	const capacity = Int32Array.from(examiners, (x) => (x.capacity > 0 ? Math.min(Math.floor(x.capacity), entries.length) : 0));
	const leadCapable = Uint8Array.from(examiners, (x) => (x.leadCapable ? 1 : 0));
	const expertise = new Uint8Array(X * C);
	examiners.forEach((x, i) => {
		for (const c of x.classIds) {
			const ci = classIndex.get(c);
			if (ci !== undefined) expertise[i * C + ci] = 1;
		}
	});

	const words = (entries.length + 31) >>> 5;
	const declared = new Uint32Array(X * words);
	const set = (bits: Uint32Array, x: number, e: number) => (bits[x * words + (e >>> 5)] |= 1 << (e & 31));
	// Conflicts naming unknown people or entries cannot affect this cycle's plan, so they are skipped.
	for (const { examinerId, entryId } of input.conflicts) {
		const x = examinerIndex.get(examinerId);
		const e = entryIndex.get(entryId);
		if (x !== undefined && e !== undefined) set(declared, x, e);
	}
	const coordinated = new Uint32Array(X * words);
	examiners.forEach((x, i) => {
		const organisations = new Set(x.coordinates ?? []);
		if (organisations.size > 0) entries.forEach((e, j) => organisations.has(e.organisationId) && set(coordinated, i, j));
	});

	const entriesByClass: number[][] = classIds.map(() => []);
	entryClass.forEach((c, e) => entriesByClass[c].push(e));

	return {
		teamSize,
		entryIds,
		examinerIds,
		classIds,
		entryClass,
		entryOrg,
		examinerOrg,
		capacity,
		leadCapable,
		expertise,
		declared,
		coordinated,
		words,
		entriesByClass
	};
}

const has = (m: Model, bits: Uint32Array, x: number, e: number) => (bits[x * m.words + (e >>> 5)] & (1 << (e & 31))) !== 0;

/** The hard conflict rule (`isConflicted`) over the model's organisations and bitsets. */
export function allowed(m: Model, x: number, e: number): boolean {
	return !isConflicted(has(m, m.declared, x, e), m.examinerOrg[x] === m.entryOrg[e], has(m, m.coordinated, x, e));
}

export type ConflictReason = 'organisation' | 'coordinator' | 'declared';

/** Why examiner x may not assess entry e, for a pair that is not `allowed`; the organisation first. */
export function conflictReason(m: Model, x: number, e: number): ConflictReason {
	if (m.examinerOrg[x] === m.entryOrg[e]) return 'organisation';
	return has(m, m.coordinated, x, e) ? 'coordinator' : 'declared';
}

export function isExpert(m: Model, x: number, classIndex: number): boolean {
	return m.expertise[x * m.classIds.length + classIndex] === 1;
}

/** Expertise misses of an examiner on an entry: 0 or 1. */
export function miss(m: Model, x: number, e: number): number {
	return isExpert(m, x, m.entryClass[e]) ? 0 : 1;
}
