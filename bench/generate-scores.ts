/**
 * A generated award cycle for benchmarks: entries in classes, assessed by teams of examiners,
 * every examiner scoring every criterion of the default model (docs/assessment-model.md). Seeded,
 * so every run and every benchmark (in memory or through the database) sees the same data.
 */
import type { AggregateInput } from '../src/lib/domain/aggregate';
import { seededRandom } from '../src/lib/domain/seeded-random';

export interface GenerateOptions {
	entries?: number;
	classes?: number;
	teamSize?: number;
	/**
	 * Entries each team assesses. Real teams take one or two; the default of 4 gives every examiner
	 * the ≥ 3 entries that bring their scores into the severity adjustment, so the benchmark pays for it.
	 */
	entriesPerTeam?: number;
	seed?: number;
}

export interface GeneratedCycle extends AggregateInput {
	classes: { id: string; name: string }[];
	examiners: { id: string; classId: string }[];
}

export const DEFAULT_CRITERIA: AggregateInput['criteria'] = [
	{ key: 'dialog', weight: 15 },
	{ key: 'leadership', weight: 15 },
	{ key: 'staff', weight: 15 },
	{ key: 'followup', weight: 15 },
	{ key: 'learning', weight: 10 },
	{ key: 'results', weight: 25 },
	{ key: 'equality', weight: 5 }
];

export function generateCycle(options: GenerateOptions = {}): GeneratedCycle {
	const { entries = 10_000, classes = 5, teamSize = 3, entriesPerTeam = 4, seed = 2026 } = options;
	const random = seededRandom(seed);
	// Roughly normal noise from the sum of three uniforms: cheap, bounded, no outliers to special-case.
	const noise = (scale: number) => (random() + random() + random() - 1.5) * scale;
	const criteria = DEFAULT_CRITERIA;
	const cycle: GeneratedCycle = { criteria, classes: [], examiners: [], entries: [], scores: [] };
	for (let k = 0; k < classes; k++) cycle.classes.push({ id: `c${k + 1}`, name: `Klass ${k + 1}` });

	// Entries are dealt round-robin to classes; each class fills teams in turn.
	const severity = new Map<string, number>();
	const teamOf = new Map<string, string[]>();
	const filled = new Map<string, number>();
	for (let i = 0; i < entries; i++) {
		const classId = cycle.classes[i % classes].id;
		const count = filled.get(classId) ?? 0;
		filled.set(classId, count + 1);
		if (count % entriesPerTeam === 0) {
			const team: string[] = [];
			for (let m = 0; m < teamSize; m++) {
				const id = `x${String(cycle.examiners.length + 1).padStart(5, '0')}`;
				cycle.examiners.push({ id, classId });
				severity.set(id, noise(16));
				team.push(id);
			}
			teamOf.set(classId, team);
		}
		const entryId = `e${String(i + 1).padStart(5, '0')}`;
		cycle.entries.push({ id: entryId, classId });
		const quality = 25 + random() * 55;
		for (const examinerId of teamOf.get(classId)!) {
			for (const { key } of criteria) {
				const raw = quality + severity.get(examinerId)! + noise(20);
				const score = Math.min(100, Math.max(0, Math.round(raw / 5) * 5));
				cycle.scores.push({ entryId, examinerId, criterion: key, score });
			}
		}
	}
	return cycle;
}
