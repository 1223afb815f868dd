// fontkit (pdfkit's font engine) ships no types; the PDF base needs only to parse a font once.
declare module 'fontkit' {
	/** A parsed font; pdfkit accepts it wherever it takes a font file. */
	export interface Font {
		layout(text: string): unknown;
	}
	export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
