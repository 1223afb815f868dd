/**
 * Seeds the demo award year into an empty database: deterministic (a fixed pseudo-random sequence),
 * and standing in the phase asked for, with plausible scores, comments and consensus.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../db/open';
import * as table from '../db/schema';
import { DEFAULT_BAND_TEXTS, DEFAULT_CLASSES, DEFAULT_CRITERIA } from '../../domain/default-model';
import { phaseAtLeast, type Phase } from '../../domain/phases';
import { EXAMINER_NAMES, JURY, ORGANISATIONS, UNITS, type DemoUnit, type OrgKey } from './data';
import { examinerComment, teamTexts } from './texts';
import { storeDemoAccount } from './account';
import { seedFeedbackReports } from './feedback';
import { seedBoardMinutes, seedUnitSide } from './registration';
import { officeRecordsAccount, seedAccountForms } from './account-forms';
import { seedEarlierYear, seedSelfAssessments } from './self-assessment';
import { seededRandom } from '../../domain/seeded-random';
import { DEMO_REFERENCE_DAY, demoCalendar, type DemoCalendar } from '../../domain/demo-calendar';

export const DEMO_PHASES = ['registration', 'assessment', 'consensus', 'jury', 'feedback'] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];

export interface DemoAccount {
	email: string;
	name: string;
	role: string;
}

export interface DemoOptions {
	phase: DemoPhase;
	passwordHash: string;
	/**
	 * The day the demo is shown ('YYYY-MM-DD', Stockholm); its dates are placed around it. Without
	 * it, the phase's reference day: the 2026 calendar, which the tests match.
	 */
	today?: string;
	/** The day of the template year the demo stands on, instead of the phase's reference day. */
	standsOn?: string;
}

