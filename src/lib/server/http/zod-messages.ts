/**
 * zod's messages in the person's language, from the catalogue (`validation`), for every check
 * whose schema gives no message of its own: zod writes English itself, and has no Swedish we
 * could word through the catalogue. A field's own message (`z.string().max(200, v.tooLong(200))`)
 * always comes first; zod asks this map only when there is none.
 */
import type { z } from 'zod';
import { formatNumber, messages, type Locale } from '$lib/i18n';

type Issue = z.core.$ZodRawIssue;

const TEXT_FORMATS: Record<string, 'email' | 'url' | 'date' | undefined> = { email: 'email', url: 'url', date: 'date', datetime: 'date' };

export function zodMessage(issue: Issue, locale: Locale): string {
	const m = messages(locale).validation;
	const n = (value: number | bigint) => (typeof value === 'number' ? formatNumber(value, locale, Number.isInteger(value) ? 0 : 2) : String(value));
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return m.missing;
			if (issue.expected === 'int') return m.integer;
			if (issue.expected === 'number' || issue.expected === 'bigint' || issue.expected === 'nan') return m.number;
			if (issue.expected === 'boolean') return m.yesOrNo;
			if (issue.expected === 'date') return m.date;
			return m.wrongShape;
		case 'too_small':
			if (issue.origin === 'string') return issue.minimum === 1 ? m.required : m.textMin(n(issue.minimum));
			if (issue.origin === 'array' || issue.origin === 'set') return m.fewest(n(issue.minimum));
			if (issue.origin === 'file') return m.fileEmpty;
			if (issue.origin === 'date') return m.date;
			return issue.inclusive === false ? m.above(n(issue.minimum)) : m.atLeast(n(issue.minimum));
		case 'too_big':
			if (issue.origin === 'string') return m.textMax(n(issue.maximum));
			if (issue.origin === 'array' || issue.origin === 'set') return m.most(n(issue.maximum));
			if (issue.origin === 'file') return m.fileTooLarge;
			if (issue.origin === 'date') return m.date;
			return issue.inclusive === false ? m.below(n(issue.maximum)) : m.atMost(n(issue.maximum));
		case 'invalid_format': {
			const format = TEXT_FORMATS[issue.format];
			return format ? m[format] : m.format;
		}
		case 'not_multiple_of':
			return m.multipleOf(n(issue.divisor));
		case 'invalid_value':
			return m.choice;
		case 'unrecognized_keys':
		case 'invalid_key':
		case 'invalid_element':
			return m.wrongShape;
		default:
			// A union none of whose options fit, or a refinement without a message of its own.
			return m.invalid;
	}
}
