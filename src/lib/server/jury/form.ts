/**
 * The jury's forms at the edge: reading posted fields into the inputs of ballots.ts and
 * decisions.ts, and turning their refusals and rule issues into messages at the fields.
 */
import { z } from 'zod';
import { validate, type FieldErrors } from '../http/validate';
import { text } from '../http/request';
import type { Messages } from '$lib/i18n';
import type { BallotError } from '$lib/domain/ballot';
import { CITATION_MAX, type ClassDecisionInput, type DecisionIssue } from '$lib/domain/decisions';
import { isIsoDay } from '$lib/domain/dates';
import type { MeetingInput } from './decisions';

type M = Messages['juryWork']['errors'];

export type AnyRefusal = 'forbidden' | 'not-found' | 'not-open' | 'closed' | 'conflict' | 'no-ballot';

export function refusalStatus(refusal: AnyRefusal): 403 | 404 | 409 {
	return refusal === 'forbidden' ? 403 : refusal === 'not-found' ? 404 : 409;
}

export function refusalMessage(refusal: AnyRefusal, m: M): string {
	const map: Record<AnyRefusal, string> = {
		forbidden: m.forbidden,
		'not-found': m.notFound,
		'not-open': m.notOpen,
		closed: m.closed,
		conflict: m.conflict,
		'no-ballot': m.noBallot
	};
	return map[refusal];
}

export function ballotErrorMessage(errors: BallotError[], m: M, places: number): string {
	const first = errors[0];
	switch (first?.code) {
		case 'unknown-candidate':
			return m.unknownCandidate;
		case 'duplicate-candidate':
			return m.duplicateCandidate;
		case 'empty':
			return m.empty;
		default:
			return m.placeRange(places);
	}
}

const ENTRY_FIELD = /^(outcome|citation)-(.+)$/;

export interface DecisionValues {
	outcomes: Record<string, string>;
	citations: Record<string, string>;
	noAward: boolean;
	reason: string;
}

export type DecisionForm =
	| { ok: true; version: string; input: ClassDecisionInput; values: DecisionValues }
	| { ok: false; errors: FieldErrors; values: DecisionValues };

/**
 * Per finalist `outcome-<id>` ('' | 'award' | 'mention') and `citation-<id>`; `noAward` and
 * `noAwardReason` for the class. An outcome field sent twice becomes two items, which the rules
 * refuse as a duplicate.
 */
export function parseDecisionForm(form: FormData, m: M): DecisionForm {
	const values: DecisionValues = { outcomes: {}, citations: {}, noAward: form.get('noAward') === 'on', reason: text(form, 'noAwardReason') };
	const raw: { entryId: string; outcome: string; citation: string }[] = [];
	for (const [name, value] of form.entries()) {
		const match = ENTRY_FIELD.exec(name);
		if (!match || typeof value !== 'string') continue;
		const [, kind, entryId] = match;
		if (kind === 'citation') values.citations[entryId] = value.trim();
		else {
			values.outcomes[entryId] = value;
			if (value !== '') raw.push({ entryId, outcome: value, citation: '' });
		}
	}
	for (const item of raw) item.citation = values.citations[item.entryId] ?? '';

	const item = z.object({
		entryId: z.string().regex(/^[1-9]\d{0,15}$/, m.unknownEntry),
		outcome: z.enum(['award', 'mention'], { message: m.badOutcome }),
		citation: z.string().max(CITATION_MAX, m.citationTooLong)
	});
	const errors: FieldErrors = {};
	const items: ClassDecisionInput['items'] = [];
	for (const r of raw) {
		const checked = validate(item, r);
		if (checked.ok) items.push(checked.data);
		else for (const [key, message] of Object.entries(checked.errors)) errors[fieldOf(key, r.entryId)] ??= message;
	}
	const reason = validate(z.string().max(CITATION_MAX, m.reasonTooLong), values.reason);
	if (!reason.ok) errors.noAwardReason = reason.errors._form;
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return { ok: true, version: text(form, 'version'), input: { items, noAward: values.noAward, reason: values.reason }, values };
}

function fieldOf(key: string, entryId: string): string {
	if (key === 'citation') return `citation-${entryId}`;
	if (key === 'outcome') return `outcome-${entryId}`;
	return '_form';
}

export function decisionIssueErrors(issues: DecisionIssue[], m: M): FieldErrors {
	const errors: FieldErrors = {};
	const put = (key: string, message: string) => (errors[key] ??= message);
	for (const issue of issues) {
		const id = issue.entryId ?? '';
		switch (issue.code) {
			case 'citation-required':
				put(`citation-${id}`, m.citationRequired);
				break;
			case 'award-blocked':
				put(`outcome-${id}`, m.awardBlocked(issue.detail ?? ''));
				break;
			case 'award-and-none':
				put(`outcome-${id}`, m.awardAndNone);
				break;
			case 'unknown-entry':
				put('_form', m.unknownEntry);
				break;
			case 'duplicate':
				put('_form', m.duplicateEntry);
				break;
			case 'reason-required':
				put('noAwardReason', m.reasonRequired);
				break;
			case 'empty':
				put('_form', m.emptyDecision);
				break;
		}
	}
	return errors;
}

export interface MeetingValues {
	meetingDate: string;
	place: string;
	present: string[];
}

export function parseMeetingForm(
	form: FormData,
	m: M
): { ok: true; version: string; input: MeetingInput } | { ok: false; errors: FieldErrors; values: MeetingValues } {
	const values: MeetingValues = {
		meetingDate: text(form, 'meetingDate'),
		place: text(form, 'place'),
		present: form.getAll('present').filter((v): v is string => typeof v === 'string')
	};
	const schema = z.object({
		meetingDate: z.string().refine(isIsoDay, m.badDate),
		place: z.string().max(200, m.placeTooLong),
		present: z.array(z.string().regex(/^[1-9]\d{0,15}$/, m.notMember).transform(Number)).min(1, m.nobodyPresent)
	});
	const checked = validate(schema, values);
	if (!checked.ok) {
		const errors: FieldErrors = {};
		for (const [key, message] of Object.entries(checked.errors)) errors[key.split('.')[0]] ??= message;
		return { ok: false, errors, values };
	}
	return { ok: true, version: text(form, 'version'), input: { meetingDate: checked.data.meetingDate, place: checked.data.place, presentUserIds: checked.data.present } };
}
