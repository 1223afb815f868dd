/**
 * A shared base for the tool's PDFs (minutes, feedback reports …): A4 in the city's sober look (a
 * blue rule, plain sans-serif), DejaVu Sans embedded so every name prints, tagged for screen readers
 * (PDF/UA: headings, paragraphs, lists; header and footer marked as artifacts), the title and
 * language in the metadata, and a header and "page n of m" on every page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { create as parseFont, type Font } from 'fontkit';

export const PDF_COLOURS = { blue: '#004b87', ink: '#1a1a1a', muted: '#4d4d4d', alert: '#a4161a' } as const;
export const PDF_MARGIN = { top: 84, bottom: 72, left: 62, right: 62 } as const;

let fonts: { regular: string; bold: string } | undefined;

/** Paths of DejaVu Sans, regular and bold, in the dejavu-fonts-ttf package. */
export function fontPaths(): { regular: string; bold: string } {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		const path = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
		fonts = { regular: path('DejaVuSans.ttf'), bold: path('DejaVuSans-Bold.ttf') };
	}
	return fonts;
}

let parsed: { regular: Font; bold: Font } | undefined;

/**
 * The fonts, parsed once per process: fontkit decodes a font's tables lazily and keeps them, so
 * sharing the parsed font makes every PDF after the first several times faster than handing
 * pdfkit the file each time (500 feedback reports: about 17 s of CPU instead of 45). Each
 * document still embeds its own subset.
 */
function parsedFonts(): { regular: Font; bold: Font } {
	if (!parsed) {
		const { regular, bold } = fontPaths();
		parsed = { regular: parseFont(readFileSync(regular)), bold: parseFont(readFileSync(bold)) };
	}
	return parsed;
}

export interface PdfOptions {
	title: string;
	author: string;
	subject: string;
	/** BCP 47, e.g. 'sv-SE'. */
	lang: string;
	creationDate?: Date;
	/** Left and right of the running header. */
	header: { left: string; right: string };
	/** Left of the running footer; the right holds the page number. */
	footer: string;
	pageLabel: (n: number, total: number) => string;
	/**
	 * For the archive package (docs/records.md): PDF/A-2a, with the fonts embedded as always, an sRGB
	 * output intent and the PDF/UA claim kept beside it. `creationDate` should then be a date of the
	 * record, so the same record gives the same bytes.
	 */
	archival?: boolean;
}

/** The PDF profile `archival` documents declare, as the archive's manifest names it. */
export const ARCHIVAL_PDF_PROFILE = 'PDF/A-2a';

const PDF_UA_ID = `
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        `;

export interface PdfWriter {
	doc: PDFKit.PDFDocument;
	/** Text width between the margins. */
	width: number;
	/** H4 is a small run-in heading, e.g. "Styrkor" above a list. */
	heading(level: 'H1' | 'H2' | 'H3' | 'H4', text: string): void;
	paragraph(text: string, options?: { colour?: string; label?: string; size?: number }): void;
	list(items: string[]): void;
	/** A tagged table; widths are shares of the text width. A row that does not fit starts a new page. */
	table(columns: { header: string; share: number }[], rows: string[][]): void;
	/** A vector drawing of `height` points as a tagged figure with its text alternative. */
	figure(alt: string, height: number, draw: (area: { x: number; y: number; width: number; height: number }) => void): void;
	/** Draws headers and page numbers on every page and returns the whole file. */
	finish(): Promise<Buffer>;
}

