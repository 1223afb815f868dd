import { describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import { DEMO_PHASES, seedDemo } from './seed';
import { progressMatrix } from '../scoring/progress';
import { demoCalendar } from '../../domain/demo-calendar';
import { IMPROVEMENTS, STRENGTHS } from './comment-bank';
import { levelOf } from './texts';

const HASH = 'not-a-real-hash';

describe('the demo year', () => {
	it('has the accounts the README promises', () => {
		const db = createTestDatabase();
		const emails = seedDemo(db, { phase: 'registration', passwordHash: HASH }).map((a) => a.email);
		const expected = [
			'admin@demo.test',
			'ordforande@demo.test',
			...[1, 2, 3, 4].map((i) => `jury${i}@demo.test`),
			...Array.from({ length: 18 }, (_, i) => `examinator${i + 1}@demo.test`),
			'enhet1@demo.test',
			'samordnare1@demo.test',
			'kollega1@demo.test',
			'enhet3@demo.test',
			'enhet4@demo.test',
			'enhet6@demo.test'
		];
		expect(emails.sort()).toEqual(expected.sort());
	});

	it('gives each README account the part the README says', () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'assessment', passwordHash: HASH });
		const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
		const leads = db.select({ email: table.user.email }).from(table.teamMember).innerJoin(table.user, eq(table.user.id, table.teamMember.userId)).where(eq(table.teamMember.isLead, true)).all();
		expect(leads.map((l) => l.email).sort()).toEqual([1, 4, 7, 10, 13, 16].map((i) => `examinator${i}@demo.test`).sort());
		const roles = db.select({ userId: table.cycleRole.userId, role: table.cycleRole.role }).from(table.cycleRole).all();
		expect(roles.filter((r) => r.role === 'chair').map((r) => r.userId)).toEqual([userId('ordforande@demo.test')]);
		expect(roles.filter((r) => r.role === 'juror').map((r) => r.userId).sort()).toEqual([1, 2, 3, 4].map((i) => userId(`jury${i}@demo.test`)).sort());
		expect(db.select().from(table.user).where(eq(table.user.isAdmin, true)).all().map((u) => u.email)).toEqual(['admin@demo.test']);
		const contact = db.select({ unit: table.unit.name, name: table.unitContact.name, userId: table.unitContact.userId }).from(table.unitContact).innerJoin(table.unit, eq(table.unit.id, table.unitContact.unitId)).where(eq(table.unitContact.email, 'enhet1@demo.test')).get();
		expect(contact).toMatchObject({ unit: 'Enheten för hemlösa', userId: userId('enhet1@demo.test') });
		const contacts = db.select({ name: table.unitContact.name, email: table.unitContact.email }).from(table.unitContact).all();
		expect(contacts.every((c) => /^(enhet|kollega)\d+@demo\.test$/.test(c.email) && !c.name.includes('Kontaktperson'))).toBe(true);
	});

	it('has accounts written as forms: drafts, one submitted and one late in registration, all but the late one submitted later', () => {
		let entries = 0;
		const states = (phase: 'registration' | 'assessment') => {
			const db = createTestDatabase();
			seedDemo(db, { phase, passwordHash: HASH });
			entries = db.select().from(table.entry).all().length;
			return db
				.select({ unit: table.unit.name, status: table.account.status, extendedTo: table.account.extendedTo, recorded: table.entry.accountSha256 })
				.from(table.account)
				.innerJoin(table.entry, eq(table.entry.id, table.account.entryId))
				.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
				.all();
		};
		const registration = states('registration');
		expect(registration.filter((a) => a.status === 'submitted')).toHaveLength(1);
		expect(registration.filter((a) => a.status === 'draft' && a.extendedTo === null)).toHaveLength(1);
		// One unit shows the draft step: its half-written draft, still open, and no account the office recorded.
		expect(registration.filter((a) => a.recorded === null)).toEqual([{ unit: 'Resursenheten', status: 'draft', extendedTo: expect.any(String), recorded: null }]);
		const assessment = states('assessment');
		expect(assessment).toHaveLength(entries - 1);
		expect(assessment.every((a) => a.status === 'submitted' && a.recorded !== null)).toBe(true);
	});

	it('is the same every time', () => {
		const snapshot = () => {
			const db = createTestDatabase();
			seedDemo(db, { phase: 'consensus', passwordHash: HASH });
			return {
				scores: db.select().from(table.assessmentScore).all(),
				consensus: db.select({ s: table.consensus.summary, f: table.consensus.recommendFinalist }).from(table.consensus).all()
			};
		};
		expect(snapshot()).toEqual(snapshot());
	});

	it.each(DEMO_PHASES)('stands in the %s phase with data to match', (phase) => {
		const db = createTestDatabase();
		seedDemo(db, { phase, passwordHash: HASH });
		const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
		expect(cycle.phase).toBe(phase);
		const n = (q: { n: number } | undefined) => q?.n ?? 0;
		const teams = n(db.select({ n: count() }).from(table.team).get());
		const submitted = n(db.select({ n: count() }).from(table.assessment).where(eq(table.assessment.status, 'submitted')).get());
		const decisions = n(db.select({ n: count() }).from(table.decision).get());
		expect(n(db.select({ n: count() }).from(table.organisation).get())).toBe(12);
		expect(n(db.select({ n: count() }).from(table.unit).get())).toBe(30);
		expect(teams > 0).toBe(phase !== 'registration');
		expect(submitted > 0).toBe(phase !== 'registration');
		expect(decisions > 0).toBe(phase === 'feedback');
		if (phase === 'jury' || phase === 'feedback') {
			expect(n(db.select({ n: count() }).from(table.consensus).where(eq(table.consensus.status, 'draft')).get())).toBe(0);
		}
	});

	it('assigns no examiner to an entry of their own organisation', () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'assessment', passwordHash: HASH });
		const clashes = db
			.select({ n: count() })
			.from(table.teamMember)
			.innerJoin(table.teamEntry, eq(table.teamEntry.teamId, table.teamMember.teamId))
			.innerJoin(table.entry, eq(table.entry.id, table.teamEntry.entryId))
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.innerJoin(table.examinerProfile, eq(table.examinerProfile.userId, table.teamMember.userId))
			.where(eq(table.examinerProfile.organisationId, table.unit.organisationId))
			.get();
		expect(clashes?.n).toBe(0);
		const leads = db.select({ n: count() }).from(table.teamMember).where(eq(table.teamMember.isLead, true)).get();
		expect(leads?.n).toBe(db.select({ n: count() }).from(table.team).get()?.n);
		expect(db.select().from(table.entry).where(and(isNull(table.entry.minutesReceivedDate))).all()).toHaveLength(1);
	});

	it.each(['2026-12-07', '2029-03-15'])('places its year around the day it is shown (%s): nothing late, nothing in the future', (today) => {
		for (const phase of ['assessment', 'consensus'] as const) {
			const db = createTestDatabase();
			seedDemo(db, { phase, passwordHash: HASH, today });
			const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, demoCalendar(phase, today).year)).get()!;
			expect(cycle.phase).toBe(phase);
			expect(progressMatrix(cycle, today).totals.late, phase).toBe(0);
			const received = db.select({ account: table.entry.accountReceivedDate, minutes: table.entry.minutesReceivedDate }).from(table.entry).all();
			expect(received.every((r) => r.account! <= today && (r.minutes ?? '') <= today)).toBe(true);
			const visits = db.select({ day: table.siteVisit.visitDate }).from(table.siteVisit).all();
			expect(visits.every((v) => v.day! <= today)).toBe(true);
		}
	});

	it('writes each entry its own texts, in keeping with its scores', () => {
		const db = createTestDatabase();
		seedDemo(db, { phase: 'jury', passwordHash: HASH });
		const rows = db
			.select({ entryId: table.entry.id, classId: table.entry.classId, key: table.criterion.key, score: table.consensusScore.score, strengths: table.consensusScore.strengths, improvements: table.consensusScore.improvements })
			.from(table.consensusScore)
			.innerJoin(table.consensus, eq(table.consensus.id, table.consensusScore.consensusId))
			.innerJoin(table.entry, eq(table.entry.id, table.consensus.entryId))
			.innerJoin(table.criterion, eq(table.criterion.id, table.consensusScore.criterionId))
			.all();
		for (const r of rows) {
			for (const s of r.strengths) expect(STRENGTHS[r.key][levelOf(r.score!)]).toContain(s);
			for (const s of r.improvements) expect(IMPROVEMENTS[r.key][levelOf(r.score!)]).toContain(s);
		}
		// Two entries of a class side by side never read alike on a criterion they scored alike.
		for (const a of rows)
			for (const b of rows)
				if (a.entryId < b.entryId && a.classId === b.classId && a.key === b.key && levelOf(a.score!) === levelOf(b.score!)) {
					expect(a.strengths, `${a.key}: ${a.entryId} and ${b.entryId}`).not.toEqual(b.strengths);
				}
		const summaries = db.select({ summary: table.consensus.summary }).from(table.consensus).all().map((c) => c.summary.replace(/^.*? (har|visar|beskriver|är) /, ''));
		expect(new Set(summaries).size).toBeGreaterThan(summaries.length / 2);
		const findings = db.select({ findings: table.siteVisit.findings }).from(table.siteVisit).all();
		expect(new Set(findings.map((f) => f.findings)).size).toBeGreaterThan(3);
	});
});
