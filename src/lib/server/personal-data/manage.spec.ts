import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { feedbackYear } from '../test-support/feedback';
import { changePhase } from '../cycles/phase';
import { messages } from '$lib/i18n';
import { personExtract } from './extract';
import { extractPdf } from './pdf';
import { correctPerson, erasePerson, findPeople, parseCorrection, personSummary, pseudonymisePerson, recordExtract } from './manage';

function year() {
	const y = feedbackYear();
	const admin = y.user('admin@demo.test').id;
	const examiner = y.user('examinator1@demo.test');
	const contact = y.user('enhet1@demo.test');
	const mail = (to: string, subject: string) =>
		y.db.insert(table.outbox).values({ messageId: `<${subject}@test>`, toAddress: to, subject, bodyText: `Hej ${subject}`, status: 'sent', nextAttemptAt: new Date() }).run();
	const audits = (action: string) => y.db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();
	const archive = () => changePhase({ cycleId: y.cycle.id, to: 'archived', reason: 'Året är slut', actorId: admin });
	return { ...y, admin, examiner, contact, mail, audits, archive };
}

// The demo year and a PDF each take seconds on a busy machine.
describe('a person’s extract', { timeout: 30_000 }, () => {
	it('holds their account, roles, team, the assessments they wrote, e-mail to them and the audit entries about them', async () => {
		const y = year();
		y.mail('examinator1@demo.test', 'Tilldelning');
		y.mail('someone.else@demo.test', 'Annat');
		recordExtract(y.examiner.id, 'json', y.admin);
		const extract = personExtract(y.db, y.examiner.id)!;
		expect(extract.person).toMatchObject({ id: y.examiner.id, email: 'examinator1@demo.test', isAdmin: false, hasPassword: true });
		expect(extract.roles).toContainEqual(expect.objectContaining({ year: 2026, role: 'examiner' }));
		expect(extract.teams).toEqual([expect.objectContaining({ year: 2026, lead: true })]);
		const written = y.db.select().from(table.assessment).where(eq(table.assessment.examinerId, y.examiner.id)).all();
		expect(written.length).toBeGreaterThan(0);
		expect(extract.assessments).toHaveLength(written.length);
		expect(extract.assessments[0].criteria.length).toBe(7);
		expect(extract.assessments[0].unit).toEqual(expect.any(String));
		expect(extract.emails.map((e) => e.subject)).toEqual(['Tilldelning']);
		expect(extract.auditAboutThem.map((a) => [a.action, a.entityId])).toEqual([['person.extract', String(y.examiner.id)]]);
		expect(extract.auditByThem.length).toBeGreaterThan(0);
		const pdf = await extractPdf(extract, 'sv');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('of a unit contact holds their unit and contact details', () => {
		const y = year();
		const extract = personExtract(y.db, y.contact.id)!;
		expect(extract.unitContacts).toEqual([expect.objectContaining({ unit: 'Enheten för hemlösa', email: 'enhet1@demo.test' })]);
		expect(extract.assessments).toEqual([]);
	});

	it('is nothing for someone who does not exist', () => {
		expect(personExtract(year().db, 999_999)).toBeNull();
	});
});

describe('finding, correcting, erasing and pseudonymising a person', { timeout: 30_000 }, () => {
	it('finds people by part of a name or address, but not on one letter', () => {
		year();
		expect(findPeople('examinator1@').map((p) => p.email)).toEqual(['examinator1@demo.test']);
		expect(findPeople('e')).toEqual([]);
		expect(findPeople('100%')).toEqual([]);
	});

	it('refuses a bad correction with Swedish messages', () => {
		const result = parseCorrection({ name: '', email: 'inte-en-adress' }, messages('sv'));
		expect(result).toEqual({ ok: false, errors: { name: 'Skriv ett namn, högst 200 tecken.', email: 'Skriv en e-postadress som namn@exempel.se.' } });
	});

	it('corrects name and address, the unit contact that is them too, and logs which fields changed but not the values', () => {
		const y = year();
		const was = { name: y.contact.name, email: y.contact.email };
		expect(correctPerson({ userId: y.contact.id, was, name: 'Sara Lind', email: 'sara.lind@demo.test', actorId: y.admin })).toEqual({ ok: true });
		expect(y.db.select().from(table.unitContact).where(eq(table.unitContact.userId, y.contact.id)).get()).toMatchObject({ name: 'Sara Lind', email: 'sara.lind@demo.test' });
		const [audit] = y.audits('person.correct');
		expect(audit).toMatchObject({ actorId: y.admin, entityType: 'user', entityId: String(y.contact.id), after: { fields: ['name', 'email'] } });
		expect(JSON.stringify(audit)).not.toContain('sara.lind');
		// A second admin still looking at the old details gets a conflict, not an overwrite.
		expect(correctPerson({ userId: y.contact.id, was, name: 'Annan', email: 'annan@demo.test', actorId: y.admin })).toEqual({ ok: false, error: 'conflict' });
		expect(correctPerson({ userId: y.contact.id, was: { name: 'Sara Lind', email: 'sara.lind@demo.test' }, name: 'Sara Lind', email: 'admin@demo.test', actorId: y.admin })).toEqual({ ok: false, error: 'emailTaken' });
	});

	it('refuses to erase an examiner whose records are kept, and explains why', () => {
		const y = year();
		expect(personSummary(y.examiner.id)!.erasureRefusals).toEqual(['activeRoles', 'authoredRecords', 'auditActions']);
		expect(erasePerson({ userId: y.examiner.id, actorId: y.admin })).toEqual({ ok: false, error: 'refused', refusals: ['activeRoles', 'authoredRecords', 'auditActions'] });
		expect(y.db.select().from(table.user).where(eq(table.user.id, y.examiner.id)).get()).toBeDefined();
		expect(y.audits('person.erase')).toEqual([]);
	});

	it('erases a person no record needs, with their unit contact and the e-mail to them', () => {
		const y = year();
		const id = y.db.insert(table.user).values({ email: 'ny.kontakt@demo.test', name: 'Ny Kontakt' }).returning().get().id;
		// A unit that does not enter the year under way.
		const entering = new Set(y.db.select().from(table.entry).all().map((e) => e.unitId));
		const unitId = y.db.select().from(table.unit).all().find((u) => !entering.has(u.id))!.id;
		y.db.insert(table.unitContact).values({ unitId, userId: id, name: 'Ny Kontakt', email: 'ny.kontakt@demo.test' }).run();
		y.mail('ny.kontakt@demo.test', 'Välkommen');
		expect(personSummary(id)!.erasureRefusals).toEqual([]);
		expect(erasePerson({ userId: id, actorId: y.admin })).toEqual({ ok: true });
		expect(y.db.select().from(table.user).where(eq(table.user.id, id)).get()).toBeUndefined();
		expect(y.db.select().from(table.unitContact).where(eq(table.unitContact.email, 'ny.kontakt@demo.test')).all()).toEqual([]);
		expect(y.db.select().from(table.outbox).where(eq(table.outbox.toAddress, 'ny.kontakt@demo.test')).all()).toEqual([]);
		expect(y.audits('person.erase')).toEqual([expect.objectContaining({ actorId: y.admin, entityId: String(id), before: null, after: null })]);
	});

	it('pseudonymises instead once the person has no part in a cycle under way, and never the award office', () => {
		const y = year();
		expect(pseudonymisePerson({ userId: y.examiner.id, actorId: y.admin })).toEqual({ ok: false, error: 'refused', refusals: ['activeRoles'] });
		expect(pseudonymisePerson({ userId: y.admin, actorId: y.admin })).toMatchObject({ ok: false, refusals: ['admin'] });
		y.archive();
		expect(personSummary(y.examiner.id)!.mayPseudonymise).toBe(true);
		expect(pseudonymisePerson({ userId: y.examiner.id, actorId: y.admin })).toEqual({ ok: true });
		const after = personSummary(y.examiner.id)!;
		expect(after).toMatchObject({ name: `Pseudonym P${y.examiner.id}`, pseudonymised: true, mayPseudonymise: false });
		expect(y.audits('person.pseudonymise')).toEqual([expect.objectContaining({ entityId: String(y.examiner.id) })]);
		expect(pseudonymisePerson({ userId: y.examiner.id, actorId: y.admin })).toEqual({ ok: false, error: 'pseudonymised' });
	});
});
