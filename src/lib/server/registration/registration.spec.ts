import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { getCurrentCycle, type Cycle } from '../cycles/lookup';
import { eligibilityRows } from '../eligibility/rows';
import { checkEligibility } from '$lib/domain/eligibility';
import { may } from '$lib/domain/permissions';
import { sv as registration } from '$lib/i18n/sections/registration';
import { sv as entries } from '$lib/i18n/sections/entries';
import { readUnit } from './access';
import { appointCoordinator } from './coordinators';
import { answerRegistration, registrationValues, saveRegistration } from './register';
import { uploadMinutes } from './minutes';
import { decideProposal, proposeUnit } from './proposals';
import { coordinatorOverview } from './overview';
import { reminderPlan, sendReminders } from './reminders';

let db: DB;
let cycle: Cycle;
let adminId: number;
let dir: string;

const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const unitNamed = (name: string) => db.select().from(table.unit).where(eq(table.unit.name, name)).get()!;
const orgNamed = (name: string) => db.select().from(table.organisation).where(eq(table.organisation.name, name)).get()!.id;
const entryOf = (unitId: number) => db.select().from(table.entry).where(and(eq(table.entry.unitId, unitId), eq(table.entry.cycleId, cycle.id))).get();
const audits = (action: string) => db.select({ n: count() }).from(table.auditLog).where(eq(table.auditLog.action, action)).get()!.n;
const pdf = (body = 'protokoll') => new File([new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`)], 'Protokoll.pdf', { type: 'application/pdf' });

function appoint(email: string, organisation: string) {
	const result = appointCoordinator(orgNamed(organisation), { email, name: 'Samordnare' }, cycle, adminId, registration);
	expect(result.ok).toBe(true);
	return userId(email);
}

/** The registration form as a contact posts it: the unit's current values with changes. */
function form(unitId: number, actor: number, over: Record<string, string> = {}) {
	const read = readUnit(actor, unitId, cycle)!;
	const { values } = registrationValues(read);
	const posted: Record<string, string> = { classId: String(cycle && db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).all()[0].id), managerBudget: values.managerBudget, managerStaff: values.managerStaff, businessPlan: values.businessPlan, staffCount: values.staffCount, privatelyRun: values.privatelyRun, stockholmShare: values.stockholmShare, version: values.version };
	values.contacts.forEach((c, i) => Object.assign(posted, { [`contacts.${i}.id`]: c.id, [`contacts.${i}.name`]: c.name, [`contacts.${i}.email`]: c.email, [`contacts.${i}.phone`]: c.phone, [`contacts.${i}.title`]: c.title }));
	return { read, input: { ...posted, ...over } };
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-registration-'));
	process.env.FILES_DIR = dir;
	db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	cycle = getCurrentCycle()!;
	adminId = userId('admin@demo.test');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coordinators', () => {
	it('the admin appoints a person, new or known, once per organisation and cycle, with an audit entry', () => {
		const id = appoint('samordnare@soc.test', 'Socialförvaltningen');
		expect(db.select().from(table.coordinator).where(eq(table.coordinator.userId, id)).all()).toHaveLength(1);
		const again = appointCoordinator(orgNamed('Socialförvaltningen'), { email: 'SAMORDNARE@soc.test' }, cycle, adminId, registration);
		expect(again).toMatchObject({ ok: false, errors: { email: registration.admin.alreadyCoordinator } });
		expect(appointCoordinator(orgNamed('Socialförvaltningen'), { email: 'ny@soc.test' }, cycle, adminId, registration)).toMatchObject({ ok: false, errors: { name: registration.v.required } });
		expect(audits('coordinator.appoint')).toBe(1);
	});

	it('sees and registers only their own organisation’s units', () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const own = readUnit(coordinator, unitNamed('Hvilan').id, cycle)!;
		const other = readUnit(coordinator, unitNamed('Förskolan Humlan').id, cycle)!;
		for (const action of ['unit.readRegistration', 'unit.register', 'registration.confirm', 'minutes.upload'] as const) {
			expect(may(own.viewer, action, own.facts), action).toBe(true);
			expect(may(other.viewer, action, other.facts), action).toBe(false);
		}
		const overview = coordinatorOverview([orgNamed('Socialförvaltningen')], cycle);
		expect(overview.flatMap((o) => o.units.map((u) => u.name)).sort()).toEqual(['Enheten för hemlösa', 'Hvilan', 'Ljungbacken', 'Tillfälliga boenden']);
	});
});

describe('registration', () => {
	it('a contact registers their unit: the facts go where eligibility reads them, the entry is made, all audited', () => {
		const humlan = unitNamed('Förskolan Humlan');
		db.update(table.unitContact).set({ userId: userId('enhet1@demo.test') }).where(eq(table.unitContact.unitId, humlan.id)).run();
		const contact = userId('enhet1@demo.test');
		const { read, input } = form(humlan.id, contact, { staffCount: '4', businessPlan: 'no' });
		expect(may(read.viewer, 'unit.register', read.facts)).toBe(true);
		const result = saveRegistration(read, input, contact, registration, entries);
		expect(result.ok).toBe(true);
		const entry = entryOf(humlan.id)!;
		expect(entry).toMatchObject({ status: 'registered', registeredBy: contact, confirmedAt: null });
		const row = eligibilityRows(cycle, '2026-04-01').find((r) => r.entryId === entry.id)!;
		const rules = checkEligibility(row.input).rules;
		expect(rules.find((r) => r.rule === 'E2')!.status).toBe('fail');
		expect(rules.find((r) => r.rule === 'E3')!.status).toBe('fail');
		expect(audits('registration.save')).toBe(1);
	});

	it('refuses a stale form, bad input and a class of another cycle, and writes nothing', () => {
		const humlan = unitNamed('Förskolan Humlan');
		const { read, input } = form(humlan.id, adminId);
		const lastYearClass = db.select().from(table.awardClass).all().find((c) => c.cycleId !== cycle.id)!;
		expect(saveRegistration(read, { ...input, version: String(humlan.version + 5) }, adminId, registration, entries)).toMatchObject({ ok: false, status: 409 });
		expect(saveRegistration(read, { ...input, staffCount: 'många' }, adminId, registration, entries)).toMatchObject({ ok: false, status: 400, errors: { staffCount: registration.v.notInteger } });
		expect(saveRegistration(read, { ...input, classId: '' }, adminId, registration, entries)).toMatchObject({ ok: false, status: 400 });
		expect(saveRegistration(read, { ...input, classId: String(lastYearClass.id) }, adminId, registration, entries)).toMatchObject({ ok: false, errors: { classId: entries.classOtherCycle } });
		expect(entryOf(humlan.id)).toBeUndefined();
		expect(unitNamed('Förskolan Humlan')).toEqual(humlan);
		expect(audits('registration.save')).toBe(0);
	});

	it('the coordinator confirms once, and a second confirmation is refused with a message', () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const hvilan = unitNamed('Hvilan').id;
		const version = () => String(entryOf(hvilan)!.version);
		const answer = (kind: 'confirm' | 'withdraw') => answerRegistration(readUnit(coordinator, hvilan, cycle)!, kind, { version: version() }, coordinator, registration, entries);
		expect(answer('confirm').ok).toBe(true);
		expect(entryOf(hvilan)!.confirmedBy).toBe(coordinator);
		expect(answer('confirm')).toMatchObject({ ok: false, errors: { _form: registration.form.alreadyConfirmed } });
		expect(answer('withdraw').ok).toBe(true);
		expect(entryOf(hvilan)).toMatchObject({ status: 'withdrawn', confirmedAt: null });
		expect(answer('withdraw')).toMatchObject({ ok: false, errors: { _form: registration.form.alreadyWithdrawn } });
		expect([audits('registration.confirm'), audits('registration.withdraw')]).toEqual([1, 1]);
	});

	it('is closed outside the registration phase, for contacts and coordinators', () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		db.update(table.cycle).set({ phase: 'assessment' }).where(eq(table.cycle.id, cycle.id)).run();
		cycle = getCurrentCycle()!;
		const read = readUnit(coordinator, unitNamed('Hvilan').id, cycle)!;
		expect(may(read.viewer, 'unit.readRegistration', read.facts)).toBe(true);
		expect(may(read.viewer, 'unit.register', read.facts)).toBe(false);
		expect(may(read.viewer, 'registration.confirm', read.facts)).toBe(false);
	});
});

describe('board minutes', () => {
	const onTime = new Date('2026-06-20T09:00:00Z');

	it('one upload for two units gives both the dnr and the arrival day, and E5 passes for both', async () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const ids = ['Hvilan', 'Ljungbacken'].map((n) => entryOf(unitNamed(n).id)!.id);
		const body = new FormData();
		body.set('file', pdf());
		body.set('dnr', 'SN 1.4.1-289/2026');
		body.set('meetingDate', '2026-05-26');
		for (const id of ids) body.append('entryId', String(id));
		const result = await uploadMinutes(cycle, orgNamed('Socialförvaltningen'), body, coordinator, registration, entries, onTime);
		expect(result).toMatchObject({ ok: true, value: { entries: 2 } });
		const rows = eligibilityRows(cycle, '2026-07-10').filter((r) => ids.includes(r.entryId));
		for (const row of rows) {
			expect(row.input.minutesReceivedDate).toBe('2026-06-20');
			expect(checkEligibility(row.input).rules.find((r) => r.rule === 'E5')!.status).toBe('pass');
		}
		expect(db.select().from(table.entry).where(eq(table.entry.minutesDnr, 'SN 1.4.1-289/2026')).all()).toHaveLength(2);
		expect(audits('minutes.upload')).toBe(1);
	});

	it('refuses a late upload, another organisation’s unit, no unit and a file that is not a PDF, and changes nothing', async () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const ljungbacken = entryOf(unitNamed('Ljungbacken').id)!;
		const other = entryOf(unitNamed('Hemtjänsten Farsta').id)!;
		const upload = (over: { file?: File; entryIds?: number[]; at?: Date }) => {
			const body = new FormData();
			body.set('file', over.file ?? pdf());
			body.set('dnr', 'SN 2026/1');
			body.set('meetingDate', '2026-05-26');
			for (const id of over.entryIds ?? [ljungbacken.id]) body.append('entryId', String(id));
			return uploadMinutes(cycle, orgNamed('Socialförvaltningen'), body, coordinator, registration, entries, over.at ?? onTime);
		};
		expect(await upload({ at: new Date('2026-06-30T22:30:00Z') })).toMatchObject({ ok: false, errors: { _form: registration.minutes.late('30 juni 2026') } });
		expect(await upload({ entryIds: [ljungbacken.id, other.id] })).toMatchObject({ ok: false, errors: { entryId: registration.minutes.otherUnit } });
		expect(await upload({ entryIds: [] })).toMatchObject({ ok: false, errors: { entryId: registration.minutes.chooseUnits } });
		expect(await upload({ file: new File(['inte en pdf'], 'protokoll.pdf') })).toMatchObject({ ok: false, errors: { file: entries.upload.notPdf } });
		expect(entryOf(unitNamed('Ljungbacken').id)).toEqual(ljungbacken);
		expect(db.select({ n: count() }).from(table.boardMinutes).get()!.n).toBe(0);
	});
});

describe('units new to the register', () => {
	it('a proposal matching an existing unit is refused; an accepted one makes the unit, its contact and its entry', () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const soc = orgNamed('Socialförvaltningen');
		const classId = String(db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).all()[3].id);
		const propose = (name: string) => proposeUnit(cycle, soc, { name, classId, contactName: 'Ada Lind', contactEmail: 'ada@soc.test' }, coordinator, registration);
		expect(propose('  hvilan ')).toMatchObject({ ok: false, errors: { name: registration.coordinator.exists } });
		const proposed = propose('Stödboendet Gamla stan');
		expect(proposed.ok).toBe(true);
		expect(propose('stödboendet  gamla stan')).toMatchObject({ ok: false, errors: { name: registration.coordinator.alreadyProposed } });
		const accepted = decideProposal(proposed.ok ? proposed.value.id : 0, true, adminId, registration);
		expect(accepted).toMatchObject({ ok: true, value: { matched: false } });
		const unit = unitNamed('Stödboendet Gamla stan');
		expect(entryOf(unit.id)).toMatchObject({ status: 'registered', registeredBy: coordinator });
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.unitId, unit.id)).all().map((c) => c.email)).toEqual(['ada@soc.test']);
		expect(decideProposal(proposed.ok ? proposed.value.id : 0, true, adminId, registration)).toMatchObject({ ok: false, errors: { _form: registration.admin.handled } });
	});

	it('matches a unit the admin added meanwhile instead of making a second one', () => {
		const coordinator = appoint('samordnare@soc.test', 'Socialförvaltningen');
		const soc = orgNamed('Socialförvaltningen');
		const classId = String(db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, cycle.id)).all()[3].id);
		const proposed = proposeUnit(cycle, soc, { name: 'Nattjouren', classId, contactName: 'Ada Lind', contactEmail: 'ada@soc.test' }, coordinator, registration);
		db.insert(table.unit).values({ organisationId: soc, name: 'NATTJOUREN' }).run();
		expect(decideProposal(proposed.ok ? proposed.value.id : 0, true, adminId, registration)).toMatchObject({ ok: true, value: { matched: true } });
		expect(db.select().from(table.unit).where(eq(table.unit.organisationId, soc)).all().filter((u) => u.name.toLowerCase() === 'nattjouren')).toHaveLength(1);
	});
});

describe('reminders', () => {
	const weekBefore = new Date('2026-06-25T08:00:00Z');
	const outbox = () => db.select().from(table.outbox).all();

	it('a week before the minutes deadline, reminds the contacts and coordinators of units missing minutes, once', () => {
		appoint('samordnare@soc.test', 'Socialförvaltningen');
		const plan = reminderPlan(db, cycle, 'minutes', weekBefore);
		expect(plan.window).toBe('open');
		expect(plan.entries.map((e) => e.unit)).toEqual(['Ljungbacken']);
		expect(plan.entries[0].to.sort()).toEqual(['enhet4@demo.test', 'samordnare1@demo.test', 'samordnare@soc.test']);
		const result = sendReminders(cycle, 'minutes', adminId, 'http://localhost', registration, weekBefore);
		expect(result).toEqual({ ok: true, sent: 3 });
		expect(outbox().map((o) => o.subject)).toEqual(Array(3).fill(registration.reminders.subject('Nämndprotokoll', '30 juni 2026')));
		expect(sendReminders(cycle, 'minutes', adminId, 'http://localhost', registration, weekBefore)).toEqual({ ok: true, sent: 0 });
		expect(outbox()).toHaveLength(3);
		expect(audits('reminder.send')).toBe(1);
	});

	it('is refused before the week and after the deadline, and sends nothing', () => {
		for (const at of [new Date('2026-06-20T08:00:00Z'), new Date('2026-07-01T08:00:00Z')]) {
			expect(sendReminders(cycle, 'minutes', adminId, 'http://localhost', registration, at)).toEqual({ ok: false, message: registration.reminders.closed });
		}
		expect(outbox()).toHaveLength(0);
	});
});