export function seedDemo(db: DB, options: DemoOptions): DemoAccount[] {
	const phase: Phase = options.phase;
	const calendar = demoCalendar(options.phase, options.today ?? options.standsOn ?? DEMO_REFERENCE_DAY[options.phase], options.standsOn);
	// Fixed seeds, not the year, so that the demo's people, scores and texts are the same on any day;
	// the teams' texts have a generator of their own, so they take no draws from the scores'.
	const random = seededRandom(2026);
	const texts = teamTexts(2027);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const accounts: DemoAccount[] = [];

	return db.transaction((tx) => {
		const addUser = (email: string, name: string, role: string, isAdmin = false) => {
			accounts.push({ email, name, role });
			return tx
				.insert(table.user)
				.values({ email, name, isAdmin, passwordHash: options.passwordHash })
				.returning({ id: table.user.id })
				.get().id;
		};
		addUser('admin@demo.test', 'Lena Kvist', 'administratör', true);

		const orgIds = new Map<OrgKey, number>();
		const boardIds = new Map<OrgKey, number>();
		for (const o of ORGANISATIONS) {
			const orgId = tx.insert(table.organisation).values({ name: o.name, kind: o.kind }).returning().get().id;
			orgIds.set(o.key, orgId);
			boardIds.set(o.key, tx.insert(table.board).values({ name: o.board, organisationId: orgId }).returning().get().id);
		}

		const unitIds: number[] = [];
		UNITS.forEach((u, i) => {
			const managerName = `${pick(['Eva', 'Per', 'Amira', 'Lars', 'Sofia', 'Mikael', 'Johanna', 'Ali'])} ${pick(['Berg', 'Strand', 'Lund', 'Nilsson', 'Karimi', 'Holmberg', 'Dahl'])}`;
			const unitId = tx
				.insert(table.unit)
				.values({
					name: u.name,
					organisationId: orgIds.get(u.org)!,
					boardId: boardIds.get(u.org)!,
					managerName,
					managerHasBudgetResponsibility: true,
					managerHasStaffResponsibility: true,
					hasBusinessPlan: true,
					staffCount: u.staff,
					privatelyRun: u.privateShare !== undefined,
					stockholmSharePercent: u.privateShare ?? null,
					lastYearResult: u.trouble === 'deficit' ? -1_250_000 : Math.round(random() * 900_000),
					forecastResult: u.trouble === 'deficit' ? -400_000 : Math.round(random() * 500_000)
				})
				.returning()
				.get().id;
			unitIds.push(unitId);
			for (const yearsAgo of u.winsYearsAgo ?? []) tx.insert(table.unitWin).values({ unitId, year: calendar.year - yearsAgo }).run();
			// Each unit's manager is its contact, at a demo address (enhet1@demo.test for the first unit,
			// and so on). The first has the demo's contact account; the others get a user when a
			// release finds them, and sign in with a link from the outbox.
			const contact = { name: managerName, email: `enhet${i + 1}@demo.test` };
			tx.insert(table.unitContact)
				.values({
					unitId,
					...contact,
					title: 'Enhetschef',
					userId: i === 0 ? addUser(contact.email, contact.name, `kontaktperson för ${u.name}`) : null
				})
				.run();
		});

		// Last year, archived, so a new cycle can copy its model and E7 has history.
		createCycle(tx, calendar.year - 1, 'archived', {});
		const cycle = createCycle(tx, calendar.year, phase, calendar.cycleDates);
		const classIds = cycle.classIds;
		const criteria = cycle.criteria;

		// Entries: documents on time, except the ones the demo keeps troubled; in registration one unit
		// has handed in only its draft (account-forms.ts).
		const entries: { id: number; unitIdx: number; classIdx: number; orgKey: OrgKey; admitted: boolean; quality: number }[] = [];
		UNITS.forEach((u, i) => {
			if (u.entersClass === null) return;
			const late = u.trouble === 'late-account';
			const noMinutes = u.trouble === 'no-minutes';
			const accountReceivedDate = late ? calendar.day.lateAccountReceived : calendar.dayAfter('firstAccountReceived', i % 8);
			const account = officeRecordsAccount(phase, i) ? seedAccount(tx, u, i, unitIds[i], accountReceivedDate, calendar.year) : null;
			const id = tx
				.insert(table.entry)
				.values({
					cycleId: cycle.id,
					unitId: unitIds[i],
					classId: classIds[u.entersClass],
					...(account && {
						accountReceivedDate,
						accountFileName: `Skriftlig redovisning ${u.name}.pdf`,
						accountSha256: account.sha256,
						accountSize: account.size
					}),
					minutesBoardId: noMinutes ? null : boardIds.get(u.org)!,
					minutesDnr: noMinutes ? null : `${u.org.toUpperCase()} 1.4.1-${200 + i}/${calendar.year}`,
					minutesMeetingDate: noMinutes ? null : calendar.day.minutesMeeting,
					minutesReceivedDate: noMinutes ? null : calendar.day.minutesReceived
				})
				.returning()
				.get().id;
			const admitted = !u.trouble || u.trouble === 'deficit';
			entries.push({ id, unitIdx: i, classIdx: u.entersClass, orgKey: u.org, admitted, quality: 35 + random() * 45 });
		});

		seedUnitSide(tx, cycle.id, addUser);
		if (phaseAtLeast(phase, 'assessment')) seedBoardMinutes(tx, cycle.id, calendar);

		// Jury: the chair and four members.
		for (const j of JURY) {
			const userId = addUser(j.email, j.name, j.role === 'chair' ? 'juryns ordförande' : 'jurymedlem');
			const organisationId = 'org' in j ? orgIds.get(j.org)! : null;
			tx.insert(table.cycleRole).values({ cycleId: cycle.id, userId, role: j.role, organisationId }).run();
		}

		// Examiners: six teams of three, one lead each; two teams for the largest class.
		const admitted = entries.filter((e) => e.admitted);
		const teamsPlan: { classIdx: number; entries: typeof admitted }[] = [];
		for (let c = 0; c < classIds.length; c++) {
			const inClass = admitted.filter((e) => e.classIdx === c);
			for (let k = 0; k < inClass.length; k += 2) teamsPlan.push({ classIdx: c, entries: inClass.slice(k, k + 2) });
		}
		const orgKeys = ORGANISATIONS.map((o) => o.key);
		const examiners: { userId: number; bias: number; team: number; lead: boolean }[] = [];
		EXAMINER_NAMES.forEach((name, i) => {
			const teamIdx = Math.floor(i / 3) % teamsPlan.length;
			const plan = teamsPlan[teamIdx];
			// A home organisation that owns none of the team's entries: no conflict of interest.
			let o = (i * 5) % orgKeys.length;
			while (plan.entries.some((e) => e.orgKey === orgKeys[o])) o = (o + 1) % orgKeys.length;
			const lead = i % 3 === 0;
			const userId = addUser(`examinator${i + 1}@demo.test`, name, lead ? 'examinator (utvärderingsledare)' : 'examinator');
			tx.insert(table.cycleRole).values({ cycleId: cycle.id, userId, role: 'examiner', organisationId: orgIds.get(orgKeys[o])! }).run();
			const profileId = tx
				.insert(table.examinerProfile)
				.values({ cycleId: cycle.id, userId, trainedYear: 2018 + (i % 8), leadCapable: lead, capacity: 2, organisationId: orgIds.get(orgKeys[o])! })
				.returning()
				.get().id;
			const expertise = new Set([plan.classIdx, (plan.classIdx + 1 + (i % 4)) % classIds.length]);
			for (const c of expertise) tx.insert(table.examinerExpertise).values({ profileId, classId: classIds[c] }).run();
			examiners.push({ userId, bias: (random() - 0.5) * 16, team: teamIdx, lead });
		});

		if (phaseAtLeast(phase, 'assessment')) {
			const now = calendar.at('teamsPublished', 0, 0).getTime();
			teamsPlan.forEach((plan, t) => {
				const teamId = tx
					.insert(table.team)
					.values({ cycleId: cycle.id, classId: classIds[plan.classIdx], name: `Lag ${t + 1}`, publishedAt: new Date(now) })
					.returning()
					.get().id;
				const members = examiners.filter((e) => e.team === t);
				for (const m of members) tx.insert(table.teamMember).values({ teamId, userId: m.userId, isLead: m.lead }).run();
				for (const e of plan.entries) tx.insert(table.teamEntry).values({ teamId, entryId: e.id }).run();

				texts.forClass(plan.classIdx);
				for (const e of plan.entries) {
					const memberScores: number[][] = [];
					members.forEach((m, k) => {
						// In the assessment phase the team is midway: one submitted, one draft, one not started.
						const state = phase === 'assessment' ? (['submitted', 'draft', 'none'] as const)[(k + t) % 3] : 'submitted';
						if (state === 'none') return;
						const scores = criteria.map((c, ci) =>
							state === 'draft' && ci >= 4 ? null : score(e.quality + c.offset + m.bias + (random() - 0.5) * 20)
						);
						memberScores.push(scores.filter((s): s is number => s !== null));
						const assessmentId = tx
							.insert(table.assessment)
							.values({
								entryId: e.id,
								examinerId: m.userId,
								status: state,
								version: 1,
								updatedAt: new Date(now + 86_400_000 * (3 + k)),
								submittedAt: state === 'submitted' ? new Date(now + 86_400_000 * (10 + k)) : null
							})
							.returning()
							.get().id;
						criteria.forEach((c, ci) => {
							const comment = scores[ci] === null ? { strengths: [], improvements: [] } : examinerComment(random, c.key, scores[ci]);
							tx.insert(table.assessmentScore).values({ assessmentId, criterionId: c.id, score: scores[ci], ...comment }).run();
						});
					});

					if (!phaseAtLeast(phase, 'consensus')) continue;
					const done = phase !== 'consensus' || e.id % 2 === 0;
					const agreed = criteria.map((_, ci) => score(mean(memberScores.map((s) => s[ci]))));
					const total = agreed.reduce((sum, s, ci) => sum + s * criteria[ci].weight, 0) / 100;
					const consensusId = tx
						.insert(table.consensus)
						.values({
							entryId: e.id,
							status: done ? 'done' : 'draft',
							summary: texts.summary(UNITS[e.unitIdx].name, total, criteria.map((c, ci) => [c.key, agreed[ci]])),
							// A low enough bar that every class has two finalists for the jury to compare.
							recommendFinalist: done ? total >= 40 : null,
							updatedBy: members.find((m) => m.lead)!.userId,
							updatedAt: new Date(now + 86_400_000 * 30)
						})
						.returning()
						.get().id;
					criteria.forEach((c, ci) => {
						tx.insert(table.consensusScore)
							.values({
								consensusId,
								criterionId: c.id,
								score: done || ci < 4 ? agreed[ci] : null,
								...texts.comments(c.key, agreed[ci])
							})
							.run();
					});
					if (done) {
						tx.insert(table.siteVisit)
							.values({
								entryId: e.id,
								visitDate: calendar.dayAfter('firstSiteVisit', e.id % 7),
								participants: members.map((m) => EXAMINER_NAMES[examiners.indexOf(m)]).join(', '),
								findings: texts.findings(total),
								updatedAt: calendar.at('firstSiteVisit', e.id % 7, 15)
							})
							.run();
					}
				}
			});
		}

		if (phase === 'jury') seedJuryWork(tx, cycle.id, classIds, calendar);
		if (phaseAtLeast(phase, 'decided')) seedDecisions(tx, cycle.id, classIds, calendar);
		seedAccountForms(tx, cycle.id, phase, calendar, addUser);
		if (phaseAtLeast(phase, 'jury')) seedSelfAssessments(tx, cycle.id);
		if (phase === 'feedback') {
			seedFeedbackReports(tx, cycle.id, calendar.at('feedbackDrafted'));
			seedEarlierYear(tx, cycle.id, calendar);
		}
		tx.insert(table.auditLog).values({ actorId: null, cycleId: cycle.id, action: 'demo.seed', entityType: 'cycle', entityId: String(cycle.id), after: { phase } }).run();
		return accounts;
	});
}

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

