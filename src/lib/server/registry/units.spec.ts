import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { sv } from '$lib/i18n/sections/units';
import { saveUnit } from './unit-save';
import { getUnit, listUnits } from './units';
import { saveBoard, saveOrganisation } from './organisations';

const v = sv.v;
let db: DB;
let adminId: number;
let orgId: number;
let boardId: number;

const base = (over: Record<string, string> = {}): Record<string, string> => ({
	organisationId: String(orgId),
	boardId: String(boardId),
	name: 'Förskolan Kotten',
	managerName: 'Åsa Öberg',
	managerBudget: 'yes',
	managerStaff: 'yes',
	businessPlan: 'unknown',
	staffCount: '12',
	privatelyRun: 'yes',
	stockholmShare: '48,5',
	winYears: '2021, 2019',
	lastYearResult: '-1 250 000',
	forecastResult: '\u2212400\u00a0000',
	version: '',
	'contacts.0.name': 'Kim Lind',
	'contacts.0.email': 'kim.lind@stockholm.se',
	'contacts.0.phone': '08-508 000 00',
	'contacts.0.title': 'Enhetschef',
	...over
});

const counts = () => ({
	units: db.select({ n: count() }).from(table.unit).get()!.n,
	contacts: db.select({ n: count() }).from(table.unitContact).get()!.n,
	wins: db.select({ n: count() }).from(table.unitWin).get()!.n,
	audit: db.select({ n: count() }).from(table.auditLog).get()!.n
});

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
	const org = db.select().from(table.organisation).where(eq(table.organisation.name, 'Farsta stadsdelsförvaltning')).get()!;
	orgId = org.id;
	boardId = db.select().from(table.board).where(eq(table.board.organisationId, orgId)).get()!.id;
});

function create(over: Record<string, string> = {}) {
	const result = saveUnit(base(over), null, adminId, v);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value.id;
}

describe('creating a unit', () => {
	it('stores every field, win years and contacts, and writes the audit log', () => {
		const before = counts();
		const id = create();
		const row = db.select().from(table.unit).where(eq(table.unit.id, id)).get()!;
		expect(row).toMatchObject({
			organisationId: orgId,
			boardId,
			name: 'Förskolan Kotten',
			managerName: 'Åsa Öberg',
			managerHasBudgetResponsibility: true,
			managerHasStaffResponsibility: true,
			hasBusinessPlan: null,
			staffCount: 12,
			privatelyRun: true,
			stockholmSharePercent: 48.5,
			lastYearResult: -1_250_000,
			forecastResult: -400_000,
			version: 1
		});
		expect(db.select().from(table.unitWin).where(eq(table.unitWin.unitId, id)).all().map((w) => w.year)).toEqual([2019, 2021]);
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.unitId, id)).all()).toMatchObject([
			{ name: 'Kim Lind', email: 'kim.lind@stockholm.se', phone: '08-508 000 00', title: 'Enhetschef', userId: null }
		]);
		expect(counts()).toEqual({ units: before.units + 1, contacts: before.contacts + 1, wins: before.wins + 2, audit: before.audit + 1 });
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'unit.create')).get()!;
		expect(audit).toMatchObject({ actorId: adminId, entityType: 'unit', entityId: String(id) });
	});

	it('shows the stored unit again as the form values', () => {
		const id = create();
		expect(getUnit(id)!.values).toMatchObject({
			stockholmShare: '48,5',
			winYears: '2019, 2021',
			lastYearResult: '-1 250 000',
			forecastResult: '-400 000',
			businessPlan: 'unknown',
			privatelyRun: 'yes',
			version: '1'
		});
	});

	it('refuses a second unit of the same name in the organisation', () => {
		create();
		const result = saveUnit(base(), null, adminId, v);
		expect(result).toEqual({ ok: false, status: 400, errors: { name: v.unitExists } });
	});

	it('refuses a board of another organisation', () => {
		const other = db.select().from(table.board).all().find((b) => b.organisationId !== orgId)!;
		const result = saveUnit(base({ boardId: String(other.id) }), null, adminId, v);
		expect(result).toMatchObject({ ok: false, errors: { boardId: v.boardOtherOrganisation } });
	});
});

