/**
 * What an Excel workbook holds besides its rows: which worksheets it has and in which order, its
 * shared strings, which cell styles show dates, and its date system. These parts are small; the
 * shared strings are read only as far as the rows read refer to them, and the worksheets themselves
 * are streamed (./xlsx.ts).
 */
import { parseAll, parseXml } from './xml';
import { zipEntries, type ZipEntry } from './zip';

/** A workbook may declare this much unpacked in all; more is refused before unpacking (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** The parts kept in memory whole (relationships, styles, shared strings) may unpack to this much together. */
export const MAX_HELD_BYTES = 32 * 1024 * 1024;
/** Excel's own limit: a cell holds at most 32 767 characters, so a longer text is no cell of a real workbook. */
export const MAX_CELL_CHARS = 32_767;

export type WorkbookProblem = 'notWorkbook' | 'workbookTooLarge' | 'damagedWorkbook';

/**
 * A workbook's text with Excel's escapes read back: a character XML cannot carry (a control
 * character, half a surrogate pair) is written as "_xHHHH_", and a literal "_x" as "_x005F_x".
 */
export function unescapeXstring(text: string): string {
	return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class WorkbookError extends Error {
	constructor(readonly problem: WorkbookProblem) {
		super(problem);
	}
}

export interface Workbook {
	sheets: ZipEntry[];
	sharedStrings: SharedStrings;
	/** By style index: whether the cell's number format shows a date. */
	dateStyles: boolean[];
	date1904: boolean;
}

const endsWithType = (type: string, name: string) => type.endsWith(`/${name}`);

/**
 * The workbook's structure from its parts: the package's relationships name the main part, whose
 * root must be <workbook>; its relationships name the sheets (kept in the workbook's order), the
 * styles and the shared strings. Throws WorkbookError for anything else.
 */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
	const entries = zipEntries(bytes);
	if (!entries) throw new WorkbookError('damagedWorkbook');
	if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED_BYTES) throw new WorkbookError('workbookTooLarge');
	const byName = new Map(entries.map((e) => [e.name, e]));
	let held = 0;
	const hold = (entry: ZipEntry) => {
		held += entry.size;
		if (held > MAX_HELD_BYTES) throw new WorkbookError('workbookTooLarge');
		return entry;
	};

	const packageRels = byName.get('_rels/.rels');
	const rootRels = packageRels ? await readRelationships(bytes, hold(packageRels), '') : [];
	const mainPath = rootRels.find((r) => endsWithType(r.type, 'officeDocument'))?.target ?? 'xl/workbook.xml';
	const main = byName.get(mainPath);
	const relsEntry = byName.get(relsPathOf(mainPath));
	if (!main || !relsEntry || !mainPath.endsWith('.xml')) throw new WorkbookError('notWorkbook');

	const { sheetIds, date1904 } = await readSheetList(bytes, main);
	const rels = await readRelationships(bytes, hold(relsEntry), mainPath.slice(0, mainPath.lastIndexOf('/') + 1));
	const part = (type: string) => {
		const target = rels.find((r) => endsWithType(r.type, type))?.target;
		const entry = target === undefined ? undefined : byName.get(target);
		return entry && hold(entry);
	};
	const styles = part('styles');
	const strings = part('sharedStrings');
	const sheets = sheetIds
		.map((id) => rels.find((r) => r.id === id && endsWithType(r.type, 'worksheet')))
		.map((r) => (r ? byName.get(r.target) : undefined))
		.filter((e): e is ZipEntry => e !== undefined);
	return {
		sheets,
		sharedStrings: sharedStrings(bytes, strings),
		dateStyles: styles ? await readDateStyles(bytes, styles) : [],
		date1904
	};
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPathOf(path: string): string {
	const cut = path.lastIndexOf('/') + 1;
	return `${path.slice(0, cut)}_rels/${path.slice(cut)}.rels`;
}

