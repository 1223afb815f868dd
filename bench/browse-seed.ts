/**
 * The browse benchmark's database: a year about ten times Stockholm's, with everybody who opens
 * pages in it. A generated cycle of 400 entries in the jury phase (./write-cycle-db.ts: submitted
 * scores, a done consensus per entry) is completed with what people sign in to and read:
 * published teams of three (the generator's teams, each on three entries, the first member leads),
 * examiner profiles in organisations that own none of their team's entries, the demo's jury (chair
 * and four members, two of them with ballots), one contact with an account per unit, boards, the
 * texts of the demo's comments, the leads' drafts of the feedback reports (built by the tool's own
 * `createReport`), and last year's cycle, archived, with released reports that the units can read.
 */
import { asc, eq } from 'drizzle-orm';
import * as table from '../src/lib/server/db/schema';
import { createReport } from '../src/lib/server/feedback/reports';
import { seedJuryWork } from '../src/lib/server/demo/seed';
import { DEMO_REFERENCE_DAY, demoCalendar } from '../src/lib/domain/demo-calendar';
import { JURY } from '../src/lib/server/demo/data';
import { IMPROVEMENTS, STRENGTHS } from '../src/lib/server/demo/comment-bank';
import { DEFAULT_CLASSES } from '../src/lib/domain/default-model';
import type { ReportContent } from '../src/lib/domain/feedback';
import { generateCycle } from './generate-scores';
import { writeCycleDb } from './write-cycle-db';

export const BROWSE_ENTRIES = 400;
const TEAM_SIZE = 3;

/** Who can sign in, by role; every account has the same password. */
export interface BrowseAccounts {
	admins: string[];
	chair: string;
	jurors: string[];
	leads: string[];
	examiners: string[];
	units: string[];
}

