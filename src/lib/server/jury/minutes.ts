/**
 * The minutes (protokoll) of the jury meeting: date, place, those present, the decisions and
 * citations per class and the chair's name; as data for the printable page and as a PDF. Once the
 * decisions are closed they are the public record and everyone reads them whole; the draft before
 * that is read like every other jury page, without what concerns the entries the reader is barred from.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { finalistRows, juryMembers, memberConflicts } from './jury';
import { meetingOf } from './decisions';
import { OUTCOME_ORDER } from '$lib/domain/decisions';
import { createPdf, PDF_COLOURS } from '../pdf/document';
import { formatDate, formatDateTime, messages, type Locale } from '$lib/i18n';
import { localised } from '$lib/i18n/names';
import { NONE_BARRED, withoutBarred, type Barred } from '$lib/domain/entry-state';
import { byOutcome } from '$lib/domain/decisions';

export interface MinutesDecision {
	outcome: 'award' | 'mention' | 'none';
	unitName: string | null;
	organisation: string | null;
	citation: string;
}

export interface Minutes {
	cycleName: string;
	meeting: { date: string | null; place: string } | null;
	present: { name: string; role: 'chair' | 'juror' }[];
	/** Members with a conflict of interest on a finalist, who took no part in deciding on it. */
	conflicts: { name: string; finalists: string[] }[];
	classes: { id: number; nameSv: string; nameEn: string; decisions: MinutesDecision[] }[];
	chair: string | null;
	closedAt: Date | null;
	closedBy: string | null;
	/** A draft read by someone barred from entries: what concerns those is left out. */
	partial: boolean;
	/** The signature blocks a Swedish protocol closes with, in order. */
	signatures: Signature[];
}

/**
 * One signature block: "Vid protokollet" for the one who kept the minutes, "Justeras" for the chair
 * and the adjuster. The chair's name is printed under the line; the others are clarified by hand,
 * since the tool does not know who kept the minutes or adjusts them.
 */
export interface Signature {
	clause: 'record' | 'adjust' | null;
	role: 'secretary' | 'chair' | 'adjuster';
	name: string | null;
}

function signaturesOf(chair: string | null): Signature[] {
	return [
		{ clause: 'record', role: 'secretary', name: null },
		{ clause: 'adjust', role: 'chair', name: chair },
		{ clause: null, role: 'adjuster', name: null }
	];
}

/** What the reader of the minutes or the meeting screen is barred from: nothing once the decisions are closed. */
function barredFromRecord(closedAt: Date | null, barred: Barred): Barred {
	return closedAt ? NONE_BARRED : barred;
}

export function minutesOf(cycleId: number, readerBarred: Barred): Minutes | null {
	const d = db();
	const cycle = d.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get();
	if (!cycle) return null;
	const barred = barredFromRecord(cycle.decisionsClosedAt, readerBarred);
	const members = juryMembers(cycleId, d);
	const meeting = meetingOf(d, cycleId);
	const present = meeting ? members.filter((m) => meeting.presentUserIds.includes(m.userId)) : [];
	const chair = members.find((m) => m.role === 'chair')?.name ?? null;
	const classes = d
		.select()
		.from(table.awardClass)
		.where(eq(table.awardClass.cycleId, cycleId))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id))
		.all();
	const rows = classes.length
		? d
				.select({
					classId: table.decision.classId,
					entryId: table.decision.entryId,
					outcome: table.decision.outcome,
					citation: table.decision.citation,
					unitName: table.unit.name,
					organisation: table.organisation.name
				})
				.from(table.decision)
				.leftJoin(table.entry, eq(table.entry.id, table.decision.entryId))
				.leftJoin(table.unit, eq(table.unit.id, table.entry.unitId))
				.leftJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
				.where(and(eq(table.decision.cycleId, cycleId), inArray(table.decision.classId, classes.map((c) => c.id))))
				.orderBy(asc(table.decision.id))
				.all()
		: [];
	const closedBy = cycle.decisionsClosedBy
		? (d.select({ name: table.user.name }).from(table.user).where(eq(table.user.id, cycle.decisionsClosedBy)).get()?.name ?? null)
		: null;
	return {
		cycleName: cycle.name,
		meeting: meeting ? { date: meeting.meetingDate, place: meeting.place } : null,
		present: present.map((p) => ({ name: p.name, role: p.role })),
		conflicts: memberConflicts(cycleId, barred, d)
			.filter((c) => c.finalists.length > 0)
			.map(({ name, finalists }) => ({ name, finalists })),
		classes: classes.map((c) => ({
			id: c.id,
			nameSv: c.nameSv,
			nameEn: c.nameEn,
			decisions: withoutBarred(rows, barred)
				.filter((r) => r.classId === c.id)
				.sort(byOutcome)
				.map(({ outcome, citation, unitName, organisation }) => ({ outcome, citation, unitName, organisation }))
		})),
		chair,
		closedAt: cycle.decisionsClosedAt,
		closedBy,
		partial: barred.size > 0,
		signatures: signaturesOf(chair)
	};
}

