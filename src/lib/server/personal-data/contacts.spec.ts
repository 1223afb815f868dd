import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import * as table from '../db/schema';
import { feedbackYear } from '../test-support/feedback';
import { changePhase } from '../cycles/phase';
import { findPeople } from './manage';
import { contactAddress, contactKey, contactSummary, correctContact, eraseContact, pseudonymiseContact, recordContactExtract, contactRecords } from './contacts';
import { contactExtract } from './contact-extract';
import { contactExtractPdf } from './pdf';

/**
 * The demo year, where the second unit's manager is its contact at enhet2@demo.test without an
 * account, and a coordinator's proposal of a new unit names that manager as its contact too.
 */
function year() {
	const y = feedbackYear();
	const admin = y.user('admin@demo.test').id;
	const contact = y.db.select().from(table.unitContact).where(eq(table.unitContact.email, 'enhet2@demo.test')).get()!;
	expect(contact.userId).toBeNull();
	const coordinator = y.db.select().from(table.coordinator).get()!;
	const classId = y.db.select().from(table.awardClass).where(eq(table.awardClass.cycleId, y.cycle.id)).get()!.id;
	const proposal = y.db
		.insert(table.unitProposal)
		.values({ cycleId: y.cycle.id, organisationId: coordinator.organisationId, name: 'Nya enheten', classId, contactName: contact.name, contactEmail: 'Enhet2@demo.test', proposedBy: coordinator.userId })
		.returning()
		.get();
	const mail = (to: string, subject: string) =>
		y.db.insert(table.outbox).values({ messageId: `<${subject}@test>`, toAddress: to, subject, bodyText: `Hej ${subject}`, status: 'sent', nextAttemptAt: new Date() }).run();
	const audits = (action: string) => y.db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();
	const archive = () => expect(changePhase({ cycleId: y.cycle.id, to: 'archived', reason: 'Året är slut', actorId: admin })).toMatchObject({ ok: true });
	return { ...y, admin, contact, proposal, mail, audits, archive, address: 'enhet2@demo.test' };
}

