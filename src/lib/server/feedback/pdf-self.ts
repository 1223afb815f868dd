/**
 * The report's PDF parts for the unit's own view (docs/feedback.md#6-the-units-own-view-and-its-change):
 * the two views side by side as a drawn chart with its table, the words per criterion, and a
 * returning unit's change since its last entry. Nothing is written when the report has neither,
 * so such a report prints as before.
 */
import { PDF_COLOURS, type PdfWriter } from '../pdf/document';
import { BANDS, bandName } from '../../domain/default-model';
import { bandGap, changeSince, compareSelf } from '../../domain/self-comparison';
import type { ReportContent, ReportCriterion } from '../../domain/feedback';
import { messages } from '../../i18n';

const m = () => messages('sv').selfComparison;
const OWN = '#9fbcd9';
const level = (band: number | null) => (band === null ? m().missing : m().level(bandName(band).level));

export function writeSelfComparison(pdf: PdfWriter, content: ReportContent): void {
	const comparison = compareSelf(content.criteria);
	if (!comparison) return;
	const t = m();
	const title = (key: string) => content.criteria.find((c) => c.key === key)?.titleSv ?? key;
	pdf.heading('H2', t.heading);
	pdf.paragraph(t.intro);
	pdf.paragraph(t.summary(comparison.counts));
	if (comparison.largest.length > 0) pdf.paragraph(t.largest(comparison.largest.map((r) => t.largestPart(title(r.key), r.gap!))));
	pdf.heading('H4', t.chartCaption);
	drawChart(pdf, content.criteria);
	pdf.table(
		[
			{ header: t.criterion, share: 0.36 },
			{ header: t.yours, share: 0.19 },
			{ header: t.team, share: 0.23 },
			{ header: t.difference, share: 0.22 }
		],
		comparison.rows.map((r) => [title(r.key), level(r.self?.band ?? null), level(r.team), r.gap === null ? t.missing : t.gapWords(r.gap)])
	);
}

/** Two bars per criterion on the scale's six levels: the unit's own (light) and the team's (blue). */
function drawChart(pdf: PdfWriter, criteria: ReportCriterion[]) {
	const t = m();
	const rowHeight = 30;
	const alt = criteria.map((c) => `${c.titleSv}: ${t.yours} ${level(c.self?.band ?? null)}, ${t.team} ${level(c.band)}`).join('; ');
	pdf.figure(alt, 34 + criteria.length * rowHeight, ({ x, y, width }) => {
		const { doc } = pdf;
		const labelWidth = width * 0.38;
		const plot = { x: x + labelWidth + 8, width: width - labelWidth - 8 };
		const at = (levels: number) => plot.x + (plot.width * levels) / BANDS.length;
		doc.font('regular').fontSize(8.5).fillColor(PDF_COLOURS.ink);
		doc.rect(plot.x, y + 2, 10, 8).fill(OWN).fillColor(PDF_COLOURS.ink).text(t.yours, plot.x + 14, y + 1, { lineBreak: false });
		const second = plot.x + plot.width / 2;
		doc.rect(second, y + 2, 10, 8).fill(PDF_COLOURS.blue).fillColor(PDF_COLOURS.ink).text(t.team, second + 14, y + 1, { lineBreak: false });
		const top = y + 18;
		const bottom = top + criteria.length * rowHeight;
		for (let l = 0; l <= BANDS.length; l++) {
			doc.moveTo(at(l), top).lineTo(at(l), bottom).lineWidth(0.3).strokeColor('#c8c8c8').stroke();
			if (l > 0) doc.fillColor(PDF_COLOURS.muted).fontSize(8).text(String(l), at(l) - 10, bottom + 2, { width: 10, align: 'right', lineBreak: false });
		}
		criteria.forEach((c, i) => {
			const rowTop = top + i * rowHeight;
			doc.fillColor(PDF_COLOURS.ink).fontSize(8.5).text(c.titleSv, x, rowTop + 3, { width: labelWidth, height: rowHeight - 4, ellipsis: true });
			if (c.self) doc.rect(plot.x, rowTop + 4, at(c.self.band + 1) - plot.x, 10).fill(OWN);
			if (c.band !== null) doc.rect(plot.x, rowTop + 15, at(c.band + 1) - plot.x, 10).fill(PDF_COLOURS.blue);
		});
	});
}

/** Under a criterion's band: the unit's own band, its reason and the gap in words. */
export function writeSelfLines(pdf: PdfWriter, c: ReportCriterion, anySelf: boolean): void {
	const t = m();
	const scale = messages('sv').scoring.scale;
	if (c.self) {
		pdf.paragraph(scale.band(bandName(c.self.band)), { label: t.yours });
		if (c.self.reason) pdf.paragraph(c.self.reason, { label: t.reason });
		if (c.band !== null) pdf.paragraph(t.gap(bandGap(c.self.band, c.band)));
	} else if (anySelf) pdf.paragraph(t.noSelf, { colour: PDF_COLOURS.muted });
}

/** A returning unit: per criterion the team's band last time and now, and the change in words. */
export function writeChange(pdf: PdfWriter, content: ReportContent): void {
	const rows = changeSince(content.criteria, content.previousYear);
	if (!rows || !content.previousYear) return;
	const t = m();
	const then = content.previousYear;
	pdf.heading('H2', t.change.heading(then));
	pdf.paragraph(t.change.intro(then));
	pdf.table(
		[
			{ header: t.criterion, share: 0.4 },
			{ header: String(then), share: 0.13 },
			{ header: String(content.cycle.year), share: 0.13 },
			{ header: t.difference, share: 0.34 }
		],
		rows.map((r, i) => [content.criteria[i].titleSv, level(r.then), level(r.now), r.change === null ? t.change.missing(then) : t.change.words(r.change, then)])
	);
}
