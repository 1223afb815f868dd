import { beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { getCurrentCycle } from '../cycles/lookup';
import { sv } from '$lib/i18n/sections/entries';
import { changeClass, getEntry, listEntries, recordAccountDate, recordMinutes, registerEntry, registrationOptions, setWithdrawn } from './entries';

const m = sv;
const origin = 'https://utmarkelse.test';
let db: DB;
let adminId: number;

const unitId = (name: string) => db.select().from(table.unit).where(eq(table.unit.name, name)).get()!.id;
const classesOf = (year: number) => {
	const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, year)).get()!;
	return db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).all();
};
const entries = () => db.select({ n: count() }).from(table.entry).get()!.n;
const audits = () => db.select({ n: count() }).from(table.auditLog).get()!.n;
const entryOf = (name: string) => db.select().from(table.entry).where(eq(table.entry.unitId, unitId(name))).get()!;

function seed(phase: 'registration' | 'assessment' | 'jury') {
	db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
}

describe('registering an entry', () => {
	beforeEach(() => seed('registration'));

	it('registers a unit in a class of this cycle, once, with an audit entry', () => {
		const cycle = getCurrentCycle()!;
		const [, school] = classesOf(2026);
		const humlan = unitId('Förskolan Humlan');
		expect(registrationOptions(cycle.id).units.map((u) => u.id)).toContain(humlan);
		const before = { entries: entries(), audits: audits() };
		const result = registerEntry({ unitId: String(humlan), classId: String(school.id) }, cycle, adminId, m);
		expect(result.ok).toBe(true);
		const row = entryOf('Förskolan Humlan');
		expect(row).toMatchObject({ cycleId: cycle.id, classId: school.id, status: 'registered', version: 1, accountSha256: null });
		expect({ entries: entries(), audits: audits() }).toEqual({ entries: before.entries + 1, audits: before.audits + 1 });
		expect(registrationOptions(cycle.id).units.map((u) => u.id)).not.toContain(humlan);
		expect(listEntries(cycle.id).find((e) => e.id === row.id)).toMatchObject({ name: 'Förskolan Humlan', hasAccount: false, minutesDnr: null });
	});

	it('refuses a class of another cycle and writes nothing', () => {
		const cycle = getCurrentCycle()!;
		const lastYear = classesOf(2025)[0];
		const before = { entries: entries(), audits: audits() };
		const result = registerEntry({ unitId: String(unitId('Förskolan Humlan')), classId: String(lastYear.id) }, cycle, adminId, m);
		expect(result).toEqual({ ok: false, status: 400, errors: { classId: m.classOtherCycle } });
		expect({ entries: entries(), audits: audits() }).toEqual(before);
	});

	it('refuses a second entry for the same unit in the cycle', () => {
		const cycle = getCurrentCycle()!;
		const result = registerEntry({ unitId: String(unitId('Förskolan Ekorren')), classId: String(classesOf(2026)[0].id) }, cycle, adminId, m);
		expect(result).toEqual({ ok: false, status: 400, errors: { unitId: m.alreadyEntered } });
		expect(db.select({ n: count() }).from(table.entry).where(eq(table.entry.unitId, unitId('Förskolan Ekorren'))).get()!.n).toBe(1);
	});

	it('refuses unknown units and classes and text that is not an id', () => {
		const cycle = getCurrentCycle()!;
		expect(registerEntry({ unitId: '999999', classId: '999999' }, cycle, adminId, m)).toMatchObject({ ok: false, errors: { unitId: m.v.choose, classId: m.v.choose } });
		expect(registerEntry({ unitId: 'Humlan', classId: '' }, cycle, adminId, m)).toMatchObject({ ok: false, errors: { unitId: m.v.choose, classId: m.v.choose } });
		expect(registerEntry({ unitId: '1', classId: '1' }, null, adminId, m)).toMatchObject({ ok: false, errors: { _form: m.noCycle } });
	});
});

