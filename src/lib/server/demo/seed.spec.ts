import { describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import { DEMO_PHASES, seedDemo } from './seed';

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
			'kollega1@demo.test',
			'enhet3@demo.test'
		];
		expect(emails.sort()).toEqual(expected.sort());
	});

	it('has accounts written as forms: drafts, one submitted and one late in registration, all but the late one submitted later', () => {
		let entries = 0;
		const states = (phase: 'registration' | 'assessment') => {
			const db = createTestDatabase();
			seedDemo(db, { phase, passwordHash: HASH });
			entries = db.select().from(table.entry).all().length;
			return db.select({ status: table.account.status, extendedTo: table.account.extendedTo }).from(table.account).all();
		};
		const registration = states('registration');
		expect(registration.filter((a) => a.status === 'submitted')).toHaveLength(1);
		expect(registration.filter((a) => a.status === 'draft' && a.extendedTo === null)).toHaveLength(1);
		const assessment = states('assessment');
		expect(assessment).toHaveLength(entries - 1);
		expect(assessment.every((a) => a.status === 'submitted')).toBe(true);
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
});
