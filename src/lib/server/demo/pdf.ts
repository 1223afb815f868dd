/**
 * A minimal PDF 1.4 writer for the demo's written accounts: A4 pages of wrapped text in the
 * standard Helvetica fonts (no embedding) with WinAnsiEncoding, so å ä ö Å Ä Ö é render, and a
 * correct cross-reference table. Deterministic: the same blocks give the same bytes.
 */

export type Block =
	| { kind: 'title' | 'subtitle' | 'heading' | 'question' | 'paragraph'; text: string }
	| { kind: 'space' };

export interface PdfInfo {
	title: string;
	author: string;
	subject: string;
	/** 'YYYY-MM-DD'; written as the document's creation date. */
	date: string;
	/** Shown at the foot of every page, before the page number. */
	footer: string;
}

const PAGE = { width: 595, height: 842, left: 64, right: 64, top: 72, bottom: 72 };
const STYLE = {
	title: { font: 'F2', size: 20, leading: 26, before: 0, after: 6 },
	subtitle: { font: 'F1', size: 12, leading: 17, before: 0, after: 0 },
	heading: { font: 'F2', size: 14, leading: 19, before: 16, after: 4 },
	question: { font: 'F2', size: 10.5, leading: 15, before: 8, after: 1 },
	paragraph: { font: 'F1', size: 10.5, leading: 15, before: 0, after: 4 }
} as const;

// Helvetica advance widths (AFM, 1/1000 em) for ASCII 32–126.
// prettier-ignore
const ASCII_WIDTHS = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];
const BOLD_FACTOR = 1.06; // Helvetica-Bold runs a little wider; enough for wrapping.

/** Windows-1252 codes for the characters outside Latin-1 that Swedish text uses. */
const CP1252_EXTRA: Record<string, number> = {
	'€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97
};
const EXTRA_WIDTHS: Record<number, number> = { 0x85: 1000, 0x91: 222, 0x92: 222, 0x93: 333, 0x94: 333, 0x95: 350, 0x96: 556, 0x97: 1000, 0x80: 556 };

/** The WinAnsi code of a character: ASCII and Latin-1 (å 0xE5, ä 0xE4, ö 0xF6, Å 0xC5, Ä 0xC4, Ö 0xD6, é 0xE9) map to themselves. */
export function winAnsiCode(char: string): number {
	const cp = char.codePointAt(0) ?? 0x3f;
	if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp;
	return CP1252_EXTRA[char] ?? 0x3f; // '?'
}

function charWidth(code: number): number {
	if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32];
	if (EXTRA_WIDTHS[code]) return EXTRA_WIDTHS[code];
	if (code === 0xc5 || code === 0xc4 || code === 0xc9) return 667; // Å Ä É
	if (code === 0xd6 || code === 0xd8) return 778; // Ö Ø
	if (code === 0xa0) return 278;
	return 556; // lower-case accented letters share their base letter's width
}

function textWidth(text: string, font: string, size: number): number {
	let units = 0;
	for (const ch of text) units += charWidth(winAnsiCode(ch));
	return (units * size * (font === 'F2' ? BOLD_FACTOR : 1)) / 1000;
}

/** A PDF literal string: WinAnsi bytes, with anything outside printable ASCII as an octal escape. */
function pdfString(text: string): string {
	let out = '(';
	for (const ch of text) {
		const code = winAnsiCode(ch);
		if (code === 0x28 || code === 0x29 || code === 0x5c) out += '\\' + String.fromCharCode(code);
		else if (code < 0x20 || code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
		else out += String.fromCharCode(code);
	}
	return out + ')';
}

/** A text string for the document information (title, author): UTF-16BE with its byte-order mark. */
function infoString(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
	return `<${hex}>`;
}

function wrap(text: string, font: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && textWidth(candidate, font, size) > width) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

interface Line { font: string; size: number; x: number; y: number; text: string }

/** Lays the blocks out on pages, top to bottom, breaking before a line that would not fit. */
function layout(blocks: Block[]): Line[][] {
	const width = PAGE.width - PAGE.left - PAGE.right;
	const pages: Line[][] = [[]];
	let y = PAGE.height - PAGE.top;
	for (const block of blocks) {
		if (block.kind === 'space') {
			y -= 12;
			continue;
		}
		const style = STYLE[block.kind];
		const lines = wrap(block.text, style.font, style.size, width);
		// Keep a heading or a question with two lines of what follows; leave no paragraph's first line alone.
		const needed = block.kind === 'heading' || block.kind === 'question' ? lines.length + 2 : Math.min(lines.length, 2);
		if (pages[pages.length - 1].length > 0) y -= style.before;
		if (y - style.leading * needed < PAGE.bottom) {
			pages.push([]);
			y = PAGE.height - PAGE.top;
		}
		for (const text of lines) {
			if (y - style.leading < PAGE.bottom) {
				pages.push([]);
				y = PAGE.height - PAGE.top;
			}
			y -= style.leading;
			pages[pages.length - 1].push({ font: style.font, size: style.size, x: PAGE.left, y, text });
		}
		y -= style.after;
	}
	return pages;
}

function contentStream(lines: Line[], footer: string): string {
	const ops = lines.map(
		(l) => `BT /${l.font} ${l.size} Tf 1 0 0 1 ${l.x} ${l.y.toFixed(2)} Tm ${pdfString(l.text)} Tj ET`
	);
	ops.push(`BT /F1 9 Tf 1 0 0 1 ${PAGE.left} 40 Tm ${pdfString(footer)} Tj ET`);
	return ops.join('\n') + '\n';
}

/** Writes the blocks as a PDF and returns its bytes. */
export function writePdf(blocks: Block[], info: PdfInfo): Uint8Array {
	const pages = layout(blocks);
	const objects: string[] = [];
	const add = (body: string) => objects.push(body); // object numbers start at 1
	const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
	add(''); // 2: the page tree, filled in once the page objects are numbered
	const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
	const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
	const stamp = `D:${info.date.replaceAll('-', '')}090000Z`;
	const infoId = add(
		`<< /Title ${infoString(info.title)} /Author ${infoString(info.author)} /Subject ${infoString(info.subject)} /Producer ${infoString('Utmärkelse (demo)')} /CreationDate (${stamp}) /ModDate (${stamp}) >>`
	);
	const kids: number[] = [];
	pages.forEach((lines, i) => {
		const stream = contentStream(lines, `${info.footer} – sida ${i + 1} av ${pages.length}`);
		const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}endstream`);
		kids.push(
			add(
				`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`
			)
		);
	});
	objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

	// Every body above is ASCII, so string offsets are byte offsets (after the binary comment).
	const header = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
	let out = header;
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	const bytes = new Uint8Array(out.length);
	for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
	return bytes;
}
