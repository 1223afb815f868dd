/**
 * A contact's address is the only thing that ties it to a person: a sign-in link signs in the
 * person who owns the address it is sent to, and changing a contact's address carries no identity
 * over to the new one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { sv } from '$lib/i18n/sections/units';
import { saveUnit } from './unit-save';
import { getUnit } from './units';
import { requestLoginLink } from '../auth/login-link';
import { readViewer } from '../access/entry-facts';

let db: DB;
let adminId: number;
let examiner: { id: number; email: string };
let unitId: number;
let contactId: number;

/** The unit's form as the admin posts it, with its one contact. */
function form(email: string): Record<string, string> {
	const unit = getUnit(unitId)!.values;
	return {
		organisationId: unit.organisationId,
		boardId: unit.boardId,
		name: unit.name,
		managerName: unit.managerName,
		managerBudget: unit.managerBudget,
		managerStaff: unit.managerStaff,
		businessPlan: unit.businessPlan,
		staffCount: unit.staffCount,
		privatelyRun: unit.privatelyRun,
		stockholmShare: unit.stockholmShare,
		winYears: unit.winYears,
		lastYearResult: unit.lastYearResult,
		forecastResult: unit.forecastResult,
		version: unit.version,
		'contacts.0.id': String(contactId),
		'contacts.0.name': 'Kim Lind',
		'contacts.0.email': email,
		'contacts.0.phone': '',
		'contacts.0.title': ''
	};
}

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'feedback', passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	examiner = db.select().from(table.user).where(eq(table.user.email, 'examinator2@demo.test')).get()!;
	// The examiner is also a unit's contact, and a release has linked the contact to their user.
	const contact = db.select().from(table.unitContact).all().find((c) => c.userId === null)!;
	contactId = contact.id;
	unitId = contact.unitId;
	db.update(table.unitContact).set({ email: examiner.email, userId: examiner.id }).where(eq(table.unitContact.id, contactId)).run();
});

describe('a contact’s identity', () => {
	it('does not follow the contact to a new address: a link for it signs in nobody', () => {
		expect(readViewer(examiner.id).unitIds).toContain(unitId);
		const saved = saveUnit(form('ny.kontakt@stockholm.se'), unitId, adminId, sv.v);
		expect(saved.ok).toBe(true);
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.id, contactId)).get()!.userId).toBeNull();
		expect(readViewer(examiner.id).unitIds).not.toContain(unitId);
		expect(requestLoginLink('ny.kontakt@stockholm.se', '10.0.0.1', 'http://localhost', null)).toEqual({ ok: true, sent: false });
		expect(db.select().from(table.loginToken).all()).toEqual([]);
	});

	it('stays when the address is only written differently', () => {
		expect(saveUnit(form(' Examinator2@Demo.test '), unitId, adminId, sv.v).ok).toBe(true);
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.id, contactId)).get()!.userId).toBe(examiner.id);
	});

	it('signs in by a link only the person who owns the address, even where an old row still points elsewhere', () => {
		// A contact row whose address no longer matches its user, as rows saved before this rule may be.
		db.update(table.unitContact).set({ email: 'ny.kontakt@stockholm.se' }).where(eq(table.unitContact.id, contactId)).run();
		expect(requestLoginLink('ny.kontakt@stockholm.se', '10.0.0.1', 'http://localhost', null)).toEqual({ ok: true, sent: false });
		expect(db.select().from(table.loginToken).all()).toEqual([]);
		// The owner of the address the link goes to is who it signs in.
		const link = requestLoginLink(examiner.email, '10.0.0.2', 'http://localhost', null);
		expect(link).toEqual({ ok: true, sent: true });
		expect(db.select().from(table.loginToken).all().map((t) => t.userId)).toEqual([examiner.id]);
	});
});
