import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '$lib/i18n/en';
import { sv } from '$lib/i18n/sv';
import type { Locale } from '$lib/i18n';
import { zodMessage } from './zod-messages';

/** The message zod gives for `input` when it asks this map, in `locale`. */
function messageOf(schema: z.ZodType, input: unknown, locale: Locale = 'sv'): string {
	const result = schema.safeParse(input, { error: (issue) => zodMessage(issue, locale) });
	if (result.success) throw new Error('expected a refusal');
	return result.error.issues[0].message;
}

describe('zodMessage', () => {
	it.each([
		['a value that is missing', z.object({ a: z.string() }), {}, 'Uppgifter saknas. Ladda om sidan och försök igen.'],
		['an object that is not one', z.object({ a: z.string() }), 'text', 'Uppgifterna har fel form. Ladda om sidan och försök igen.'],
		['a text that is a number', z.string(), 12, 'Uppgifterna har fel form. Ladda om sidan och försök igen.'],
		['a number that is text', z.number(), '12', 'Skriv ett tal.'],
		['a number that is NaN', z.number(), Number.NaN, 'Skriv ett tal.'],
		['a whole number with decimals', z.number().int(), 1.5, 'Skriv ett heltal.'],
		['a yes or no that is text', z.boolean(), 'ja', 'Välj ja eller nej.'],
		['an empty required text', z.string().min(1), '', 'Fyll i fältet.'],
		['too short a text', z.string().min(3), 'ab', 'Skriv minst 3 tecken.'],
		['too long a text', z.string().max(10_000), 'x'.repeat(10_001), 'Högst 10\u00a0000 tecken.'],
		['too small a number', z.number().min(5), 4, 'Talet ska vara minst 5.'],
		['a number not above', z.number().gt(0), 0, 'Talet ska vara större än 0.'],
		['too large a number', z.number().max(100), 101, 'Talet får vara högst 100.'],
		['a number not below', z.number().lt(100), 100, 'Talet ska vara mindre än 100.'],
		['a number off its step', z.number().multipleOf(5), 7, 'Talet ska vara en multipel av 5.'],
		['too few in a list', z.array(z.string()).min(1), [], 'Minst 1 behövs.'],
		['too many in a list', z.array(z.string()).max(2), ['a', 'b', 'c'], 'Högst 2 får anges.'],
		['an option not offered', z.enum(['a', 'b']), 'c', 'Välj ett av alternativen.'],
		['a literal not matched', z.literal('move'), 'jump', 'Välj ett av alternativen.'],
		['an e-mail address', z.email(), 'nej', 'Skriv en e-postadress som namn@exempel.se.'],
		['a web address', z.url(), 'nej', 'Skriv en webbadress som börjar med https://.'],
		['a calendar day', z.iso.date(), '2026-02-30', 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.'],
		['a pattern', z.string().regex(/^\d+$/), 'abc', 'Värdet är inte skrivet som det ska. Kontrollera det och försök igen.'],
		['a key not allowed', z.strictObject({ a: z.string() }), { a: 'x', b: 'y' }, 'Uppgifterna har fel form. Ladda om sidan och försök igen.'],
		['a union with no fit', z.union([z.number(), z.boolean()]), 'x', 'Värdet kan inte tas emot. Kontrollera det och försök igen.'],
		['a refinement without a message', z.string().refine((s) => s === 'ok'), 'nej', 'Värdet kan inte tas emot. Kontrollera det och försök igen.']
	])('words %s in Swedish', (_, schema, input, expected) => {
		expect(messageOf(schema, input)).toBe(expected);
	});

	it('words the same in English for a person who chose English', () => {
		expect(messageOf(z.object({ a: z.string() }), {}, 'en')).toBe(en.validation.missing);
		expect(messageOf(z.string().max(10_000), 'x'.repeat(10_001), 'en')).toBe('At most 10,000 characters.');
		expect(messageOf(z.number().min(5), 4, 'en')).toBe('The number must be at least 5.');
		expect(messageOf(z.enum(['a', 'b']), 'c', 'en')).toBe('Choose one of the options.');
	});

	it('never gives zod’s own English, for any kind of issue', () => {
		const schemas: [z.ZodType, unknown][] = [
			[z.object({ a: z.string() }), { a: 1 }],
			[z.tuple([z.string()]), ['a', 'b']],
			[z.map(z.string().min(2), z.string()), new Map([['a', 'b']])],
			[z.set(z.string().min(2)), new Set(['a'])],
			[z.record(z.enum(['a']), z.string()), { b: 'x' }],
			[z.date().min(new Date('2026-01-01')), new Date('2025-01-01')],
			[z.bigint().max(5n), 6n],
			[z.string().startsWith('x'), 'y'],
			[z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') })]), { kind: 'b' }]
		];
		for (const locale of ['sv', 'en'] as const) {
			const catalogue = Object.values(locale === 'sv' ? sv.validation : en.validation).filter((v) => typeof v === 'string');
			for (const [schema, input] of schemas) {
				const message = messageOf(schema, input, locale);
				expect(message).not.toMatch(/invalid input|expected|received|too (big|small)|unrecognized/i);
				if (!/\d/.test(message)) expect(catalogue).toContain(message);
			}
		}
	});
});
