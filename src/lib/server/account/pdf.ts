/**
 * The submitted account typeset as the entry's PDF, on the same base and in the same look as the
 * feedback reports (../pdf/document.ts): headings per criterion, each question in bold, answers
 * as paragraphs and lists the way the unit wrote them (`textBlocks`), and per criterion the unit's
 * own band and reason where it made one. It is typeset in two forms, each kept in the document
 * store once made: with the self-assessment for those who may see it, and without it for the
 * others (the team and the jury before the consensus is done). "Open the account" gives the one
 * the reader may see. It is PDF/A, dated by its submission, so the archive package takes it as it
 * is (docs/records.md), and the same submitted account always gives the same bytes.
 */
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { createPdf } from '../pdf/document';
import { storePdfBytes } from '../registry/documents';
import { cycleCriteria, entryNames } from '../scoring/assessments';
import { formatDateTime, messages } from '$lib/i18n';
import { madeSelf, textBlocks, type AccountDoc } from '$lib/domain/account';
import { selfAssessmentVisible } from '$lib/domain/self-assessment';
import { accountShape, listAttachments, readAccount, readAccountForRecord, type AccountReader, type SavedAccount } from './store';

export interface TypesetSource {
	unitName: string;
	cycleName: string;
	criteria: { id: number; titleSv: string; questions: string[] }[];
	doc: AccountDoc;
	submittedAt: Date | null;
	sha256: string | null;
	attachments: string[];
}

export function renderAccountPdf(s: TypesetSource): Promise<Buffer> {
	const m = messages('sv').accountForm;
	const title = m.pdf.title(s.unitName);
	const pdf = createPdf({
		title,
		author: m.pdf.author,
		subject: s.cycleName,
		lang: 'sv-SE',
		creationDate: s.submittedAt ?? new Date(),
		archival: true,
		header: { left: m.pdf.author, right: `${s.cycleName} · ${m.pdf.document}` },
		footer: s.unitName,
		pageLabel: m.pdf.page
	});
	const answer = (text: string) => {
		const blocks = textBlocks(text);
		if (blocks.length === 0) pdf.paragraph(m.reading.noAnswer);
		for (const b of blocks) {
			if (b.kind === 'list') pdf.list(b.items);
			else pdf.paragraph(b.text);
		}
	};
	pdf.heading('H1', title);
	if (s.submittedAt) pdf.paragraph(m.pdf.submitted(formatDateTime(s.submittedAt, 'sv')));
	if (s.sha256) pdf.paragraph(m.pdf.checksum(s.sha256), { size: 8 });
	pdf.heading('H2', m.introduction);
	answer(s.doc.introduction);
	s.criteria.forEach((c, i) => {
		pdf.heading('H2', `${i + 1}. ${c.titleSv}`);
		const criterion = s.doc.criteria.find((a) => a.criterionId === c.id);
		c.questions.forEach((q, k) => {
			pdf.heading('H4', q);
			answer(criterion?.answers[k] ?? '');
		});
		// "Egen bedömning: Nivå 5 av 6 (70–85 poäng) – the reason", the band named as the scale names it.
		const self = madeSelf(criterion?.self);
		if (self) pdf.paragraph(`${m.self.title}: ${m.self.inWords(self)}`);
	});
	if (s.attachments.length > 0) {
		pdf.heading('H2', m.attachments.title);
		pdf.list(s.attachments);
	}
	return pdf.finish();
}

/** The saved, submitted account typeset with what it holds. */
function typeset(saved: SavedAccount, entryId: number, cycleId: number): Promise<Buffer> {
	const cycle = db().select({ name: table.cycle.name }).from(table.cycle).where(eq(table.cycle.id, cycleId)).get()!;
	return renderAccountPdf({
		unitName: entryNames(entryId).unitName,
		cycleName: cycle.name,
		criteria: cycleCriteria(cycleId),
		doc: saved.doc,
		submittedAt: saved.submittedAt === null ? null : new Date(saved.submittedAt),
		sha256: saved.receiptSha256,
		attachments: listAttachments(saved.id).map((a) => a.fileName)
	});
}

/**
 * The typeset PDF of the entry's submitted account as the city's record keeps it (with the unit's
 * own view once the consensus is done), made now and not stored; null when none was submitted.
 */
export async function typesetAccount(entryId: number, cycleId: number, consensusDone: boolean): Promise<Buffer | null> {
	const saved = readAccountForRecord(entryId, accountShape(cycleId), consensusDone);
	return saved?.status === 'submitted' ? typeset(saved, entryId, cycleId) : null;
}

/**
 * The typeset PDF of the entry's submitted account as this reader may see it, made and stored the
 * first time that form is asked for; null when the account was not handed in as a form.
 */
export async function submittedAccountPdf(reader: AccountReader, cycleId: number): Promise<{ sha256: string; fileName: string } | null> {
	const entryId = reader.entry.id;
	const saved = readAccount(reader, accountShape(cycleId));
	if (!saved || saved.status !== 'submitted') return null;
	const withSelf = selfAssessmentVisible(reader.viewer, reader.facts);
	const fileName = messages('sv').accountForm.pdf.fileName(entryNames(entryId).unitName);
	const kept = withSelf ? saved.pdfSha256 : saved.pdfWithoutSelfSha256;
	if (kept) return { sha256: kept, fileName };
	const stored = storePdfBytes(await typeset(saved, entryId, cycleId));
	if (!stored.ok) throw new Error(`the typeset account was refused: ${stored.reason}`);
	// Only while still submitted: a reopening in between makes the PDF stale, and it is made again.
	db()
		.update(table.account)
		.set(withSelf ? { pdfSha256: stored.sha256 } : { pdfWithoutSelfSha256: stored.sha256 })
		.where(and(eq(table.account.id, saved.id), eq(table.account.status, 'submitted')))
		.run();
	return { sha256: stored.sha256, fileName };
}
