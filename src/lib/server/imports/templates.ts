/**
 * The documentation of each import's columns (shown on the page and in the Excel template) and the
 * downloadable templates: a CSV with only the header row (semicolons, UTF-8 with BOM) and a workbook
 * whose first sheet has the header row and whose second sheet explains the columns.
 */
import type { Messages } from '$lib/i18n';
import { describeFormat, type Format } from './issues';
import type { ColumnSpec } from './read-table';
import { writeCsv, writeXlsx } from './write-table';
import { COLUMNS, type ImportKind } from './index';

export interface ColumnDoc {
	header: string;
	aliases: string[];
	required: boolean;
	format: Format;
	example: string;
}

export function columnDocs(kind: ImportKind): ColumnDoc[] {
	const spec: ColumnSpec = COLUMNS[kind];
	return Object.values(spec).map((c) => ({
		header: c.header,
		aliases: [...(c.aliases ?? [])],
		required: Boolean(c.required),
		format: c.format ?? c.cell.format,
		example: c.example
	}));
}

export const TEMPLATE_NAMES: Record<ImportKind, string> = { units: 'mall-enheter', entries: 'mall-tavlingsbidrag' };

export function templateCsv(kind: ImportKind): string {
	return writeCsv({ sheet: '', headers: columnDocs(kind).map((c) => c.header), rows: [], yes: '', no: '' });
}

export function templateXlsx(kind: ImportKind, m: Messages): Promise<Uint8Array> {
	const t = m.dataImport;
	const docs = columnDocs(kind);
	return writeXlsx([
		{ sheet: t.kinds[kind], headers: docs.map((c) => c.header), rows: [], yes: '', no: '' },
		{
			sheet: t.columnsHeading,
			headers: [t.column, t.required, t.format, t.example],
			rows: docs.map((c) => [c.header, c.required ? m.common.yes : m.common.no, describeFormat(c.format, m), c.example]),
			yes: m.common.yes,
			no: m.common.no
		}
	]);
}
