import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import type { DB } from '../db';
import * as table from '../db/schema';
import { seedDemo } from '../demo/seed';
import { getCycleByYear } from '../cycles/lookup';
import { sv } from '$lib/i18n/sv';
import { writeXlsx } from '../imports/write-table';
import { addExaminer, getPoolMember, listPool, removeExaminer, updateExaminer, type ExaminerData } from './pool';
import { commitPoolImport, EXAMINER_COLUMNS, previewPoolImport } from './import';

let db: DB;
let dir: string;
let cycleId: number;
let adminId: number;
let classes: { id: number; nameSv: string }[];
let farsta: number;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pool-import-test-'));
	process.env.IMPORT_STAGING_DIR = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.IMPORT_STAGING_DIR;
});

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	cycleId = getCycleByYear(2026)!.id;
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	classes = db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycleId)).orderBy(table.awardClass.sortOrder).all();
	farsta = db.select().from(table.organisation).where(eq(table.organisation.name, 'Farsta stadsdelsförvaltning')).get()!.id;
});

const count = (t: typeof table.user | typeof table.examinerProfile | typeof table.cycleRole | typeof table.auditLog | typeof table.examinerExpertise) =>
	db.select({ n: sql<number>`count(*)` }).from(t).get()!.n;
const snapshot = () => [count(table.user), count(table.examinerProfile), count(table.cycleRole), count(table.examinerExpertise), count(table.auditLog)];

const person = (over: Partial<ExaminerData> = {}): ExaminerData => ({
	name: 'Greta Lind',
	email: 'Greta.Lind@stockholm.se',
	organisationId: farsta,
	trainedYear: 2022,
	leadCapable: true,
	capacity: 3,
	classIds: [classes[0].id, classes[2].id],
	...over
});

describe('the pool', () => {
	it('adds a new person as examiner of the cycle, without a password, audited', () => {
		const result = addExaminer(cycleId, person(), adminId);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const user = db.select().from(table.user).where(eq(table.user.id, result.userId)).get()!;
		expect(user).toMatchObject({ email: 'greta.lind@stockholm.se', name: 'Greta Lind', passwordHash: null, isAdmin: false });
		const role = db.select().from(table.cycleRole).where(eq(table.cycleRole.userId, result.userId)).get()!;
		expect(role).toMatchObject({ cycleId, role: 'examiner', organisationId: farsta });
		expect(getPoolMember(cycleId, result.userId)).toMatchObject({
			trainedYear: 2022,
			leadCapable: true,
			capacity: 3,
			organisationId: farsta,
			classIds: [classes[0].id, classes[2].id],
			version: 1,
			load: 0
		});
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'examiner.add')).get()!;
		expect(audit.after).toMatchObject({ email: 'greta.lind@stockholm.se', newUser: true });
		expect(listPool(cycleId)).toHaveLength(19);
	});

	it('uses an existing account, and refuses someone already in the pool', () => {
		const juror = db.select().from(table.user).where(eq(table.user.email, 'jury1@demo.test')).get()!;
		const result = addExaminer(cycleId, person({ email: 'JURY1@demo.test' }), adminId);
		expect(result).toEqual({ ok: true, userId: juror.id });
		expect(db.select().from(table.user).where(eq(table.user.id, juror.id)).get()!.passwordHash).toBe('x');
		const before = snapshot();
		expect(addExaminer(cycleId, person({ email: 'examinator3@demo.test' }), adminId)).toEqual({ ok: false, error: 'alreadyExaminer' });
		expect(addExaminer(cycleId, person({ email: 'ny@demo.test', classIds: [999_999] }), adminId)).toEqual({ ok: false, error: 'badClass' });
		expect(snapshot()).toEqual(before);
	});

	it('edits a member on the version they saw, and refuses a stale version or a taken e-mail', () => {
		const member = listPool(cycleId)[0];
		const data = person({ name: member.name, email: member.email, capacity: 1 });
		expect(updateExaminer(cycleId, member.userId, member.version, data, adminId).ok).toBe(true);
		const after = getPoolMember(cycleId, member.userId)!;
		expect(after).toMatchObject({ capacity: 1, version: member.version + 1, organisationId: farsta });
		expect(db.select().from(table.cycleRole).where(and(eq(table.cycleRole.userId, member.userId), eq(table.cycleRole.role, 'examiner'))).get()!.organisationId).toBe(farsta);
		expect(updateExaminer(cycleId, member.userId, member.version, data, adminId)).toEqual({ ok: false, error: 'conflict' });
		expect(updateExaminer(cycleId, member.userId, after.version, { ...data, email: 'admin@demo.test' }, adminId)).toEqual({ ok: false, error: 'emailTaken' });
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'examiner.update')).get()!;
		expect(audit.before).toMatchObject({ capacity: member.capacity });
		expect(audit.after).toMatchObject({ capacity: 1 });
	});

	it('removes a member only while they are on no team', () => {
		const member = listPool(cycleId)[0];
		const classId = classes[0].id;
		const teamId = db.insert(table.team).values({ cycleId, classId, name: 'Lag 1' }).returning().get().id;
		db.insert(table.teamMember).values({ teamId, userId: member.userId }).run();
		expect(removeExaminer(cycleId, member.userId, member.version, adminId)).toEqual({ ok: false, error: 'onTeam' });
		db.delete(table.team).where(eq(table.team.id, teamId)).run();
		expect(removeExaminer(cycleId, member.userId, member.version, adminId)).toEqual({ ok: true });
		expect(getPoolMember(cycleId, member.userId)).toBeNull();
		expect(db.select().from(table.cycleRole).where(and(eq(table.cycleRole.userId, member.userId), eq(table.cycleRole.cycleId, cycleId))).all()).toEqual([]);
	});
});

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const HEADER = 'Namn;E-post;Förvaltning/bolag;Utbildad år;Kan vara utvärderingsledare;Expertis;Kapacitet';