export function createPdf(options: PdfOptions): PdfWriter {
	const { regular, bold } = parsedFonts();
	const doc = new PDFDocument({
		size: 'A4',
		margins: PDF_MARGIN,
		bufferPages: true,
		pdfVersion: '1.7',
		// @types/pdfkit 0.17 lags the runtime (0.20), which knows PDF/UA.
		subset: (options.archival ? ARCHIVAL_PDF_PROFILE : 'PDF/UA') as unknown as PDFKit.Mixins.PDFSubsets,
		tagged: true,
		lang: options.lang,
		displayTitle: true,
		// No default font: pdfkit would parse Helvetica's metrics for every document, unused.
		font: null as unknown as string,
		info: { Title: options.title, Author: options.author, Subject: options.subject, CreationDate: options.creationDate ?? new Date() }
	});
	// pdfkit takes a parsed fontkit font as well as a file; its typings know only files.
	doc.registerFont('regular', regular as unknown as Buffer);
	doc.registerFont('bold', bold as unknown as Buffer);
	doc.font('regular');
	// pdfkit declares one profile; an archival document is accessible as well, and says so.
	if (options.archival) (doc as unknown as { appendXML(xml: string): void }).appendXML(PDF_UA_ID);

	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const body = doc.struct('Document');
	doc.addStructure(body);
	const left = PDF_MARGIN.left;
	const width = doc.page.width - PDF_MARGIN.left - PDF_MARGIN.right;
	doc.y = PDF_MARGIN.top;

	const paragraph: PdfWriter['paragraph'] = (text, o = {}) => {
		body.add(
			doc.struct('P', {}, () => {
				doc.fontSize(o.size ?? 10.5).fillColor(o.colour ?? PDF_COLOURS.ink);
				if (o.label) doc.font('bold').text(`${o.label}: `, left, doc.y, { width, continued: true });
				doc.font('regular').text(text, o.label ? undefined : left, o.label ? undefined : doc.y, { width, lineGap: 2 });
			})
		);
		doc.moveDown(0.35);
	};

	return {
		doc,
		width,
		heading(level, text) {
			const size = { H1: 20, H2: 14, H3: 11.5, H4: 10.5 }[level];
			// Keep a heading with at least a few lines of what follows it.
			if (doc.y + size * (level === 'H4' ? 4 : 5) > doc.page.height - PDF_MARGIN.bottom) doc.addPage();
			if (level === 'H2' || level === 'H3') doc.moveDown(level === 'H2' ? 0.9 : 0.5);
			const colour = level === 'H1' || level === 'H2' ? PDF_COLOURS.blue : PDF_COLOURS.ink;
			body.add(
				doc.struct(level, {}, () => {
					doc.font('bold').fontSize(size).fillColor(colour).text(text, left, doc.y, { width });
				})
			);
			if (level !== 'H4') doc.moveDown(0.25);
		},
		paragraph,
		list(items) {
			const l = doc.struct('L');
			body.add(l);
			doc.font('regular').fontSize(10.5).fillColor(PDF_COLOURS.ink);
			doc.list(items, left + 4, doc.y, { width: width - 4, structParent: l, lineGap: 2, paragraphGap: 3, bulletRadius: 2 });
			l.end();
			doc.moveDown(0.35);
		},
		table(columns, rows) {
			const t = doc.struct('Table');
			body.add(t);
			const xs = columns.reduce<number[]>((acc, c, i) => [...acc, acc[i] + c.share * width], [left]);
			const heightOf = (cells: string[], head: boolean) => {
				doc.font(head ? 'bold' : 'regular').fontSize(9.5);
				return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i].share * width - 6 })));
			};
			const row = (cells: string[], head: boolean) => {
				const height = heightOf(cells, head);
				// The head stays with the first row.
				const keep = head && rows.length > 0 ? heightOf(rows[0], false) + 3 : 0;
				if (doc.y + height + keep > doc.page.height - PDF_MARGIN.bottom) doc.addPage();
				const top = doc.y;
				const tr = doc.struct('TR');
				t.add(tr);
				cells.forEach((text, i) => {
					tr.add(
						doc.struct(head ? 'TH' : 'TD', {}, () => {
							doc.font(head ? 'bold' : 'regular').fontSize(9.5).fillColor(PDF_COLOURS.ink).text(text, xs[i], top, { width: columns[i].share * width - 6 });
						})
					);
				});
				tr.end();
				doc.y = top + height + 3;
				doc.markContent('Artifact');
				doc.moveTo(left, doc.y - 1.5).lineTo(left + width, doc.y - 1.5).lineWidth(head ? 0.8 : 0.3).strokeColor(PDF_COLOURS.muted).stroke();
				doc.endMarkedContent();
			};
			row(columns.map((c) => c.header), true);
			for (const r of rows) row(r, false);
			t.end();
			doc.x = left;
			doc.moveDown(0.5);
		},
		figure(alt, height, draw) {
			if (doc.y + height > doc.page.height - PDF_MARGIN.bottom) doc.addPage();
			const area = { x: left, y: doc.y, width, height };
			body.add(doc.struct('Figure', { alt }, () => draw(area)));
			doc.x = left;
			doc.y = area.y + height;
			doc.moveDown(0.5);
		},
		finish() {
			body.end();
			decoratePages(doc, options);
			doc.end();
			return done;
		}
	};
}

/** Header and footer on every page, marked as artifacts so screen readers skip them. */
function decoratePages(doc: PDFKit.PDFDocument, options: PdfOptions) {
	const range = doc.bufferedPageRange();
	const { left, right } = PDF_MARGIN;
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const { width, height } = doc.page;
		const inner = width - left - right;
		// Writing in the margins must not start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.markContent('Artifact', { type: 'Pagination' });
		doc.font('bold').fontSize(10).fillColor(PDF_COLOURS.blue).text(options.header.left, left, 40, { width: inner / 2, lineBreak: false });
		doc.font('regular').fontSize(9).fillColor(PDF_COLOURS.muted)
			.text(options.header.right, left + inner / 2, 41, { width: inner / 2, align: 'right', lineBreak: false });
		doc.moveTo(left, 58).lineTo(width - right, 58).lineWidth(1.5).strokeColor(PDF_COLOURS.blue).stroke();
		doc.moveTo(left, height - 52).lineTo(width - right, height - 52).lineWidth(0.5).strokeColor(PDF_COLOURS.muted).stroke();
		doc.font('regular').fontSize(9).fillColor(PDF_COLOURS.muted)
			.text(options.footer, left, height - 44, { width: inner * 0.7, lineBreak: false, ellipsis: true });
		doc.text(options.pageLabel(i - range.start + 1, range.count), left + inner * 0.7, height - 44, { width: inner * 0.3, align: 'right', lineBreak: false });
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
}