function createCycle(tx: Tx, year: number, phase: Phase, dates: Partial<DemoCalendar['cycleDates']>) {
	const id = tx
		.insert(table.cycle)
		.values({ year, name: `Kvalitetsutmärkelsen ${year}`, phase, ...dates })
		.returning()
		.get().id;
	const classIds = DEFAULT_CLASSES.map(
		(c, i) => tx.insert(table.awardClass).values({ cycleId: id, ...c, sortOrder: i }).returning().get().id
	);
	const criteria = DEFAULT_CRITERIA.map((c, i) => ({
		...c,
		offset: [0, 4, -3, -6, -2, 2, -10][i],
		id: tx
			.insert(table.criterion)
			.values({ cycleId: id, ...c, bandTexts: DEFAULT_BAND_TEXTS[c.kind], sortOrder: i })
			.returning()
			.get().id
	}));
	return { id, classIds, criteria };
}

/** The jury's closed decisions: the best finalist of each class wins, one class has no award. */
function seedDecisions(tx: Tx, cycleId: number, classIds: number[], calendar: DemoCalendar) {
	const jury = tx
		.select({ userId: table.cycleRole.userId, role: table.cycleRole.role })
		.from(table.cycleRole)
		.where(and(eq(table.cycleRole.cycleId, cycleId), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.all();
	const chairId = jury.find((j) => j.role === 'chair')!.userId;
	const finalists = finalistsByTotal(tx, cycleId);
	const closedAt = calendar.at('juryMeetingDate', 0, 15);
	classIds.forEach((classId, c) => {
		const inClass = finalists.filter((f) => f.classId === classId);
		const winner = inClass.find((f) => !f.deficit);
		if (c === classIds.length - 1 || !winner) {
			tx.insert(table.decision)
				.values({ cycleId, classId, entryId: null, outcome: 'none', citation: 'Juryn fann att ingen kandidat i klassen ännu når nivån för utmärkelsen.', decidedBy: chairId, createdAt: closedAt })
				.run();
			return;
		}
		tx.insert(table.decision)
			.values({ cycleId, classId, entryId: winner.entryId, outcome: 'award', citation: `${winner.unitName} får Stockholms stads kvalitetsutmärkelse för ett långsiktigt, systematiskt kvalitetsarbete där brukarnas synpunkter driver förbättringarna och resultaten håller hög nivå över tid.`, decidedBy: chairId, createdAt: closedAt })
			.run();
		const runnerUp = inClass.find((f) => f !== winner);
		if (runnerUp) {
			tx.insert(table.decision)
				.values({ cycleId, classId, entryId: runnerUp.entryId, outcome: 'mention', citation: `${runnerUp.unitName} får ett hedersomnämnande för ett engagerat förbättringsarbete med tydlig delaktighet från medarbetarna.`, decidedBy: chairId, createdAt: closedAt })
				.run();
		}
	});
	tx.insert(table.juryMeeting).values({ cycleId, meetingDate: calendar.day.juryMeetingDate, place: 'Stadshuset, Rådssalen', presentUserIds: jury.map((j) => j.userId) }).run();
	tx.update(table.cycle).set({ decisionsClosedAt: closedAt, decisionsClosedBy: chairId }).where(eq(table.cycle.id, cycleId)).run();
}

/**
 * The jury at work, decisions still open: the meeting is booked with everyone present, and two
 * members have voted in every class (one ranks by consensus total, one ties the two best).
 */
export function seedJuryWork(tx: Tx, cycleId: number, classIds: number[], calendar: DemoCalendar) {
	const jury = tx
		.select({ userId: table.cycleRole.userId, email: table.user.email })
		.from(table.cycleRole)
		.innerJoin(table.user, eq(table.user.id, table.cycleRole.userId))
		.where(and(eq(table.cycleRole.cycleId, cycleId), inArray(table.cycleRole.role, ['juror', 'chair'])))
		.all();
	tx.insert(table.juryMeeting).values({ cycleId, meetingDate: calendar.day.juryMeetingDate, place: 'Stadshuset, Rådssalen', presentUserIds: jury.map((j) => j.userId) }).run();
	const finalists = finalistsByTotal(tx, cycleId);
	const voter = (email: string) => jury.find((j) => j.email === email)!.userId;
	const updatedAt = calendar.at('ballotsCast');
	for (const classId of classIds) {
		const ids = finalists.filter((f) => f.classId === classId).map((f) => f.entryId);
		if (ids.length === 0) continue;
		const tied = ids.length > 1 ? [[ids[0], ids[1]], ...ids.slice(2).map((id) => [id])] : [ids];
		tx.insert(table.ballot).values({ classId, voterId: voter('jury1@demo.test'), ranking: ids.map((id) => [id]), updatedAt }).run();
		tx.insert(table.ballot).values({ classId, voterId: voter('jury2@demo.test'), ranking: tied, updatedAt }).run();
	}
}

/** Entries the teams recommend to the jury, best consensus total first. */
function finalistsByTotal(tx: Tx, cycleId: number) {
	return tx
		.select({
			entryId: table.entry.id,
			classId: table.entry.classId,
			unitName: table.unit.name,
			deficit: sql<number>`coalesce(${table.unit.lastYearResult} < 0 or ${table.unit.forecastResult} < 0, 0)`,
			total: sql<number>`sum(${table.consensusScore.score} * ${table.criterion.weight}) / sum(${table.criterion.weight})`
		})
		.from(table.consensus)
		.innerJoin(table.entry, eq(table.entry.id, table.consensus.entryId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.consensusScore, eq(table.consensusScore.consensusId, table.consensus.id))
		.innerJoin(table.criterion, eq(table.criterion.id, table.consensusScore.criterionId))
		.where(and(eq(table.entry.cycleId, cycleId), eq(table.consensus.recommendFinalist, true)))
		.groupBy(table.entry.id)
		.all()
		.sort((a, b) => b.total - a.total || a.entryId - b.entryId);
}

/** The entry's written account as a real PDF in the document store (FILES_DIR). */
function seedAccount(tx: Tx, u: DemoUnit, index: number, unitId: number, receivedDate: string, year: number) {
	const row = tx.select().from(table.unit).where(eq(table.unit.id, unitId)).get()!;
	return storeDemoAccount(
		{
			index,
			name: u.name,
			organisation: ORGANISATIONS.find((o) => o.key === u.org)!.name,
			className: DEFAULT_CLASSES[u.entersClass!].nameSv,
			staff: u.staff,
			managerName: row.managerName,
			year,
			receivedDate,
			deficit: (row.lastYearResult ?? 0) < 0 || (row.forecastResult ?? 0) < 0
		},
		DEFAULT_CRITERIA
	);
}

function score(value: number): number {
	return Math.max(0, Math.min(100, Math.round(value / 5) * 5));
}

function mean(values: number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}