describe('changing an entry', () => {
	beforeEach(() => seed('registration'));

	it('moves it to another class of its cycle, never to another cycle’s, and refuses a stale form', () => {
		const entry = entryOf('Förskolan Ekorren');
		const school = classesOf(2026).find((c) => c.id !== entry.classId)!;
		expect(changeClass(entry.id, { classId: String(classesOf(2025)[1].id), version: '1' }, adminId, m, origin)).toMatchObject({ ok: false, errors: { classId: m.classOtherCycle } });
		expect(changeClass(entry.id, { classId: String(school.id), version: '1' }, adminId, m, origin).ok).toBe(true);
		expect(entryOf('Förskolan Ekorren')).toMatchObject({ classId: school.id, version: 2 });
		expect(changeClass(entry.id, { classId: String(classesOf(2026)[0].id), version: '1' }, adminId, m, origin)).toEqual({ ok: false, status: 409, errors: { _form: m.v.conflict } });
		expect(entryOf('Förskolan Ekorren').classId).toBe(school.id);
	});

	it('records the board minutes, refusing dates in the wrong order or in the future and a missing dnr', () => {
		const entry = entryOf('Ljungbacken');
		const board = db.select().from(table.board).where(eq(table.board.name, 'Socialnämnden')).get()!;
		const minutes = (over: Record<string, string>) => ({ minutesBoardId: String(board.id), minutesDnr: 'SOC 1.4.1-300/2026', minutesMeetingDate: '2026-06-10', minutesReceivedDate: '2026-06-20', version: '1', ...over });
		expect(recordMinutes(entry.id, minutes({ minutesReceivedDate: '2026-06-01' }), adminId, m)).toMatchObject({ ok: false, errors: { minutesReceivedDate: m.receivedBeforeMeeting } });
		expect(recordMinutes(entry.id, minutes({ minutesReceivedDate: '2026-02-30' }), adminId, m)).toMatchObject({ ok: false, errors: { minutesReceivedDate: m.v.date } });
		expect(recordMinutes(entry.id, minutes({ minutesMeetingDate: '2999-01-01', minutesReceivedDate: '' }), adminId, m)).toMatchObject({ ok: false, errors: { minutesMeetingDate: m.future } });
		expect(recordMinutes(entry.id, minutes({ minutesDnr: '' }), adminId, m)).toMatchObject({ ok: false, errors: { minutesDnr: m.dnrRequired } });
		expect(recordMinutes(entry.id, minutes({ minutesDnr: 'x'.repeat(61) }), adminId, m)).toMatchObject({ ok: false, errors: { minutesDnr: m.v.tooLong(60) } });
		expect(recordMinutes(entry.id, minutes({ minutesBoardId: '999999' }), adminId, m)).toMatchObject({ ok: false, errors: { minutesBoardId: m.v.choose } });
		expect(entryOf('Ljungbacken')).toMatchObject({ minutesReceivedDate: null, version: 1 });
		expect(recordMinutes(entry.id, minutes({}), adminId, m).ok).toBe(true);
		expect(entryOf('Ljungbacken')).toMatchObject({
			minutesBoardId: board.id,
			minutesDnr: 'SOC 1.4.1-300/2026',
			minutesMeetingDate: '2026-06-10',
			minutesReceivedDate: '2026-06-20',
			version: 2
		});
		const audit = db.select().from(table.auditLog).where(and(eq(table.auditLog.action, 'entry.minutes'), eq(table.auditLog.entityId, String(entry.id)))).get()!;
		expect(audit.actorId).toBe(adminId);
	});

	it('records the account’s received day and withdraws and reinstates the entry', () => {
		const entry = entryOf('Hvilan');
		expect(recordAccountDate(entry.id, { accountReceivedDate: '2026-05-18', version: '1' }, adminId, m).ok).toBe(true);
		expect(entryOf('Hvilan').accountReceivedDate).toBe('2026-05-18');
		expect(setWithdrawn(entry.id, true, { reason: 'Enheten drog sig ur.', version: '2' }, adminId, m).ok).toBe(true);
		expect(entryOf('Hvilan')).toMatchObject({ status: 'withdrawn', version: 3 });
		expect(db.select().from(table.auditLog).where(eq(table.auditLog.action, 'entry.withdraw')).get()!.reason).toBe('Enheten drog sig ur.');
		expect(setWithdrawn(entry.id, false, { version: '3' }, adminId, m).ok).toBe(true);
		expect(entryOf('Hvilan').status).toBe('registered');
		expect(getEntry(entry.id)).toMatchObject({ open: true, team: null, unit: { name: 'Hvilan' } });
	});
});

describe('when the entries are closed', () => {
	it('refuses class changes of an entry on a team, and every change once the jury works', () => {
		seed('assessment');
		const onTeam = db.select().from(table.teamEntry).get()!.entryId;
		const entry = db.select().from(table.entry).where(eq(table.entry.id, onTeam)).get()!;
		const other = classesOf(2026).find((c) => c.id !== entry.classId)!;
		expect(changeClass(onTeam, { classId: String(other.id), version: '1' }, adminId, m, origin)).toMatchObject({ ok: false, errors: { classId: m.onTeam } });

		seed('jury');
		const cycle = getCurrentCycle()!;
		expect(registerEntry({ unitId: String(unitId('Förskolan Humlan')), classId: String(classesOf(2026)[0].id) }, cycle, adminId, m)).toMatchObject({ ok: false, errors: { _form: m.closed } });
		expect(recordAccountDate(entryOf('Hvilan').id, { accountReceivedDate: '2026-05-18', version: '1' }, adminId, m)).toMatchObject({ ok: false, errors: { _form: m.closed } });
	});
});
