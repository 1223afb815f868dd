/**
 * One XML part of an archive, parsed as it is unpacked: the handlers see each element as it opens
 * and closes, and the caller may stop after any chunk. XML that is not well-formed is a damaged file.
 */
import { SaxesParser } from 'saxes';
import { entryText, type ZipEntry } from './zip';

export interface XmlHandlers {
	/** Element names come without their namespace prefix ("x:row" → "row"). */
	open?(name: string, attributes: Record<string, string>): void;
	text?(value: string): void;
	close?(name: string): void;
}

/** Thrown when a part is not well-formed XML. */
export class MalformedXmlError extends Error {}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses the part, yielding after each chunk; a handler may throw to stop with its own error. */
export async function* parseXml(bytes: Uint8Array, entry: ZipEntry, handlers: XmlHandlers): AsyncGenerator<void> {
	const parser = new SaxesParser({ position: false });
	let failed = false;
	parser.on('error', () => (failed = true));
	parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>));
	parser.on('text', (value) => handlers.text?.(value));
	parser.on('cdata', (value) => handlers.text?.(value));
	parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
	let started = false;
	for await (const chunk of entryText(bytes, entry)) {
		if (chunk === '') continue;
		parser.write(started ? chunk : chunk.replace(/^\ufeff/, ''));
		started = true;
		if (failed) throw new MalformedXmlError(entry.name);
		yield;
	}
	parser.close();
	if (failed) throw new MalformedXmlError(entry.name);
}

/** Parses the whole part. */
export async function parseAll(bytes: Uint8Array, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
	for await (const _ of parseXml(bytes, entry, handlers));
}
