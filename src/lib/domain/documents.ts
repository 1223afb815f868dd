/**
 * Rules for the written account as a file (docs/unit-side.md): what counts as a PDF, how large it
 * may be and what name it may carry. The content decides, never the file name or the browser's
 * MIME type; the name is only ever shown and offered for download, never used as a path.
 */

/** At most 25 MB, in the binary megabytes file managers show (26 214 400 bytes). */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
/** Room for the multipart boundaries and the form's other fields around the file. */
export const UPLOAD_OVERHEAD_BYTES = 64 * 1024;
/** `%%EOF` must appear within this many bytes of the end (writers add a line ending or a little padding). */
export const EOF_WINDOW_BYTES = 1024;
const MAX_NAME_LENGTH = 150;

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** The file starts with the PDF header `%PDF-`. */
export function hasPdfHeader(head: Uint8Array): boolean {
	return head.length >= MAGIC.length && MAGIC.every((b, i) => head[i] === b);
}

/** `%%EOF` appears among the last bytes of the file (pass at least the last EOF_WINDOW_BYTES). */
export function hasPdfTrailer(tail: Uint8Array): boolean {
	const start = Math.max(0, tail.length - EOF_WINDOW_BYTES);
	for (let i = tail.length - EOF_MARK.length; i >= start; i--) {
		if (EOF_MARK.every((b, k) => tail[i + k] === b)) return true;
	}
	return false;
}

/**
 * A request whose declared length already exceeds what an upload may be, so it can be refused
 * before its body is read. Without a Content-Length the stored size is checked while streaming.
 */
export function declaredTooLarge(contentLength: string | null, max = MAX_DOCUMENT_BYTES): boolean {
	if (!contentLength || !/^\d+$/.test(contentLength)) return false;
	return Number(contentLength) > max + UPLOAD_OVERHEAD_BYTES;
}

// Control characters, characters Windows forbids in names, and bidirectional overrides that can
// make "gpj.pdf" look like "fdp.jpg".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The base name a user's file may be shown and downloaded under: path parts dropped
 * ('../x.pdf', 'C:\\a\\b.pdf' → 'x.pdf', 'b.pdf'), unsafe characters removed, at most 150
 * characters before '.pdf', which is added when missing. Null when nothing usable is left.
 */
export function safeFileName(raw: string): string | null {
	const base = raw.split(/[/\\]/).pop() ?? '';
	let name = base.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '').replace(/ {2,}/g, ' ').trim();
	const extension = /\.pdf$/i.exec(name)?.[0] ?? '.pdf';
	let stem = name.slice(0, name.length - (/\.pdf$/i.test(name) ? extension.length : 0));
	// Leading dots would make a hidden or relative-looking name; trailing dots and spaces vanish on Windows.
	stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
	stem = Array.from(stem).slice(0, MAX_NAME_LENGTH).join('').trim();
	if (!stem) return null;
	name = stem + extension;
	return name;
}

/** RFC 5987 percent-encoding for `filename*`. */
function encodeExtValue(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: diacritics dropped ('ö' → 'o'), anything else odd → '_'. */
function asciiFallback(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** `inline` or `attachment` with the file name in both the ASCII and the UTF-8 form (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
	return `${kind}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
