/**
 * The feedback report as a PDF, on the tool's PDF base (../pdf/document.ts): A4 in the city's sober
 * look, DejaVu Sans embedded so every name prints, tagged (headings, paragraphs, lists), the title
 * and language in the metadata, a header and "Sida n av m" on every page. The document is Swedish,
 * like the report's texts.
 */
import { createPdf, PDF_COLOURS } from '../pdf/document';
import { bandName } from '../../domain/default-model';
import type { ReportContent, ReportStatus } from '../../domain/feedback';
import { messages } from '../../i18n';
import { fileSlug } from '../../domain/archive';
import { writeChange, writeSelfComparison, writeSelfLines } from './pdf-self';

export interface PdfMeta {
	status: ReportStatus;
	releasedAt: Date | null;
	/** PDF/A for the archive package; then dated by its release. */
	archival?: boolean;
}

const daySv = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });

export function renderReportPdf(content: ReportContent, meta: PdfMeta): Promise<Buffer> {
	const r = messages('sv').feedback.report;
	const scale = messages('sv').scoring.scale;
	const title = r.reportFor(content.unit.name);
	const pdf = createPdf({
		title,
		author: r.city,
		subject: `${content.cycle.name} – ${content.awardClass.sv}`,
		lang: 'sv-SE',
		creationDate: meta.releasedAt ?? new Date(),
		header: { left: r.city, right: `${content.cycle.name} · ${r.documentName}` },
		footer: content.unit.name,
		pageLabel: r.page,
		archival: meta.archival
	});
	const list = (items: string[]) => (items.length > 0 ? pdf.list(items) : pdf.paragraph(r.nothing, { colour: PDF_COLOURS.muted }));

	pdf.heading('H1', title);
	pdf.doc.moveDown(0.3);
	if (meta.status !== 'released') pdf.paragraph(meta.status === 'approved' ? r.approvedNotice : r.draftNotice, { colour: PDF_COLOURS.alert });
	pdf.paragraph(content.unit.name, { label: r.unit });
	pdf.paragraph(content.unit.organisation, { label: r.organisation });
	pdf.paragraph(content.awardClass.sv, { label: r.awardClass });
	pdf.paragraph(content.cycle.name, { label: r.cycle });
	if (meta.releasedAt) pdf.paragraph(daySv.format(meta.releasedAt), { label: r.released });

	pdf.heading('H2', r.jury);
	pdf.paragraph(r.outcome[content.jury.outcome]);
	if (content.jury.citation) pdf.paragraph(content.jury.citation, { label: r.citation });
	if (content.jury.noAwardInClass) pdf.paragraph(content.jury.noAwardInClass, { label: r.noAwardInClass });

	pdf.heading('H2', r.summary);
	const paragraphs = content.summary.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
	if (paragraphs.length === 0) pdf.paragraph(r.nothing, { colour: PDF_COLOURS.muted });
	for (const p of paragraphs) pdf.paragraph(p);

	writeSelfComparison(pdf, content);
	writeChange(pdf, content);

	pdf.heading('H2', r.criteria);
	pdf.paragraph(scale.explained, { label: scale.title });
	const anySelf = content.criteria.some((c) => c.self);
	for (const c of content.criteria) {
		pdf.heading('H3', c.titleSv);
		const level = c.band === null ? r.noBand : `${scale.band(bandName(c.band))} – ${c.bandText}`;
		pdf.paragraph(c.score !== null ? `${level} ${r.score(c.score)}` : level, { colour: PDF_COLOURS.muted });
		writeSelfLines(pdf, c, anySelf);
		pdf.heading('H4', r.strengths);
		list(c.strengths);
		pdf.heading('H4', r.improvements);
		list(c.improvements);
	}

	pdf.heading('H2', r.team);
	list(content.team.map((t) => (t.lead ? `${t.name} (${r.lead})` : t.name)));
	return pdf.finish();
}

/** "aterkoppling-2026-forskolan-ekorren.pdf": plain ASCII, safe in a Content-Disposition header. */
export function pdfFileName(content: ReportContent): string {
	return `aterkoppling-${content.cycle.year}-${fileSlug(content.unit.name) || 'rapport'}.pdf`;
}
