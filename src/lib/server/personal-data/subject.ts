/**
 * Whom a person's page is about: a user, by id, or a contact person without a login, by the key of
 * their address (./contacts.ts). The page, its actions and its downloads ask through here, so both
 * kinds of person follow the same path and the same rules.
 */
import { db } from '../db';
import { correctPerson, erasePerson, personSummary, pseudonymisePerson, recordExtract, type PersonChange, type PersonSummary } from './manage';
import { contactAddress, contactRecords, contactSummary, correctContact, eraseContact, pseudonymiseContact, recordContactExtract } from './contacts';
import { personExtract, type PersonExtract } from './extract';
import { contactExtract, type ContactExtract } from './contact-extract';
import { contactExtractPdf, extractPdf } from './pdf';
import type { Locale } from '$lib/i18n';

export type Subject = { kind: 'user'; userId: number } | { kind: 'contact'; address: string };

/** The person a page's key names: a user's id, or a contact person's key; null for neither. */
export function subjectOf(key: string): Subject | null {
	if (/^\d{1,12}$/.test(key)) return { kind: 'user', userId: Number(key) };
	const address = contactAddress(key);
	return address ? { kind: 'contact', address } : null;
}

export function summaryOf(s: Subject): PersonSummary | null {
	return s.kind === 'user' ? personSummary(s.userId) : contactSummary(s.address);
}

export function correctSubject(s: Subject, input: { was: { name: string; email: string }; name: string; email: string; actorId: number }): PersonChange {
	return s.kind === 'user' ? correctPerson({ userId: s.userId, ...input }) : correctContact({ address: s.address, ...input });
}

export function eraseSubject(s: Subject, actorId: number): PersonChange {
	return s.kind === 'user' ? erasePerson({ userId: s.userId, actorId }) : eraseContact({ address: s.address, actorId });
}

export function pseudonymiseSubject(s: Subject, actorId: number): PersonChange {
	return s.kind === 'user' ? pseudonymisePerson({ userId: s.userId, actorId }) : pseudonymiseContact({ address: s.address, actorId });
}

export type SubjectExtract = { kind: 'user'; extract: PersonExtract } | { kind: 'contact'; extract: ContactExtract };

export function extractOf(s: Subject): SubjectExtract | null {
	if (s.kind === 'user') {
		const extract = personExtract(db(), s.userId);
		return extract && { kind: 'user', extract };
	}
	const extract = contactExtract(db(), s.address);
	return extract && { kind: 'contact', extract };
}

export function extractPdfOf(e: SubjectExtract, locale: Locale): Promise<Buffer> {
	return e.kind === 'user' ? extractPdf(e.extract, locale) : contactExtractPdf(e.extract, locale);
}

/** Logs that the admin took out the person's data, in which form. */
export function recordSubjectExtract(s: Subject, format: 'json' | 'pdf', actorId: number): void {
	if (s.kind === 'user') recordExtract(s.userId, format, actorId);
	else recordContactExtract(contactRecords(db(), s.address), format, actorId);
}