describe('importing the pool', () => {
	it('previews a good CSV without writing, then commits every row in one go', async () => {
		const file = csv([
			HEADER,
			'Greta Lind;greta.lind@stockholm.se;Farsta stadsdelsförvaltning;2021;ja;"Förskola; skola";3',
			'Olle Ek;olle.ek@stockholm.se;;;nej;Andra verksamheter;'
		]);
		const before = snapshot();
		const preview = await previewPoolImport(cycleId, file, 'pool.csv', sv);
		expect(preview.fileProblems).toEqual([]);
		expect(preview.rows.map((r) => [r.line, r.problems, r.newUser])).toEqual([
			[2, [], true],
			[3, [], true]
		]);
		expect(preview.valid).toBe(true);
		expect(snapshot()).toEqual(before);

		const result = await commitPoolImport(cycleId, preview.sha256, preview.fileName, adminId, sv);
		expect(result).toEqual({ ok: true, count: 2 });
		const pool = listPool(cycleId);
		expect(pool).toHaveLength(20);
		expect(pool.find((p) => p.email === 'greta.lind@stockholm.se')).toMatchObject({
			organisationId: farsta,
			trainedYear: 2021,
			leadCapable: true,
			capacity: 3,
			classIds: [classes[0].id, classes[1].id]
		});
		// An empty capacity is the cycle's default.
		expect(pool.find((p) => p.email === 'olle.ek@stockholm.se')).toMatchObject({ organisationId: null, leadCapable: false, capacity: 2, classIds: [classes[4].id] });
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'import.examiners')).get()!;
		expect(audit.after).toMatchObject({ kind: 'examiners', fileName: 'pool.csv', count: 2 });
	});

	it('reports every bad row by line and column, and a commit of a bad file writes nothing', async () => {
		const file = csv([
			HEADER,
			'Greta Lind;greta.lind@stockholm.se;Farsta stadsdelsförvaltning;2021;ja;Förskola;3',
			'Greta Dubblett;GRETA.LIND@stockholm.se;;;;;',
			'Anna Lindqvist;examinator1@demo.test;;;;;',
			'Per Okänd;per@stockholm.se;Nackas förvaltning;1850;kanske;Simhallar;12',
			';saknar.namn@stockholm.se;;;;;'
		]);
		const preview = await previewPoolImport(cycleId, file, 'pool.csv', sv);
		expect(preview.valid).toBe(false);
		expect(preview.badRows).toBe(4);
		const problems = new Map(preview.rows.map((r) => [r.line, r.problems]));
		expect(problems.get(2)).toEqual([]);
		expect(problems.get(3)).toEqual(['E-post: Samma e-postadress finns redan på rad 2.']);
		expect(problems.get(4)).toEqual([`E-post: ${sv.assignment.importing.issues.alreadyExaminer()}`]);
		expect(problems.get(5)).toEqual([
			'Utbildad år: 1850 är för litet. Skriv minst 1990.',
			'Kan vara utvärderingsledare: ”kanske” är varken ja eller nej.',
			'Kapacitet: 12 ligger utanför 0–10. Skriv ett tal från 0 till 10.',
			'Förvaltning/bolag: Förvaltningen eller bolaget ”Nackas förvaltning” finns inte.',
			`Expertis: ${sv.dataImport.issues.unknownClass('Simhallar', classes.map((c) => c.nameSv).join(', '))}`
		]);
		expect(problems.get(6)).toEqual(['Namn: Fyll i ett värde.']);

		const before = snapshot();
		const result = await commitPoolImport(cycleId, preview.sha256, 'pool.csv', adminId, sv);
		expect(result.ok).toBe(false);
		expect(snapshot()).toEqual(before);
	});

	it('reads an Excel workbook the same way, and refuses a file without the required columns', async () => {
		const headers = Object.values(EXAMINER_COLUMNS).map((c) => c.header);
		const bytes = await writeXlsx([
			{ sheet: 'Examinatorer', headers, rows: [['Greta Lind', 'greta.lind@stockholm.se', null, 2020, true, 'Skola', 2]], yes: 'ja', no: 'nej' }
		]);
		const preview = await previewPoolImport(cycleId, bytes, 'pool.xlsx', sv);
		expect(preview).toMatchObject({ format: 'xlsx', valid: true });
		expect((await commitPoolImport(cycleId, preview.sha256, 'pool.xlsx', adminId, sv)).ok).toBe(true);
		expect(listPool(cycleId).find((p) => p.email === 'greta.lind@stockholm.se')).toMatchObject({ trainedYear: 2020, leadCapable: true });

		const missing = await previewPoolImport(cycleId, csv(['Namn;Kapacitet', 'Olle Ek;2']), 'fel.csv', sv);
		expect(missing.valid).toBe(false);
		expect(missing.fileProblems).toEqual(['Rad 1: E-post: Kolumnen ”E-post” saknas i rubrikraden.']);
	});

	it('refuses a commit whose staged file is gone', async () => {
		expect(await commitPoolImport(cycleId, 'f'.repeat(64), 'pool.csv', adminId, sv)).toEqual({ ok: false, preview: null });
	});
});
