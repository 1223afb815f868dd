/**
 * The archive package of a cycle (docs/records.md): what its manifest says of every file, and the
 * check of an unpacked package against it. A package is reproducible: the manifest holds nothing
 * that changes between two builds of the same cycle (no time of building, no random names).
 */

export const MANIFEST_FILE = 'manifest.json';
export const INDEX_FILE = 'index.html';
export const MANIFEST_FORMAT = 'utmarkelse-arkivpaket/1';

/**
 * `tool` files are written by the tool for the package (PDFs as PDF/A); `uploaded` files are packed
 * byte for byte as they were received (a unit's written account, a board's minutes), whatever PDF
 * profile they have; `typeset` is a written account handed in as a form, in the PDF/A the tool
 * typeset it as when it was submitted.
 */
export type FileOrigin = 'tool' | 'uploaded' | 'typeset';

/** A board's decision approving entries, as its uploaded minutes say. */
export interface MinutesRecord {
	board: string | null;
	dnr: string;
	meetingDate: string;
	/** The entries it approves, and their units, in the order of the entries. */
	entryIds: number[];
	units: string[];
}

export interface ManifestFile {
	path: string;
	sha256: string;
	bytes: number;
	mediaType: string;
	origin: FileOrigin;
	/** Set on PDFs the tool wrote, e.g. "PDF/A-2a"; uploaded PDFs are packed as they are. */
	pdfProfile?: string;
	/** What the file holds, in Swedish, for the person reading the index. */
	title: string;
	/** On an entry's written account: the entry. */
	entryId?: number;
	/** On a board's minutes: the decision and the entries it approves. */
	minutes?: MinutesRecord;
}

export interface ArchiveManifest {
	format: typeof MANIFEST_FORMAT;
	cycle: { id: number; year: number; name: string; phase: string };
	/** The state the package shows: the cycle's audit log up to and including this entry. */
	auditLogUntil: { id: number; at: string } | null;
	/** Every file of the package but the manifest itself, in the order they are packed. */
	files: ManifestFile[];
}

export interface ArchiveProgress {
	done: number;
	total: number;
}

/** What the admin's page shows about a cycle's package. */
export type ArchiveState =
	| { state: 'none' }
	| { state: 'running'; progress: ArchiveProgress }
	| { state: 'ready'; bytes: number; at: Date }
	| { state: 'failed'; message: string; earlier: { bytes: number; at: Date } | null };

const MEDIA_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	json: 'application/json',
	csv: 'text/csv; charset=utf-8',
	html: 'text/html; charset=utf-8'
};

/** The media type a package file has by its extension; every file the package holds has one. */
export function mediaTypeOf(path: string): string {
	const type = MEDIA_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
	if (!type) throw new Error(`no media type for ${path}`);
	return type;
}

/** "Förskolan Ekorren" → "forskolan-ekorren": a file or folder name any archive system accepts. */
export function fileSlug(name: string, max = 60): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
}

/** What was found of one file when the package was unpacked. */
export interface UnpackedFile {
	path: string;
	sha256: string;
	bytes: number;
	/** What the content is, judged by its first bytes and its name (see `sniffMediaType`). */
	mediaType: string;
}

/**
 * The media type a file's content shows, judged by the content, with the name only choosing between
 * plain texts: a PDF by its header, JSON by parsing, HTML by its doctype, CSV as text without NUL.
 * Content that is not what its name says is `application/octet-stream`.
 */
export function sniffMediaType(path: string, content: string): string {
	if (content.startsWith('%PDF-')) return MEDIA_TYPES.pdf;
	const byName = MEDIA_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
	const fits: Record<string, () => boolean> = {
		[MEDIA_TYPES.json]: () => {
			try {
				JSON.parse(content);
				return true;
			} catch {
				return false;
			}
		},
		[MEDIA_TYPES.html]: () => /^<!doctype html>/i.test(content),
		[MEDIA_TYPES.csv]: () => !content.includes('\0')
	};
	return byName && fits[byName]?.() ? byName : 'application/octet-stream';
}

/**
 * What is wrong with an unpacked package, one Swedish sentence per problem; empty when every file the
 * manifest lists is there with its hash, size and type, and nothing else is.
 */
export function packageProblems(manifest: ArchiveManifest, found: UnpackedFile[]): string[] {
	const problems: string[] = [];
	const byPath = new Map(found.map((f) => [f.path, f]));
	const listed = new Set<string>();
	for (const file of manifest.files) {
		if (listed.has(file.path)) problems.push(`${file.path} står två gånger i manifestet.`);
		listed.add(file.path);
		const got = byPath.get(file.path);
		if (!got) {
			problems.push(`${file.path} saknas i paketet.`);
			continue;
		}
		if (got.bytes !== file.bytes) problems.push(`${file.path} är ${got.bytes} byte, manifestet säger ${file.bytes}.`);
		if (got.sha256 !== file.sha256) problems.push(`${file.path} har inte den SHA-256 som manifestet anger.`);
		if (got.mediaType !== file.mediaType) problems.push(`${file.path} är ${got.mediaType}, manifestet säger ${file.mediaType}.`);
	}
	for (const f of found) {
		if (f.path !== MANIFEST_FILE && !listed.has(f.path)) problems.push(`${f.path} finns i paketet men inte i manifestet.`);
	}
	if (!byPath.has(MANIFEST_FILE)) problems.push(`${MANIFEST_FILE} saknas i paketet.`);
	return problems;
}