describe('bad input writes nothing', () => {
	it.each([
		[{ name: '' }, 'name', v.required],
		[{ name: 'x'.repeat(201) }, 'name', v.tooLong(200)],
		[{ organisationId: '' }, 'organisationId', v.choose],
		[{ organisationId: '999999' }, 'organisationId', v.choose],
		[{ managerBudget: 'kanske' }, 'managerBudget', v.choose],
		[{ staffCount: '0' }, 'staffCount', v.staff],
		[{ staffCount: '-3' }, 'staffCount', v.staff],
		[{ staffCount: '4,5' }, 'staffCount', v.notInteger],
		[{ staffCount: 'tolv' }, 'staffCount', v.notInteger],
		[{ stockholmShare: '101' }, 'stockholmShare', v.share],
		[{ stockholmShare: '-1' }, 'stockholmShare', v.share],
		[{ stockholmShare: 'hälften' }, 'stockholmShare', v.notNumber],
		[{ winYears: '2019, 21' }, 'winYears', v.yearList('21')],
		[{ winYears: '1899' }, 'winYears', v.yearRange(1899, 1990, new Date().getFullYear())],
		[{ winYears: '2999' }, 'winYears', v.yearRange(2999, 1990, new Date().getFullYear())],
		[{ lastYearResult: '1,5 miljoner' }, 'lastYearResult', v.notInteger],
		[{ forecastResult: '999999999999999' }, 'forecastResult', v.kronor],
		[{ 'contacts.0.email': 'kim.lind' }, 'contacts.0.email', v.email],
		[{ 'contacts.0.email': '' }, 'contacts.0.email', v.required],
		[{ 'contacts.0.name': '' }, 'contacts.0.name', v.required],
		[{ 'contacts.0.phone': 'ring mig' }, 'contacts.0.phone', v.phone],
		[{ privatelyRun: '' }, 'privatelyRun', v.choose]
	])('%j → %s: %s', (over, field, message) => {
		const before = counts();
		const result = saveUnit(base(over), null, adminId, v);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.status).toBe(400);
		expect(result.errors[field]).toBe(message);
		expect(counts()).toEqual(before);
	});

	it('an edit with one bad field changes nothing of the rest', () => {
		const id = create();
		const before = { unit: db.select().from(table.unit).where(eq(table.unit.id, id)).get(), ...counts() };
		const result = saveUnit(base({ name: 'Nytt namn', staffCount: '0', version: '1', 'contacts.0.id': '' }), id, adminId, v);
		expect(result.ok).toBe(false);
		expect({ unit: db.select().from(table.unit).where(eq(table.unit.id, id)).get(), ...counts() }).toEqual(before);
	});
});

describe('editing a unit', () => {
	it('saves the changes, raises the version, and adds, changes and removes contacts', () => {
		const id = create();
		const contactId = db.select().from(table.unitContact).where(eq(table.unitContact.unitId, id)).get()!.id;
		const result = saveUnit(
			base({
				version: '1',
				name: 'Förskolan Kotten och Ekollonet',
				staffCount: '15',
				winYears: '',
				'contacts.0.id': String(contactId),
				'contacts.0.remove': 'on',
				'contacts.1.name': 'Alva Berg',
				'contacts.1.email': 'alva.berg@stockholm.se',
				'contacts.2.name': '',
				'contacts.2.email': ''
			}),
			id,
			adminId,
			v
		);
		expect(result).toEqual({ ok: true, value: { id } });
		const row = db.select().from(table.unit).where(eq(table.unit.id, id)).get()!;
		expect(row).toMatchObject({ name: 'Förskolan Kotten och Ekollonet', staffCount: 15, version: 2 });
		expect(db.select().from(table.unitWin).where(eq(table.unitWin.unitId, id)).all()).toEqual([]);
		expect(db.select({ name: table.unitContact.name }).from(table.unitContact).where(eq(table.unitContact.unitId, id)).all()).toEqual([{ name: 'Alva Berg' }]);
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'unit.update')).get()!;
		expect((audit.before as { unit: { version: number } }).unit.version).toBe(1);
		expect((audit.after as { unit: { version: number } }).unit.version).toBe(2);
	});

	it('refuses a save based on an old version, and keeps the newer one', () => {
		const id = create();
		expect(saveUnit(base({ version: '1', staffCount: '20' }), id, adminId, v).ok).toBe(true);
		const stale = saveUnit(base({ version: '1', staffCount: '30' }), id, adminId, v);
		expect(stale).toEqual({ ok: false, status: 409, errors: { _form: v.conflict } });
		expect(db.select().from(table.unit).where(eq(table.unit.id, id)).get()).toMatchObject({ staffCount: 20, version: 2 });
	});

	it('refuses a contact id of another unit without touching it', () => {
		const id = create();
		const foreign = db.select().from(table.unitContact).all().find((c) => c.unitId !== id)!;
		const before = counts();
		const result = saveUnit(base({ version: '1', 'contacts.0.id': String(foreign.id), 'contacts.0.name': 'Kapad' }), id, adminId, v);
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.id, foreign.id)).get()).toEqual(foreign);
		expect(db.select().from(table.unit).where(eq(table.unit.id, id)).get()!.version).toBe(1);
		expect(counts()).toEqual(before);
	});
});

