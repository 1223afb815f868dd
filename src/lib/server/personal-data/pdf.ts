/** A person's extract as a tagged PDF, section by section in the order of the JSON file. */
import { createPdf } from '../pdf/document';
import { formatDateTime, messages, type Locale } from '$lib/i18n';
import type { PersonExtract } from './extract';
import type { ContactExtract } from './contact-extract';

/** The extract's document: title, header and the time it was made, and a writer of sections. */
function extractDocument(name: string, madeAt: string, locale: Locale) {
	const m = messages(locale);
	const t = m.retention.person.pdf;
	const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : m.common.none);
	const title = t.title(name);
	const pdf = createPdf({
		title,
		author: m.app.long,
		subject: title,
		lang: locale === 'sv' ? 'sv-SE' : 'en-GB',
		creationDate: new Date(madeAt),
		header: { left: m.app.long, right: name },
		footer: `${t.madeAt} ${when(madeAt)}`,
		pageLabel: t.page
	});
	/** A section: its heading, then its lines as a list, or "none". */
	const section = (heading: string, lines: string[]) => {
		pdf.heading('H2', heading);
		if (lines.length === 0) pdf.paragraph(t.none);
		else pdf.list(lines);
	};
	pdf.heading('H1', title);
	pdf.paragraph(when(madeAt), { label: t.madeAt });
	return { m, t, pdf, when, section };
}

export async function extractPdf(extract: PersonExtract, locale: Locale): Promise<Buffer> {
	const { m, t, pdf, when, section } = extractDocument(extract.person.name, extract.madeAt, locale);
	const yesNo = (b: boolean) => (b ? t.yes : t.no);
	const p = extract.person;
	section(t.account, [
		`${m.retention.person.name}: ${p.name}`,
		`${m.retention.person.email}: ${p.email}`,
		`${m.retention.person.admin}: ${yesNo(p.isAdmin)}`,
		`${when(p.createdAt)}`,
		...(p.cityAccount ? [`${p.cityAccount.issuer} ${p.cityAccount.subject} (${when(p.cityAccount.boundAt)})`] : [])
	]);
	section(t.roles, extract.roles.map((r) => `${r.year}: ${r.role}${r.organisation ? ` (${r.organisation})` : ''}`));
	section(t.teams, extract.teams.map((r) => `${r.year}: ${r.team}${r.lead ? ` (${m.roles.lead})` : ''}`));
	section(t.profiles, extract.examinerProfiles.map((r) => `${r.year}: ${[r.organisation, r.trainedYear, r.capacity].filter((v) => v !== null).join(', ')}`));
	section(t.contacts, extract.unitContacts.map((c) => [c.unit, c.name, c.email, c.phone, c.title].filter(Boolean).join(', ')));
	pdf.heading('H2', t.assessments);
	if (extract.assessments.length === 0) pdf.paragraph(t.none);
	for (const a of extract.assessments) {
		pdf.heading('H3', `${a.year}: ${a.unit} (${a.status}${a.submittedAt ? `, ${when(a.submittedAt)}` : ''})`);
		if (a.notes) pdf.paragraph(a.notes);
		pdf.list(a.criteria.map((c) => [`${c.criterion}: ${c.score ?? m.common.none}`, ...c.strengths.map((s) => `+ ${s}`), ...c.improvements.map((s) => `– ${s}`), c.notes].filter(Boolean).join('\n')));
	}
	section(t.conflicts, extract.conflicts.map((c) => `${c.year}: ${c.unit}, ${c.reason}${c.note ? ` – ${c.note}` : ''} (${when(c.declaredAt)})`));
	section(t.ballots, extract.ballots.map((b) => `${b.year}: ${b.class} (${when(b.updatedAt)})`));
	section(t.decisions, extract.decisions.map((d) => `${d.year}: ${d.class}, ${d.unit ?? m.common.none}, ${d.outcome}${d.citation ? ` – ${d.citation}` : ''}`));
	section(t.emails, extract.emails.map((e) => `${when(e.queuedAt)}: ${e.subject} (${e.status})`));
	section(t.signIns, [
		...extract.signIns.sessions.map((s) => `${when(s.expiresAt)}`),
		...extract.signIns.links.map((l) => `${when(l.createdAt)} → ${when(l.usedAt)}`)
	]);
	section(t.auditAbout, extract.auditAboutThem.map((a) => `${when(a.at)}: ${a.action}${a.reason ? ` – ${a.reason}` : ''}`));
	section(t.auditBy, extract.auditByThem.map((a) => `${when(a.at)}: ${a.action} (${a.entityType} ${a.entityId ?? ''})`.trim()));
	return pdf.finish();
}

/** A contact person's extract: where the tool names them, the e-mail to them and the log about them. */
export async function contactExtractPdf(extract: ContactExtract, locale: Locale): Promise<Buffer> {
	const { m, t, pdf, when, section } = extractDocument(extract.person.name, extract.madeAt, locale);
	section(t.account, [`${m.retention.person.name}: ${extract.person.name}`, `${m.retention.person.email}: ${extract.person.email}`, t.withoutLogin]);
	section(t.contacts, extract.unitContacts.map((c) => [`${c.unit} (${c.organisation})`, c.name, c.email, c.phone, c.title, c.entered.length > 0 ? t.entered(c.entered.join(', ')) : null].filter(Boolean).join(', ')));
	section(t.proposals, extract.proposals.map((p) => `${p.year}: ${p.unit} (${p.organisation}), ${p.name}, ${p.email}, ${m.registration.coordinator.proposalStatuses[p.status]} (${when(p.proposedAt)})`));
	section(t.emails, extract.emails.map((e) => `${when(e.queuedAt)}: ${e.subject} (${e.status})`));
	section(t.auditAbout, extract.auditAboutThem.map((a) => `${when(a.at)}: ${a.action}${a.reason ? ` – ${a.reason}` : ''}`));
	return pdf.finish();
}
