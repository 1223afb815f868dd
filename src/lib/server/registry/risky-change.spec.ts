import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { sv } from '$lib/i18n/sections/entries';
import { uploadAccount } from './account';
import { changeClass } from './entries';
import { changeImpact, changeNotices } from './risky-change';

const m = sv;
const origin = 'https://utmarkelse.test';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << (ny) >> endobj\ntrailer << >>\n%%EOF\n');
let db: DB;
let dir: string;
let adminId: number;

const entryRow = (id: number) => db.select().from(table.entry).where(eq(table.entry.id, id)).get()!;
const mails = () => db.select().from(table.outbox).all();
const logged = (action: string, id: number) =>
	db.select().from(table.auditLog).where(and(eq(table.auditLog.action, action), eq(table.auditLog.entityId, String(id)))).all();
const teamOf = (entryId: number) =>
	db
		.select({ userId: table.teamMember.userId, email: table.user.email })
		.from(table.teamEntry)
		.innerJoin(table.teamMember, eq(table.teamMember.teamId, table.teamEntry.teamId))
		.innerJoin(table.user, eq(table.user.id, table.teamMember.userId))
		.where(eq(table.teamEntry.entryId, entryId))
		.all();

function seed(phase: 'registration' | 'assessment' | 'consensus') {
	db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
}

/** An entry on a published team whose account is stored. */
function assessedEntry() {
	const row = db
		.select({ id: table.entry.id })
		.from(table.teamEntry)
		.innerJoin(table.entry, eq(table.entry.id, table.teamEntry.entryId))
		.where(eq(table.entry.status, 'registered'))
		.all()
		.find((r) => entryRow(r.id).accountSha256 !== null)!;
	return entryRow(row.id);
}

function upload(entryId: number, fields: Record<string, string> = {}) {
	const data = new FormData();
	data.set('account', new File([PDF], 'ny-redovisning.pdf', { type: 'application/pdf' }));
	data.set('version', String(entryRow(entryId).version));
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return uploadAccount(entryId, data, adminId, m, origin);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-risky-'));
	process.env.FILES_DIR = dir;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('replacing the account while the teams assess', () => {
	beforeEach(() => seed('assessment'));

	it('is refused without a reason, and nothing changes', async () => {
		const entry = assessedEntry();
		const before = { mails: mails().length, logged: logged('entry.account', entry.id).length };
		expect(await upload(entry.id, { reason: '   ' })).toEqual({ ok: false, status: 400, errors: { reason: m.reasonRequired } });
		expect(entryRow(entry.id)).toEqual(entry);
		expect({ mails: mails().length, logged: logged('entry.account', entry.id).length }).toEqual(before);
	});

	it('with a reason: replaced, logged with the reason, and every team member mailed and noticed at home', async () => {
		const entry = assessedEntry();
		const team = teamOf(entry.id);
		expect(team.length).toBeGreaterThan(0);
		const before = mails().length;
		expect((await upload(entry.id, { reason: 'Enheten skickade fel version.' })).ok).toBe(true);
		expect(entryRow(entry.id).accountSha256).not.toBe(entry.accountSha256);
		expect(logged('entry.account', entry.id).at(-1)!.reason).toBe('Enheten skickade fel version.');
		const sent = mails().slice(before);
		expect(sent.map((s) => s.toAddress).sort()).toEqual(team.map((t) => t.email).sort());
		expect(sent[0].bodyText).toContain('Skäl: Enheten skickade fel version.');
		expect(sent[0].bodyText).toContain(`${origin}/examiner/entries/${entry.id}`);
		const cycleId = entry.cycleId;
		expect(changeNotices(team[0].userId, cycleId)[0]).toMatchObject({ entryId: entry.id, kind: 'account', reason: 'Enheten skickade fel version.' });
		expect(changeNotices(adminId, cycleId)).toEqual([]);
	});

	it('shows what the change affects', () => {
		const entry = assessedEntry();
		const impact = changeImpact(entry.id, entry.classId, 'assessment')!;
		const assessments = db.select({ n: count() }).from(table.assessment).where(eq(table.assessment.entryId, entry.id)).get()!.n;
		expect(impact.submitted + impact.drafts).toBe(assessments);
		expect(impact.people).toBe(teamOf(entry.id).length);
		expect(impact.classEntries).toBe(
			db.select({ n: count() }).from(table.entry).where(and(eq(table.entry.classId, entry.classId), eq(table.entry.status, 'registered'))).get()!.n
		);
		expect(changeImpact(entry.id, entry.classId, 'registration')).toBeNull();
		expect(changeImpact(entry.id, entry.classId, 'jury')).toBeNull();
	});
});

describe('changing the class while the teams assess', () => {
	beforeEach(() => seed('consensus'));

	it('needs a reason; with one the entry moves, the change is logged and whoever assessed it is told', () => {
		const entry = assessedEntry();
		const team = teamOf(entry.id);
		// The team must let go of the entry before it can change class; what they wrote stays.
		db.delete(table.teamEntry).where(eq(table.teamEntry.entryId, entry.id)).run();
		const assessors = db.select({ userId: table.assessment.examinerId }).from(table.assessment).where(eq(table.assessment.entryId, entry.id)).all();
		expect(assessors.length).toBeGreaterThan(0);
		const other = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, entry.cycleId)).all().find((c) => c.id !== entry.classId)!;
		const before = mails().length;

		expect(changeClass(entry.id, { classId: String(other.id), version: String(entry.version) }, adminId, m, origin)).toEqual({ ok: false, status: 400, errors: { reason: m.reasonRequired } });
		expect(entryRow(entry.id)).toEqual(entry);
		expect(mails().length).toBe(before);
		expect(logged('entry.class', entry.id)).toEqual([]);

		const reason = 'Enheten hör till äldreomsorgen.';
		expect(changeClass(entry.id, { classId: String(other.id), version: String(entry.version), reason }, adminId, m, origin).ok).toBe(true);
		expect(entryRow(entry.id).classId).toBe(other.id);
		expect(logged('entry.class', entry.id)[0].reason).toBe(reason);
		expect(mails().length - before).toBe(assessors.length);
		expect(mails().at(-1)!.bodyText).toContain(other.nameSv);
		expect(changeNotices(assessors[0].userId, entry.cycleId)[0]).toMatchObject({ entryId: entry.id, kind: 'class', reason });
		expect(team.length).toBeGreaterThan(0);
	});

	it('refuses the class the entry is already in', () => {
		const entry = assessedEntry();
		expect(changeClass(entry.id, { classId: String(entry.classId), version: String(entry.version), reason: 'x' }, adminId, m, origin)).toMatchObject({ ok: false, errors: { classId: m.sameClass } });
	});
});

describe('before the teams assess', () => {
	beforeEach(() => seed('registration'));

	it('a class change needs no reason and sends no mail', () => {
		const entry = db.select().from(table.entry).where(eq(table.entry.status, 'registered')).get()!;
		const other = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, entry.cycleId)).all().find((c) => c.id !== entry.classId)!;
		const before = mails().length;
		expect(changeClass(entry.id, { classId: String(other.id), version: String(entry.version) }, adminId, m, origin).ok).toBe(true);
		expect(mails().length).toBe(before);
		expect(logged('entry.class', entry.id)[0].reason).toBeNull();
	});
});
