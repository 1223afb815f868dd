/**
 * The autosave benchmark's database: one cycle in the assessment phase with the default model,
 * and `examiners` examiners in teams of three, each team on its own entry, every examiner with a
 * draft assessment (version 1) to edit. No examiner shares an organisation with an entry, so
 * there is no conflict of interest. Beside it, the next year's cycle in registration, with no
 * account deadline yet, and `contacts` units each with a contact who writes the unit's account
 * (not begun: the first save makes it), as unit contacts do while examiners assess the year before.
 * Written through the real migrations and schema.
 */
import { openDatabase } from '../src/lib/server/db/open';
import * as table from '../src/lib/server/db/schema';
import { DEFAULT_BAND_TEXTS, DEFAULT_CLASSES, DEFAULT_CRITERIA } from '../src/lib/domain/default-model';

export interface BenchExaminer {
	userId: number;
	email: string;
	entryId: number;
	assessmentId: number;
}

export interface BenchContact {
	userId: number;
	email: string;
	entryId: number;
}

export interface BenchSeed {
	examiners: BenchExaminer[];
	criterionIds: number[];
	contacts: BenchContact[];
	/** The account's structure: per criterion of the registration cycle, its id and number of questions. */
	accountShape: { criterionId: number; questions: number }[];
}

export function seedAutosaveBench(path: string, examiners: number, passwordHash: string, contacts = 0): BenchSeed {
	const db = openDatabase(path);
	const now = new Date();
	const seed = db.transaction((tx) => {
		const cycleId = tx
			.insert(table.cycle)
			.values({ year: 2026, name: 'Belastningsprov 2026', phase: 'assessment', assessmentDue: '2026-09-18', consensusDue: '2026-10-09' })
			.returning()
			.get().id;
		const classId = tx.insert(table.awardClass).values({ cycleId, ...DEFAULT_CLASSES[4], sortOrder: 0 }).returning().get().id;
		const criterionIds = DEFAULT_CRITERIA.map(
			(c, i) => tx.insert(table.criterion).values({ cycleId, ...c, bandTexts: DEFAULT_BAND_TEXTS[c.kind], sortOrder: i }).returning().get().id
		);
		const unitsOrg = tx.insert(table.organisation).values({ name: 'Provförvaltningen', kind: 'administration' }).returning().get().id;
		const examinersOrg = tx.insert(table.organisation).values({ name: 'Examinatorernas förvaltning', kind: 'administration' }).returning().get().id;

		const out: BenchExaminer[] = [];
		const teams = Math.ceil(examiners / 3);
		for (let t = 0; t < teams; t++) {
			const unitId = tx.insert(table.unit).values({ organisationId: unitsOrg, name: `Provenhet ${t + 1}`, staffCount: 12 }).returning().get().id;
			const entryId = tx.insert(table.entry).values({ cycleId, unitId, classId }).returning().get().id;
			const teamId = tx.insert(table.team).values({ cycleId, classId, name: `Lag ${t + 1}`, publishedAt: now }).returning().get().id;
			tx.insert(table.teamEntry).values({ teamId, entryId }).run();
			for (let k = 0; k < 3 && out.length < examiners; k++) {
				const n = out.length + 1;
				const email = `bench${n}@bench.test`;
				const userId = tx.insert(table.user).values({ email, name: `Examinator ${n}`, passwordHash }).returning().get().id;
				tx.insert(table.cycleRole).values({ cycleId, userId, role: 'examiner', organisationId: examinersOrg }).run();
				tx.insert(table.examinerProfile).values({ cycleId, userId, leadCapable: k === 0, organisationId: examinersOrg }).run();
				tx.insert(table.teamMember).values({ teamId, userId, isLead: k === 0 }).run();
				const assessmentId = tx.insert(table.assessment).values({ entryId, examinerId: userId, status: 'draft', version: 1, updatedAt: now }).returning().get().id;
				for (const criterionId of criterionIds) tx.insert(table.assessmentScore).values({ assessmentId, criterionId }).run();
				out.push({ userId, email, entryId, assessmentId });
			}
		}

		if (contacts === 0) return { examiners: out, criterionIds, contacts: [], accountShape: [] };
		const nextCycleId = tx.insert(table.cycle).values({ year: 2027, name: 'Belastningsprov 2027', phase: 'registration' }).returning().get().id;
		const nextClassId = tx.insert(table.awardClass).values({ cycleId: nextCycleId, ...DEFAULT_CLASSES[4], sortOrder: 0 }).returning().get().id;
		const accountShape = DEFAULT_CRITERIA.map((c, i) => ({
			criterionId: tx.insert(table.criterion).values({ cycleId: nextCycleId, ...c, bandTexts: DEFAULT_BAND_TEXTS[c.kind], sortOrder: i }).returning().get().id,
			questions: c.questions.length
		}));
		const writers: BenchContact[] = [];
		for (let n = 1; n <= contacts; n++) {
			const unitId = tx.insert(table.unit).values({ organisationId: unitsOrg, name: `Anmäld enhet ${n}`, staffCount: 12 }).returning().get().id;
			const entryId = tx.insert(table.entry).values({ cycleId: nextCycleId, unitId, classId: nextClassId }).returning().get().id;
			const email = `kontakt${n}@bench.test`;
			const userId = tx.insert(table.user).values({ email, name: `Kontaktperson ${n}`, passwordHash }).returning().get().id;
			tx.insert(table.unitContact).values({ unitId, userId, name: `Kontaktperson ${n}`, email }).run();
			writers.push({ userId, email, entryId });
		}
		return { examiners: out, criterionIds, contacts: writers, accountShape };
	});
	db.$client.close();
	return seed;
}
