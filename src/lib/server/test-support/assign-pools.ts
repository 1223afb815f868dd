/**
 * Assignment pools for the optimiser's tests and benchmark: random pools like the award office's,
 * and pools with a perfect plan planted among extra examiners. Seeded, so every run sees the same.
 */
import type { AssignInput } from '$lib/domain/assign';
import { seededRandom } from '$lib/domain/seeded-random';

const pad = (i: number) => String(i).padStart(4, '0');

export interface PoolShape {
	entries: number;
	examiners: number;
	classes: number;
	organisations: number;
	/** Share of examiners who can lead, and of (examiner, entry) pairs declared a conflict. */
	leadShare: number;
	conflictShare: number;
}

/** Entries spread over the classes; examiners with one or two classes, capacity 1 or 2. */
export function randomPool(seed: number, shape: PoolShape): AssignInput {
	const random = seededRandom(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const org = () => `o${pick(shape.organisations)}`;
	const entries = Array.from({ length: shape.entries }, (_, i) => ({ id: `e${pad(i)}`, classId: `c${i % shape.classes}`, organisationId: org() }));
	const examiners = Array.from({ length: shape.examiners }, (_, i) => {
		const first = pick(shape.classes);
		const classIds = [`c${first}`];
		if (shape.classes > 1 && random() < 0.3) classIds.push(`c${(first + 1 + pick(shape.classes - 1)) % shape.classes}`);
		return { id: `x${pad(i)}`, organisationId: org(), classIds, capacity: random() < 0.75 ? 2 : 1, leadCapable: random() < shape.leadShare };
	});
	const conflicts = examiners.flatMap((x) => entries.filter(() => random() < shape.conflictShare).map((e) => ({ examinerId: x.id, entryId: e.id })));
	return { teamSize: 3, entries, examiners, conflicts };
}

/**
 * A pool where a plan with no breach exists: `teams` teams of three experts from three organisations
 * that own none of the team's two entries, one of them lead-capable, capacity 2. Hidden among them,
 * `extras` examiners of any organisation, half of them without any class, so that most teams they
 * join bend a preference. Ids are shuffled so that position gives nothing away.
 */
export function plantedPool(seed: number, teams: number, extras: number): AssignInput {
	const random = seededRandom(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const classes = 3;
	const organisations = 6;
	const ids = Array.from({ length: teams * 3 + extras }, (_, i) => i).sort(() => random() - 0.5);
	const entries: AssignInput['entries'] = [];
	const examiners: AssignInput['examiners'] = [];
	for (let t = 0; t < teams; t++) {
		const classId = `c${t % classes}`;
		const home = pick(organisations);
		for (let k = 0; k < 2; k++) entries.push({ id: `e${pad(2 * t + k)}`, classId, organisationId: `o${home}` });
		for (let k = 0; k < 3; k++) {
			const organisationId = `o${(home + 1 + ((t + k) % (organisations - 1))) % organisations}`;
			examiners.push({ id: `x${pad(ids[3 * t + k])}`, organisationId, classIds: [classId], capacity: 2, leadCapable: k === 0 });
		}
	}
	for (let i = 0; i < extras; i++) {
		const expert = random() < 0.5;
		const classIds = expert ? [`c${pick(classes)}`] : [];
		examiners.push({ id: `x${pad(ids[3 * teams + i])}`, organisationId: `o${pick(organisations)}`, classIds, capacity: 2, leadCapable: random() < 0.5 });
	}
	return { teamSize: 3, entries, examiners, conflicts: [] };
}