describe('the unit list', () => {
	const all = { query: '', organisationId: null, sort: 'name' as const, dir: 'asc' as const };

	it('searches unit and organisation names, ignoring case', () => {
		const cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
		expect(listUnits({ ...all, query: 'EKORREN' }, cycleId).map((u) => u.name)).toEqual(['Förskolan Ekorren']);
		const farsta = listUnits({ ...all, query: 'farsta stadsdel' }, cycleId);
		expect(farsta.length).toBe(3);
		expect(farsta.every((u) => u.organisation === 'Farsta stadsdelsförvaltning')).toBe(true);
		expect(listUnits({ ...all, organisationId: orgId }, cycleId)).toEqual(farsta);
	});

	it('sorts in Swedish order, by staff, and shows each unit’s entry this cycle', () => {
		const cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
		const byName = listUnits(all, cycleId).map((u) => u.name);
		expect(byName.at(-1)).toBe('Vård- och omsorgsboendet Trädgården');
		expect(byName.indexOf('Södermalms socialpsykiatri')).toBeLessThan(byName.indexOf('Tensta träffpunkt'));
		const staff = listUnits({ ...all, sort: 'staff', dir: 'desc' }, cycleId).map((u) => u.staffCount!);
		expect(staff).toEqual([...staff].sort((a, b) => b - a));
		const units = listUnits(all, cycleId);
		expect(units.filter((u) => u.entry !== null)).toHaveLength(16);
		expect(units.find((u) => u.name === 'Förskolan Humlan')!.entry).toBeNull();
	});
});

describe('organisations and boards', () => {
	it('creates, edits with a version and refuses a stale edit and a duplicate name', () => {
		const created = saveOrganisation({ name: 'Exempelbolaget AB', kind: 'company' }, null, adminId, v);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const id = created.value.id;
		expect(saveOrganisation({ name: 'Socialförvaltningen', kind: 'company' }, null, adminId, v)).toMatchObject({ ok: false, errors: { name: v.organisationExists } });
		expect(saveOrganisation({ name: 'Exempelbolaget AB', kind: 'bolag' }, id, adminId, v)).toMatchObject({ ok: false, status: 400, errors: { kind: v.choose } });
		expect(saveOrganisation({ name: 'Exempel AB', kind: 'company', version: '1' }, id, adminId, v).ok).toBe(true);
		expect(saveOrganisation({ name: 'Exempel AB 2', kind: 'company', version: '1' }, id, adminId, v)).toMatchObject({ ok: false, status: 409 });
		expect(db.select().from(table.organisation).where(eq(table.organisation.id, id)).get()).toMatchObject({ name: 'Exempel AB', version: 2 });

		const board = saveBoard({ name: 'Styrelsen för Exempel AB', organisationId: String(id) }, null, adminId, v);
		expect(board.ok).toBe(true);
		expect(saveBoard({ name: 'Socialnämnden', organisationId: '' }, null, adminId, v)).toMatchObject({ ok: false, errors: { name: v.boardExists } });
		expect(saveBoard({ name: 'Ny nämnd', organisationId: '999999' }, null, adminId, v)).toMatchObject({ ok: false, errors: { organisationId: v.choose } });
	});
});