/** A relationship's target as an archive path: relative to the source's folder, or absolute from the root. */
function resolveTarget(folder: string, target: string): string {
	const parts: string[] = [];
	for (const piece of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.' && piece !== '') parts.push(piece);
	}
	return parts.join('/');
}

interface Relationship {
	id: string;
	type: string;
	target: string;
}

async function readRelationships(bytes: Uint8Array, entry: ZipEntry, folder: string): Promise<Relationship[]> {
	const found: Relationship[] = [];
	await parseAll(bytes, entry, {
		open(name, attributes) {
			if (name === 'Relationship' && attributes.Target && attributes.TargetMode !== 'External') {
				found.push({ id: attributes.Id ?? '', type: attributes.Type ?? '', target: resolveTarget(folder, attributes.Target) });
			}
		}
	});
	return found;
}

async function readSheetList(bytes: Uint8Array, entry: ZipEntry) {
	let first = true;
	const sheetIds: string[] = [];
	let date1904 = false;
	await parseAll(bytes, entry, {
		open(name, attributes) {
			// A word processor's or a presentation's main part has another root: stop there.
			if (first && name !== 'workbook') throw new WorkbookError('notWorkbook');
			first = false;
			if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
			// The relationship id is in the relationships namespace, under whatever prefix the file chose.
			if (name === 'sheet') sheetIds.push(Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1] ?? '');
		}
	});
	return { sheetIds, date1904 };
}

export interface SharedStrings {
	/** The strings read so far, in the order of their indexes. */
	strings: string[];
	/** Reads on until the string at `index` is there or the part ends. */
	readUpTo(index: number): Promise<void>;
	/** Stops reading and lets go of the part. */
	stop(): Promise<void>;
}

/**
 * Each shared string's text (its runs joined, without phonetic guides), read as far as it is asked
 * for: a sheet refers to its strings in the order they first appear, so the rows read up to the
 * limit need only the start of a long list.
 */
function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined): SharedStrings {
	const strings: string[] = [];
	let current = '';
	let inText = false;
	let inPhonetic = false;
	const parsing =
		entry &&
		parseXml(bytes, entry, {
			open(name) {
				if (name === 'si') current = '';
				else if (name === 'rPh') inPhonetic = true;
				else if (name === 't' && !inPhonetic) inText = true;
			},
			text(value) {
				if (inText && current.length < MAX_CELL_CHARS) current += value;
			},
			close(name) {
				if (name === 't') inText = false;
				else if (name === 'rPh') inPhonetic = false;
				else if (name === 'si') strings.push(unescapeXstring(current).slice(0, MAX_CELL_CHARS));
			}
		});
	let ended = !parsing;
	return {
		strings,
		async readUpTo(index) {
			while (!ended && strings.length <= index) ended = Boolean((await parsing!.next()).done);
		},
		async stop() {
			await parsing?.return(undefined);
		}
	};
}

/** Excel's built-in number formats that show a date or a time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A format code shows a date when, outside quoted text, [brackets] and single escaped characters
 * (\d, or the padding _x and the fill *x), it has a day, month, year or time part.
 */
export function isDateFormat(code: string): boolean {
	return /[ymdhsbM]/.test(code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/[\\_*]./g, ''));
}

async function readDateStyles(bytes: Uint8Array, entry: ZipEntry): Promise<boolean[]> {
	const custom = new Map<number, string>();
	const styleFormats: number[] = [];
	let inCellFormats = false;
	await parseAll(bytes, entry, {
		open(name, attributes) {
			if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
			else if (name === 'cellXfs') inCellFormats = true;
			else if (name === 'xf' && inCellFormats) styleFormats.push(Number(attributes.numFmtId ?? 0));
		},
		close(name) {
			if (name === 'cellXfs') inCellFormats = false;
		}
	});
	return styleFormats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILT_IN_DATE_FORMATS.has(id)));
}
