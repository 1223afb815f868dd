import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text';

const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Everything cleanText removes. */
const REMOVED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Any sequence of UTF-16 code units, lone surrogates and controls included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('cleanText', () => {
	it.each([
		['Swedish text', 'Förskolan Ängen i Årsta – ”bäst” 2026'],
		['line breaks and tabs', 'Styrkor:\n\t– tydliga mål\r\n– delaktighet'],
		['emoji, as surrogate pairs', 'Bra jobbat 👍🏽 🇸🇪 😀'],
		['left-to-right and right-to-left marks', 'ABC\u200eDEF\u200f'],
		['other scripts and combining marks', 'مرحبا שלום e\u0301'],
		['nothing', '']
	])('keeps %s unchanged', (_, text) => {
		expect(cleanText(text)).toBe(text);
	});

	it('removes NUL and the other C0 controls but tab, line feed and carriage return, and DEL', () => {
		const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
		expect(cleanText(`a${controls}b`)).toBe('a\t\n\rb');
		expect(cleanText('Ek\u0000orren')).toBe('Ekorren');
	});

	it('removes every bidirectional embedding, override and isolate', () => {
		for (const control of BIDI_CONTROLS) expect(cleanText(`fil${control}gpj.exe`)).toBe('filgpj.exe');
		expect(cleanText('\u202eTEXT\u202c och \u2067isolat\u2069')).toBe('TEXT och isolat');
	});

	it('replaces a lone surrogate, high or low, anywhere, with U+FFFD', () => {
		expect(cleanText('a\ud83db')).toBe('a\ufffdb');
		expect(cleanText('a\ude00b')).toBe('a\ufffdb');
		expect(cleanText('\ud83d')).toBe('\ufffd');
		expect(cleanText('\ude00\ud83d')).toBe('\ufffd\ufffd');
		expect(cleanText('😀\ud83d')).toBe('😀\ufffd');
	});

	it('cleans all three in one text', () => {
		expect(cleanText('Ek\u0000or\ud800ren\u202e')).toBe('Ekor\ufffdren');
	});

	it('joins a pair that only a removed character kept apart', () => {
		expect(cleanText('\ud83d\u0000\ude00')).toBe('😀');
	});

	it('for any input: well-formed, free of what it removes, and unchanged by a second pass', () => {
		fc.assert(
			fc.property(anyUnits, (text) => {
				const clean = cleanText(text);
				expect(isWellFormed(clean)).toBe(true);
				expect(clean).not.toMatch(REMOVED);
				expect(cleanText(clean)).toBe(clean);
			}),
			{ numRuns: 2000 }
		);
	});

	it('for any text of ordinary characters: unchanged', () => {
		const ordinary = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !REMOVED.test(s));
		fc.assert(
			fc.property(ordinary, (text) => {
				expect(cleanText(text)).toBe(text);
			}),
			{ numRuns: 2000 }
		);
	});
});