describe('a contact person without a login', { timeout: 30_000 }, () => {
	it('is found by part of their name or address, once, under a key that hides the address', () => {
		const y = year();
		const found = findPeople('enhet2@');
		expect(found).toEqual([{ key: contactKey(y.address), name: y.contact.name, email: y.address, isAdmin: false, withoutLogin: true }]);
		expect(found[0].key).not.toContain('enhet2');
		expect(findPeople(y.contact.name.split(' ')[0]).some((p) => p.withoutLogin && p.email === y.address)).toBe(true);
		expect(contactAddress(found[0].key)).toBe(y.address);
		expect(contactAddress('k000000000000000000000000')).toBeNull();
		// A contact whose address a user has is that user, found once, as the user.
		expect(findPeople('enhet1@').map((p) => [p.email, p.withoutLogin])).toEqual([['enhet1@demo.test', false]]);
	});

	it('has an extract, JSON and PDF, of the units and proposals naming them, the e-mail to them and the log about them', async () => {
		const y = year();
		y.mail('enhet2@demo.test', 'Påminnelse');
		y.mail('enhet3@demo.test', 'Annan');
		recordContactExtract(contactRecords(y.db, y.address), 'json', y.admin);
		const extract = contactExtract(y.db, y.address)!;
		expect(extract.person).toEqual({ name: y.contact.name, email: y.address, withoutLogin: true });
		expect(extract.unitContacts).toEqual([expect.objectContaining({ unit: 'Tillfälliga boenden', email: y.address, title: 'Enhetschef', entered: [2025, 2026] })]);
		expect(extract.proposals).toEqual([expect.objectContaining({ year: 2026, unit: 'Nya enheten', status: 'proposed', email: 'Enhet2@demo.test' })]);
		expect(extract.emails.map((e) => e.subject)).toEqual(['Påminnelse']);
		expect(extract.auditAboutThem.map((a) => [a.action, a.after])).toEqual([['person.extract', { format: 'json', contactIds: [y.contact.id], proposalIds: [y.proposal.id] }]]);
		const pdf = await contactExtractPdf(extract, 'sv');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(contactExtract(y.db, 'ingen@demo.test')).toBeNull();
	});

	it('is corrected on every row that names them, with a conflict for stale details and no values in the log', () => {
		const y = year();
		const was = { name: y.contact.name, email: y.address };
		expect(correctContact({ address: y.address, was: { ...was, name: 'Gammalt namn' }, name: 'Sara Lind', email: 'sara.lind@demo.test', actorId: y.admin })).toEqual({ ok: false, error: 'conflict' });
		expect(correctContact({ address: y.address, was, name: 'Sara Lind', email: 'admin@demo.test', actorId: y.admin })).toEqual({ ok: false, error: 'emailTaken' });
		expect(correctContact({ address: y.address, was, name: 'Sara Lind', email: 'enhet4@demo.test', actorId: y.admin })).toEqual({ ok: false, error: 'emailTaken' });
		expect(y.audits('person.correct')).toEqual([]);
		expect(correctContact({ address: y.address, was, name: 'Sara Lind', email: 'sara.lind@demo.test', actorId: y.admin })).toEqual({ ok: true });
		expect(y.db.select().from(table.unitContact).where(eq(table.unitContact.id, y.contact.id)).get()).toMatchObject({ name: 'Sara Lind', email: 'sara.lind@demo.test' });
		expect(y.db.select().from(table.unitProposal).where(eq(table.unitProposal.id, y.proposal.id)).get()).toMatchObject({ contactName: 'Sara Lind', contactEmail: 'sara.lind@demo.test' });
		const [audit] = y.audits('person.correct');
		expect(audit).toMatchObject({ actorId: y.admin, entityType: 'contact_person', after: { fields: ['name', 'email'], contactIds: [y.contact.id], proposalIds: [y.proposal.id] } });
		expect(JSON.stringify(audit)).not.toMatch(/sara|Lind/);
		expect(contactSummary('sara.lind@demo.test')).toMatchObject({ name: 'Sara Lind', withoutLogin: true });
	});

	it('is neither erased nor pseudonymised while their unit enters a cycle under way, and says why', () => {
		const y = year();
		expect(contactSummary(y.address)).toMatchObject({ erasureRefusals: ['activeRoles', 'namedInProposals'], mayPseudonymise: false });
		expect(eraseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: false, error: 'refused', refusals: ['activeRoles', 'namedInProposals'] });
		expect(pseudonymiseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: false, error: 'refused', refusals: ['activeRoles'] });
		expect(y.db.select().from(table.unitContact).where(eq(table.unitContact.id, y.contact.id)).get()!.email).toBe(y.address);
	});

	it('once the year is archived, is pseudonymised where a proposal keeps their name: every row, the delivered e-mail gone', () => {
		const y = year();
		y.archive();
		y.mail('enhet2@demo.test', 'Kvitto');
		expect(contactSummary(y.address)).toMatchObject({ erasureRefusals: ['namedInProposals'], mayPseudonymise: true });
		expect(eraseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: false, error: 'refused', refusals: ['namedInProposals'] });
		expect(pseudonymiseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: true });
		expect(y.db.select().from(table.unitContact).where(eq(table.unitContact.id, y.contact.id)).get()).toMatchObject({ name: `Pseudonym K${y.contact.id}`, email: `k${y.contact.id}@pseudonymiserad.invalid`, phone: null, title: null });
		expect(y.db.select().from(table.unitProposal).where(eq(table.unitProposal.id, y.proposal.id)).get()).toMatchObject({ contactName: `Pseudonym F${y.proposal.id}`, contactEmail: `f${y.proposal.id}@pseudonymiserad.invalid` });
		expect(y.db.select().from(table.outbox).where(eq(table.outbox.toAddress, y.address)).all()).toEqual([]);
		expect(y.audits('person.pseudonymise')).toEqual([expect.objectContaining({ entityType: 'contact_person', after: { contactIds: [y.contact.id], proposalIds: [y.proposal.id] } })]);
		expect(contactSummary(y.address)).toBeNull();
		expect(findPeople('enhet2@')).toEqual([]);
	});

	it('once the year is archived, is erased where no kept record names them', () => {
		const y = year();
		y.db.delete(table.unitProposal).where(eq(table.unitProposal.id, y.proposal.id)).run();
		y.archive();
		y.mail('enhet2@demo.test', 'Kvitto');
		expect(contactSummary(y.address)!.erasureRefusals).toEqual([]);
		expect(eraseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: true });
		expect(y.db.select().from(table.unitContact).where(and(eq(table.unitContact.email, y.address), isNull(table.unitContact.userId))).all()).toEqual([]);
		expect(y.db.select().from(table.outbox).where(eq(table.outbox.toAddress, y.address)).all()).toEqual([]);
		expect(y.audits('person.erase')).toEqual([expect.objectContaining({ actorId: y.admin, entityType: 'contact_person', after: { contactIds: [y.contact.id], proposalIds: [] } })]);
		expect(eraseContact({ address: y.address, actorId: y.admin })).toEqual({ ok: false, error: 'notFound' });
	});
});
