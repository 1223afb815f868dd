import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

/** What a browser does with a Location header: resolve it against the page it is on. */
const landsOn = (location: string) => new URL(location, 'https://utmarkelse.example/login').origin;

describe('safeReturnPath', () => {
	it('keeps the app’s own paths, with their query and fragment', () => {
		expect(safeReturnPath('/reports/3')).toBe('/reports/3');
		expect(safeReturnPath('/ranking/2?sort=total&dir=desc#e4')).toBe('/ranking/2?sort=total&dir=desc#e4');
		expect(safeReturnPath('/admin')).toBe('/admin');
	});

	it.each([
		['a path to another host', '//evil.example/x'],
		['a backslash the browser reads as a slash', '/\\evil.example'],
		['a tab the browser drops', '/\t/evil.example'],
		['a newline the browser drops', '/\n/evil.example'],
		['a carriage return and line feed', '/\r\n/evil.example'],
		['a backslash after a slash', '/\\/evil.example'],
		['dot segments that climb to two slashes', '/..//evil.example'],
		['dot segments with a backslash', '/.\\/evil.example'],
		['an absolute address', 'https://evil.example/'],
		['a scheme', 'javascript:alert(1)'],
		['no leading slash', 'evil.example'],
		['leading white space', ' //evil.example'],
		['a leading tab', '\t//evil.example'],
		['a header injected after a line break', '/x\r\nSet-Cookie: a=b'],
		['a NUL byte', '/x\u0000y'],
		['nothing', '']
	])('refuses %s', (_, hostile) => {
		expect(safeReturnPath(hostile, '/home')).toBe('/home');
	});

	it('encodes what a Location header cannot carry, rather than failing on it', () => {
		expect(safeReturnPath('/bidrag/€')).toBe('/bidrag/%E2%82%AC');
		expect(safeReturnPath('/enheter/Förskolan Ekorren?q=å')).toBe('/enheter/F%C3%B6rskolan%20Ekorren?q=%C3%A5');
	});

	it('answers only what lands on the app’s own origin and fits a header, for any input', () => {
		const pieces = ['/', '//', '\\', '\t', '\n', '\r', ' ', '.', '..', 'evil.example', '%2F', '%09', '@', ':', '?', '#', '€', 'ö', '\u202e', 'x'];
		let n = 0;
		for (const a of pieces) for (const b of pieces) for (const c of pieces) {
			const out = safeReturnPath(a + b + c, '/home');
			expect(landsOn(out)).toBe('https://utmarkelse.example');
			expect(out).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
			n++;
		}
		expect(n).toBe(pieces.length ** 3);
	});
});
