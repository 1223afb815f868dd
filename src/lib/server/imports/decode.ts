/**
 * Bytes of a text file → text, as Swedish offices save it: UTF-8 with or without a byte-order mark,
 * Excel's "Unicode text" (UTF-16 with a mark), or Windows-1252 from an older Excel or system.
 * Anything that is not valid UTF-8 is read as Windows-1252, which every byte sequence is.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/** How much of a text `looksBinary` samples for control characters. */
const SAMPLE_CHARS = 4096;

/**
 * Text never holds a NUL, and holds other control characters (besides tab, line ends, form feed and
 * the vertical tab some databases write for a line break within a field) only by accident, once or
 * twice: more than that, and more than one in a hundred of its first characters, means the bytes
 * are no text file at all (an image, an archive), whatever the name says.
 */
export function looksBinary(text: string): boolean {
	if (text.includes('\u0000')) return true;
	const sample = text.slice(0, SAMPLE_CHARS);
	const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
	return controls > 2 && controls * 100 > sample.length;
}

/**
 * Windows-1252 by hand: Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control
 * characters, losing €, – and ” that Swedish texts use. Those 32 bytes come from the code page's
 * table (five are undefined and kept as their control characters, as browsers do).
 */
const HIGH: number[] = [
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
];

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const chunk: number[] = [];
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		chunk.push(b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : b);
		if (chunk.length === 8192) {
			out += String.fromCharCode(...chunk);
			chunk.length = 0;
		}
	}
	return out + String.fromCharCode(...chunk);
}
