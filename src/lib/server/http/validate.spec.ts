import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// The language comes from the request being served; here, a request that chose English or none.
let chosen: string | undefined;
let inRequest = true;
vi.mock('$app/server', () => ({
	getRequestEvent: () => {
		if (!inRequest) throw new Error('outside a request');
		return { cookies: { get: (name: string) => (name === 'lang' ? chosen : undefined) } };
	}
}));

const { validate } = await import('./validate');

beforeEach(() => {
	chosen = undefined;
	inRequest = true;
});

const schema = z.object({ name: z.string().max(5, 'Eget meddelande.'), count: z.number() });

describe('validate', () => {
	it('words zod’s own checks in the language of the request, Swedish unless English was chosen', () => {
		expect(validate(schema, { name: 'a' })).toEqual({ ok: false, errors: { count: 'Uppgifter saknas. Ladda om sidan och försök igen.' } });
		chosen = 'en';
		expect(validate(schema, { name: 'a' })).toEqual({ ok: false, errors: { count: 'Something is missing. Reload the page and try again.' } });
	});

	it('speaks Swedish outside a request', () => {
		inRequest = false;
		chosen = 'en';
		expect(validate(schema, { name: 'a', count: 'x' })).toEqual({ ok: false, errors: { count: 'Skriv ett tal.' } });
	});

	it('keeps a field’s own message, and the first message per field', () => {
		chosen = 'en';
		expect(validate(schema, { name: 'abcdefg', count: 1 })).toEqual({ ok: false, errors: { name: 'Eget meddelande.' } });
		expect(validate(z.object({ n: z.number().int().min(10) }), { n: 1.5 })).toEqual({ ok: false, errors: { n: 'Write a whole number.' } });
	});
});
