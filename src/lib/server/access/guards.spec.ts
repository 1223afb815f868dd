import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { conflictedEntryIds, readEntry } from './entry-facts';
import { requireEntry } from './guards';

let db: DB;
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const event = (id: number) =>
	({ locals: { user: { id, email: '', name: '', isAdmin: false }, session: null }, url: new URL('http://x/') }) as never;

/** The first entry of examinator1's team, and an entry of another team. */
function entries() {
	const member = userId('examinator1@demo.test');
	const teamId = db.select().from(table.teamMember).where(eq(table.teamMember.userId, member)).get()!.teamId;
	const own = db.select().from(table.teamEntry).where(eq(table.teamEntry.teamId, teamId)).get()!.entryId;
	const other = db.select().from(table.teamEntry).all().find((r) => r.teamId !== teamId)!.entryId;
	return { member, own, other };
}

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
});

describe('entry access', () => {
	it('lets a team member read the account and refuses others with 404', () => {
		const { member, own, other } = entries();
		expect(requireEntry(event(member), own, 'entry.readAccount').entry.id).toBe(own);
		expect(() => requireEntry(event(member), other, 'entry.readAccount')).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => requireEntry(event(member), 999999, 'entry.readAccount')).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => requireEntry(event(member), 'abc', 'entry.readAccount')).toThrow(expect.objectContaining({ status: 404 }));
	});

	it('a declared conflict bars a team member from the entry', () => {
		const { member, own } = entries();
		db.insert(table.conflict).values({ userId: member, entryId: own, reason: 'relative', declaredBy: member }).run();
		const facts = readEntry(member, own)!.facts;
		expect(facts.conflicted).toBe(true);
		expect(() => requireEntry(event(member), own, 'entry.readAccount')).toThrow(expect.objectContaining({ status: 404 }));
		const cycleId = readEntry(member, own)!.cycle.id;
		expect(conflictedEntryIds(member, cycleId).has(own)).toBe(true);
	});

	it('an examiner is in conflict with every entry of their own organisation', () => {
		const { member } = entries();
		const profile = db.select().from(table.examinerProfile).where(eq(table.examinerProfile.userId, member)).get()!;
		const ownOrgEntries = db
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(and(eq(table.unit.organisationId, profile.organisationId!), eq(table.entry.cycleId, profile.cycleId)))
			.all()
			.map((r) => r.id);
		expect([...conflictedEntryIds(member, profile.cycleId)].sort()).toEqual(ownOrgEntries.sort());
	});

	it('the unit contact reads their own unit’s account only', () => {
		const contact = userId('enhet1@demo.test');
		const unitId = db.select().from(table.unitContact).where(eq(table.unitContact.userId, contact)).get()!.unitId;
		const ownEntry = db.select().from(table.entry).where(eq(table.entry.unitId, unitId)).get()!.id;
		const otherEntry = db.select().from(table.entry).all().find((e) => e.unitId !== unitId)!.id;
		expect(requireEntry(event(contact), ownEntry, 'entry.readAccount').entry.id).toBe(ownEntry);
		expect(() => requireEntry(event(contact), otherEntry, 'entry.readAccount')).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => requireEntry(event(contact), ownEntry, 'feedback.read')).toThrow(expect.objectContaining({ status: 404 }));
	});
});