// Lines to sign and write on by hand, as on a printed protocol.
const SIGNATURE_LINE = '_'.repeat(44);
const SIGNATURE_BLANK = '_'.repeat(28);

/**
 * The minutes as a tagged PDF in the reader's language; with `archival`, PDF/A for the archive
 * package, dated `creationDate` while the decisions are still open.
 */
export function minutesPdf(minutes: Minutes, locale: Locale, options: { archival?: boolean; creationDate?: Date } = {}): Promise<Buffer> {
	const all = messages(locale);
	const m = all.juryWork.minutes;
	const outcomes = all.juryWork.outcomes;
	const date = (v: string | Date | null) => formatDate(v, locale);
	const pdf = createPdf({
		title: m.pdfTitle(minutes.cycleName),
		author: all.app.long,
		subject: m.heading,
		lang: locale === 'sv' ? 'sv-SE' : 'en-GB',
		creationDate: minutes.closedAt ?? options.creationDate ?? new Date(),
		header: { left: all.app.long, right: `${minutes.cycleName} · ${m.title}` },
		footer: minutes.closedAt ? m.closed(date(minutes.closedAt)) : m.draft,
		pageLabel: m.page,
		archival: options.archival
	});
	pdf.heading('H1', m.heading);
	if (!minutes.closedAt) pdf.paragraph(m.draft, { colour: PDF_COLOURS.alert });
	if (minutes.partial) pdf.paragraph(m.partial);
	pdf.paragraph(minutes.cycleName, { label: m.cycle });
	pdf.paragraph(minutes.meeting?.date ? date(minutes.meeting.date) : m.notRecorded, { label: m.date });
	pdf.paragraph(minutes.meeting?.place || m.notRecorded, { label: m.place });
	pdf.paragraph(
		minutes.present.length ? minutes.present.map((p) => `${p.name} (${m.roles[p.role]})`).join(', ') : m.notRecorded,
		{ label: m.present }
	);

	pdf.paragraph(
		minutes.conflicts.length
			? minutes.conflicts.map((c) => m.conflictLine(c.name, c.finalists.join(', '))).join(' ')
			: minutes.partial ? '–' : m.noConflicts,
		{ label: m.conflicts }
	);

	pdf.heading('H2', m.decisions);
	for (const c of minutes.classes) {
		pdf.heading('H3', localised(locale, c, 'name'));
		if (c.decisions.length === 0) pdf.paragraph(m.noDecision);
		for (const d of c.decisions) {
			if (d.outcome === 'none') {
				pdf.paragraph(outcomes.none);
				pdf.paragraph(d.citation, { label: m.reason });
			} else {
				pdf.paragraph(`${d.unitName} (${d.organisation})`, { label: outcomes[d.outcome] });
				pdf.paragraph(d.citation, { label: m.citation });
			}
		}
	}

	pdf.heading('H2', m.status);
	pdf.paragraph(minutes.closedAt ? m.closed(formatDateTime(minutes.closedAt, locale)) : m.draft);
	pdf.paragraph(minutes.chair ?? m.notRecorded, { label: m.chair });
	if (minutes.closedBy) pdf.paragraph(minutes.closedBy, { label: m.closedBy });

	pdf.heading('H2', m.signing.title);
	for (const s of minutes.signatures) {
		if (s.clause) pdf.heading('H4', m.signing[s.clause]);
		pdf.paragraph(SIGNATURE_LINE, { label: m.signing.signature });
		pdf.paragraph(s.name ?? SIGNATURE_BLANK, { label: `${m.signing.nameClarification} (${m.signing.roles[s.role]})` });
		pdf.paragraph(SIGNATURE_BLANK, { label: m.signing.date });
	}
	return pdf.finish();
}

export interface Slide {
	id: number;
	nameSv: string;
	nameEn: string;
	finalists: { unitName: string; organisation: string }[];
	/** Only once the decisions are closed; empty before. */
	decisions: MinutesDecision[];
}

/**
 * What the meeting room may see, one class per slide: the class, its finalists and, once closed,
 * the decisions with their citations. No scores, no ballots, nothing about conflicts.
 */
export function meetingSlides(cycleId: number, readerBarred: Barred): Slide[] {
	const minutes = minutesOf(cycleId, readerBarred);
	if (!minutes) return [];
	const finalists = finalistRows(db(), cycleId, barredFromRecord(minutes.closedAt, readerBarred));
	return minutes.classes.map((c) => ({
		id: c.id,
		nameSv: c.nameSv,
		nameEn: c.nameEn,
		finalists: finalists.filter((f) => f.classId === c.id).map(({ unitName, organisation }) => ({ unitName, organisation })),
		decisions: minutes.closedAt ? c.decisions : []
	}));
}
