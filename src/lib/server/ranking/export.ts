/**
 * A class's ranked list for Excel and the archive (docs/aggregation.md): the same rows and the same
 * one-decimal numbers as the ranked view, with a column per criterion, written by the shared table
 * writer (CSV with semicolons, BOM and decimal commas, or XLSX). Like the view, it comes from the
 * ranking of the cycle as this person sees it, without the entries they are barred from.
 */
import { cachedRanking, type ClassRanking, type CycleRanking } from './ranking';
import type { RankingAccess } from './guards';
import type { OutCell, OutTable } from '../imports/write-table';
import type { Locale, Messages } from '$lib/i18n';
import { localised } from '$lib/i18n/names';

/** One decimal, as the view shows; the ranking itself used the unrounded numbers. */
const oneDecimal = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

export interface RankingExport {
	table: OutTable;
	/** A file name without extension, e.g. "rangordning-2026-forskola". */
	baseName: string;
}

export function rankingExport(access: RankingAccess, classId: number, m: Messages, locale: Locale): RankingExport | null {
	const ranking = cachedRanking(access.cycle.id, access.barred);
	const klass = ranking?.classes.find((c) => c.id === classId);
	if (!ranking || !klass) return null;
	const className = localised(locale, klass, 'name');
	return { table: rankingTable(ranking, klass, m, locale), baseName: `${m.ranking.exportColumns.sheet}-${access.cycle.year}-${className}` };
}

/** One class of a ranking as a table: the export's and the archive package's. */
export function rankingTable(ranking: CycleRanking, klass: ClassRanking, m: Messages, locale: Locale): OutTable {
	const t = m.ranking;
	const c = t.exportColumns;
	const rows = klass.rows.map((r): OutCell[] => [
		r.rank,
		r.unitName,
		r.organisation,
		oneDecimal(r.total),
		...ranking.criteria.map((criterion) => oneDecimal(r.criteria[criterion.key].used)),
		ranking.criteria
			.filter((criterion) => r.criteria[criterion.key].divergent)
			.map((criterion) => localised(locale, criterion, 'title'))
			.join(', ') || null,
		oneDecimal(r.adjustedTotal),
		r.adjustedRank,
		t.consensus[r.consensus],
		r.recommendFinalist,
		r.awardBlocked,
		r.incomplete
	]);
	return {
		sheet: c.sheet,
		headers: [
			c.rank,
			c.unit,
			c.organisation,
			c.total,
			...ranking.criteria.map((criterion) => localised(locale, criterion, 'title')),
			c.divergent,
			c.adjusted,
			c.adjustedRank,
			c.consensus,
			c.finalist,
			c.e8,
			c.incomplete
		],
		rows,
		yes: m.common.yes.toLowerCase(),
		no: m.common.no.toLowerCase()
	};
}

/** A download's Content-Disposition: an ASCII fallback name and the real one (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
	const ascii = fileName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
