/**
 * What the unit's contacts send, checked at the edge: the autosave's JSON and the page's posted
 * form both become one account document, validated by one zod schema per language, limit and
 * model, with each message keyed by the field's name on the page (`accountFieldKey`).
 */
import { z } from 'zod';
import { accountFieldKey, answerLength, cleanAccount, emptyAccount, INTRODUCTION_LIMIT, withinLimit, type AccountDoc, type AccountInput, type AccountShape } from '$lib/domain/account';
import { SELF_REASON_LIMIT, selfAssessmentProblem } from '$lib/domain/self-assessment';
import type { Messages } from '$lib/i18n';
import { cached } from '../scoring/form';
import { validate, type Validated } from '../http/validate';

type Errors = Messages['accountForm']['errors'];
type Scoring = Messages['scoring']['errors'];

function accountSchema(e: Errors, s: Scoring, limit: number, shape: AccountShape[]) {
	const text = z.string({ error: s.badRequest });
	const self = z.object({ band: z.number({ error: e.selfBand }).nullable(), reason: text }, { error: s.badRequest }).nullish();
	const criterion = z.object({ criterionId: z.number({ error: s.badRequest }).int(), answers: z.array(text, { error: s.badRequest }), self });
	return z
		.object({
			introduction: text.refine((t) => withinLimit(t, INTRODUCTION_LIMIT), e.introductionTooLong(INTRODUCTION_LIMIT)),
			criteria: z.array(criterion, { error: s.badRequest })
		})
		.superRefine((doc, ctx) => {
			// The model decides the structure: every criterion once, in order, one answer per question.
			const fits = doc.criteria.length === shape.length && shape.every((c, i) => doc.criteria[i].criterionId === c.criterionId && doc.criteria[i].answers.length === c.questions);
			if (!fits) {
				ctx.addIssue({ code: 'custom', message: e.shape, path: [] });
				return;
			}
			doc.criteria.forEach((c, i) =>
				c.answers.forEach((answer, q) => {
					if (!withinLimit(answer, limit)) ctx.addIssue({ code: 'custom', message: e.tooLong(answerLength(answer), limit), path: ['criteria', i, 'answers', q] });
				})
			);
			doc.criteria.forEach((c, i) => {
				const problem = selfAssessmentProblem(c.self);
				if (problem === 'band') ctx.addIssue({ code: 'custom', message: e.selfBand, path: ['criteria', i, 'self', 'band'] });
				if (problem === 'reasonTooLong') ctx.addIssue({ code: 'custom', message: e.selfReasonTooLong(answerLength(c.self!.reason), SELF_REASON_LIMIT), path: ['criteria', i, 'self', 'reason'] });
			});
		})
		.transform(cleanAccount);
}

const version = (s: Scoring) => z.number({ error: s.version }).int(s.version).min(0, s.version);

/** A zod path into the account as the field's name on the page; '_form' for the whole. */
function keyOf(shape: AccountShape[]) {
	return (path: PropertyKey[]) => {
		const p = path[0] === 'doc' ? path.slice(1) : path;
		if (p[0] === 'introduction') return 'introduction';
		const criterion = typeof p[1] === 'number' ? shape[p[1]] : undefined;
		if (p[0] === 'criteria' && criterion && p[2] === 'answers' && typeof p[3] === 'number')
			return accountFieldKey({ kind: 'answer', criterionId: criterion.criterionId, question: p[3] });
		if (p[0] === 'criteria' && criterion && p[2] === 'self') return accountFieldKey({ kind: p[3] === 'reason' ? 'reason' : 'band', criterionId: criterion.criterionId });
		return '_form';
	};
}

const shapeKey = (limit: number, shape: AccountShape[]) => `account:${limit}:${shape.map((c) => `${c.criterionId}/${c.questions}`).join(',')}`;

/** An autosave's body: the version it is based on and the whole account. */
export function parseAccountSave(body: unknown, e: Errors, s: Scoring, limit: number, shape: AccountShape[]): Validated<{ baseVersion: number; doc: AccountDoc }> {
	const schema = cached(s, `save:${shapeKey(limit, shape)}`, () => z.object({ baseVersion: version(s), doc: accountSchema(e, s, limit, shape) }));
	return validate(schema, body, keyOf(shape));
}

/** A document alone (the page's posted form), by the same schema. */
export function parseAccount(doc: unknown, e: Errors, s: Scoring, limit: number, shape: AccountShape[]): Validated<AccountDoc> {
	return validate(cached(s, shapeKey(limit, shape), () => accountSchema(e, s, limit, shape)), doc, keyOf(shape));
}

/**
 * The page's posted form as the document, before validation: one field per name; a band's radio
 * buttons post its index, or nothing (or "") for no self-assessment.
 */
export function accountFromForm(form: FormData, shape: AccountShape[]): AccountInput {
	const str = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v : '';
	};
	const doc: AccountInput = emptyAccount(shape);
	doc.introduction = str(accountFieldKey({ kind: 'introduction' }));
	for (const c of doc.criteria) {
		c.answers = c.answers.map((_, question) => str(accountFieldKey({ kind: 'answer', criterionId: c.criterionId, question })));
		const band = str(accountFieldKey({ kind: 'band', criterionId: c.criterionId }));
		c.self = { band: band === '' ? null : Number(band), reason: str(accountFieldKey({ kind: 'reason', criterionId: c.criterionId })) };
	}
	return doc;
}
