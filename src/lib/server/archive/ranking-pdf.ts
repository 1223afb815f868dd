/**
 * The ranked view of every class as one PDF/A for the archive package: per class, each entry's rank,
 * weighted total and adjusted total, as the ranked view shows them (one decimal), on the day of the
 * package's record. The CSV files beside it hold every column.
 */
import { createPdf } from '../pdf/document';
import type { Cycle } from '../cycles/lookup';
import type { CycleRanking } from '../ranking/ranking';
import { formatDaySv } from '$lib/domain/dates';
import { formatNumber, messages } from '$lib/i18n';

export function rankingPdf(cycle: Cycle, ranking: CycleRanking, day: string, creationDate: Date): Promise<Buffer> {
	const m = messages('sv');
	const r = m.archive.package.ranking;
	const title = r.title(cycle.name);
	const pdf = createPdf({
		title,
		author: m.archive.package.city,
		subject: cycle.name,
		lang: 'sv-SE',
		creationDate,
		header: { left: m.archive.package.city, right: title },
		footer: r.asOf(formatDaySv(day)),
		pageLabel: r.page,
		archival: true
	});
	const number = (value: number | null) => formatNumber(value, 'sv', 1);
	pdf.heading('H1', title);
	pdf.paragraph(r.asOf(formatDaySv(day)));
	for (const klass of ranking.classes) {
		pdf.heading('H2', klass.nameSv);
		if (klass.rows.length === 0) pdf.paragraph(r.none);
		pdf.list(klass.rows.map((row) => `${r.row(row.rank === null ? '–' : String(row.rank), row.unitName, row.organisation)}: ${r.total(number(row.total), number(row.adjustedTotal))}`));
	}
	return pdf.finish();
}