export function seedBrowseBench(path: string, passwordHash: string): BrowseAccounts {
	const cycle = generateCycle({ entries: BROWSE_ENTRIES, classes: 5, teamSize: TEAM_SIZE, entriesPerTeam: 3, seed: 400 });
	const admin = 'bench-admin@bench.test';
	const written = writeCycleDb(path, cycle, { email: admin, passwordHash });
	const { db, cycleId } = written;
	const at = new Date(Date.UTC(2026, 9, 20, 9));

	const accounts = db.transaction((tx) => {
		// The award office: three people.
		const out: BrowseAccounts = { admins: [admin], chair: '', jurors: [], leads: [], examiners: [], units: [] };
		for (const n of [2, 3]) {
			const email = `bench-admin${n}@bench.test`;
			tx.insert(table.user).values({ email, name: `Bench Admin ${n}`, isAdmin: true, passwordHash }).run();
			out.admins.push(email);
		}
		// writeCycleDb's examiners have no password.
		tx.update(table.user).set({ passwordHash }).run();

		const organisations = tx.select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).all();
		for (const o of organisations) {
			const boardId = tx.insert(table.board).values({ name: `Nämnden för ${o.name}`, organisationId: o.id }).returning().get().id;
			tx.update(table.unit).set({ boardId }).where(eq(table.unit.organisationId, o.id)).run();
		}
		const entries = tx
			.select({ id: table.entry.id, unitId: table.entry.unitId, organisationId: table.unit.organisationId, boardId: table.unit.boardId })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.all();
		const organisationOf = new Map(entries.map((e) => [e.id, e.organisationId]));
		for (const e of entries) {
			tx.update(table.entry).set({ minutesBoardId: e.boardId, minutesDnr: `BENCH 1.4.1-${e.id}/2026`, minutesMeetingDate: '2026-05-26' }).where(eq(table.entry.id, e.id)).run();
		}

		// The generator fills each class's teams in turn: TEAM_SIZE consecutive examiners make a team,
		// and each entry's first score is by its team's first member.
		const teamEntries = new Map<string, number[]>();
		const seen = new Set<string>();
		for (const s of cycle.scores) {
			if (seen.has(s.entryId)) continue;
			seen.add(s.entryId);
			const list = teamEntries.get(s.examinerId) ?? [];
			list.push(written.entryIds.get(s.entryId)!);
			teamEntries.set(s.examinerId, list);
		}
		const classIdOf = new Map(cycle.classes.map((c, i) => [c.id, written.classIds[i]]));
		for (let t = 0; t * TEAM_SIZE < cycle.examiners.length; t++) {
			const members = cycle.examiners.slice(t * TEAM_SIZE, (t + 1) * TEAM_SIZE);
			const entryIds = teamEntries.get(members[0].id) ?? [];
			const classId = classIdOf.get(members[0].classId)!;
			const teamId = tx.insert(table.team).values({ cycleId, classId, name: `Lag ${t + 1}`, publishedAt: at }).returning().get().id;
			for (const entryId of entryIds) tx.insert(table.teamEntry).values({ teamId, entryId }).run();
			// A home organisation that owns none of the team's entries: no conflict of interest.
			const owned = new Set(entryIds.map((id) => organisationOf.get(id)));
			const home = organisations[(t * 7) % organisations.length];
			const organisationId = owned.has(home.id) ? organisations.find((o) => !owned.has(o.id))!.id : home.id;
			members.forEach((m, k) => {
				const userId = written.examinerIds.get(m.id)!;
				tx.insert(table.teamMember).values({ teamId, userId, isLead: k === 0 }).run();
				tx.update(table.cycleRole).set({ organisationId }).where(eq(table.cycleRole.userId, userId)).run();
				const profileId = tx
					.insert(table.examinerProfile)
					.values({ cycleId, userId, trainedYear: 2018 + (t % 8), leadCapable: k === 0, capacity: 3, organisationId })
					.returning()
					.get().id;
				tx.insert(table.examinerExpertise).values({ profileId, classId }).run();
				(k === 0 ? out.leads : out.examiners).push(`${m.id}@bench.test`);
			});
		}

		for (const j of JURY) {
			const userId = tx.insert(table.user).values({ email: j.email, name: j.name, passwordHash }).returning().get().id;
			tx.insert(table.cycleRole).values({ cycleId, userId, role: j.role }).run();
			if (j.role === 'chair') out.chair = j.email;
			else out.jurors.push(j.email);
		}
		seedJuryWork(tx, cycleId, written.classIds, demoCalendar('jury', DEMO_REFERENCE_DAY.jury));

		for (const e of entries) {
			const email = `kontakt${e.unitId}@enhet.bench.test`;
			const userId = tx.insert(table.user).values({ email, name: `Kontaktperson ${e.unitId}`, passwordHash }).returning().get().id;
			tx.insert(table.unitContact).values({ unitId: e.unitId, userId, name: `Kontaktperson ${e.unitId}`, email, title: 'Enhetschef' }).run();
			out.units.push(email);
		}

		// The demo's comments, so that pages carry text of a real year's length.
		const criteria = tx.select({ id: table.criterion.id, key: table.criterion.key }).from(table.criterion).all();
		for (const c of criteria) {
			const texts = { strengths: STRENGTHS[c.key][1].slice(0, 2), improvements: IMPROVEMENTS[c.key][1].slice(0, 2) };
			tx.update(table.assessmentScore).set(texts).where(eq(table.assessmentScore.criterionId, c.id)).run();
			tx.update(table.consensusScore).set(texts).where(eq(table.consensusScore.criterionId, c.id)).run();
		}
		tx.update(table.consensus)
			.set({ summary: 'Enheten visar ett väl utvecklat systematiskt kvalitetsarbete med tydlig koppling till nämndens mål.' })
			.run();

		// The leads have begun their reports; last year's were released to the units that took part.
		const lastYear = tx
			.insert(table.cycle)
			.values({ year: 2025, name: 'Benchmark 2025', phase: 'archived', decisionsClosedAt: at })
			.returning()
			.get().id;
		const lastYearClasses = DEFAULT_CLASSES.map(
			(c, i) => tx.insert(table.awardClass).values({ cycleId: lastYear, ...c, sortOrder: i }).returning().get().id
		);
		const leadOf = tx
			.select({ entryId: table.teamEntry.entryId, userId: table.teamMember.userId })
			.from(table.teamEntry)
			.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.teamEntry.teamId))
			.where(eq(table.teamMember.isLead, true))
			.orderBy(asc(table.teamEntry.entryId))
			.all();
		leadOf.forEach(({ entryId, userId }, i) => {
			const report = createReport(tx, entryId, userId, at);
			if (!report || i % 2 === 1) return;
			const unitId = entries.find((e) => e.id === entryId)!.unitId;
			const earlier = tx
				.insert(table.entry)
				.values({ cycleId: lastYear, unitId, classId: lastYearClasses[i % lastYearClasses.length], accountReceivedDate: '2025-05-12' })
				.returning()
				.get().id;
			const content: ReportContent = { ...(report.content as ReportContent), cycle: { year: 2025, name: 'Benchmark 2025' } };
			tx.insert(table.feedbackReport)
				.values({ entryId: earlier, content, status: 'released', version: 2, updatedAt: at, releasedAt: at })
				.run();
		});
		return out;
	});
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return accounts;
}
