/**
 * The actions of a page that edits a versioned document with autosave: the examiner's assessment
 * and the lead's consensus. Both read the request the same way, refuse the same way and answer a
 * stale version with both texts for the conflict view; a `VersionedDocument` says what differs
 * (the guard, the schema, the reads and writes, the status that closes the document, messages).
 */
import { fail, json, type ActionFailure, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { EntryAccess } from '../access/guards';
import type { SessionUser } from '../auth/session';
import { readForm } from '../http/request';
import { immediately } from '../db/immediate';
import { messagesOf } from '../http/locale';
import { cycleCriteria } from './assessments';
import { conflictChoices, firstMessage, formVersion, parseSave, readSaveBody, validatePosted, type Posted, type SaveRequestIn } from './form';
import type { ActionConflict, Saved, SaveAnswer, SaveRequest } from '$lib/domain/autosave-wire';
import { pickFields, type AssessmentDoc, type ConsensusDoc } from '$lib/domain/scoring';
import type { Messages } from '$lib/i18n';
import type { Validated } from '../http/validate';

type Scoring = Messages['scoring'];
type Errors = Scoring['errors'];
type Closed = 'submitted' | 'done';

export type Event = Pick<RequestEvent<{ entryId: string }>, 'params' | 'locals' | 'url' | 'cookies' | 'request'>;

/**
 * What an autosave's guard and messages read of the request: the entry in the address and the
 * language cookie. SvelteKit's event has them, and so has the direct answer (direct-autosave.ts).
 */
export interface SaveEvent {
	params: { entryId: string };
	cookies: Pick<Cookies, 'get'>;
}

/** A save on top of a version: the new version, or what is saved now when that version is old or closed. */
export type Written<D> = { ok: true; version: number; savedAt: number } | { ok: false; reason: 'conflict' | Closed; current: Saved<D> | null };

/** Submitting or marking done: refused as a save is, or because criteria have no score yet. */
export type Finished<D> = { ok: true } | { ok: false; reason: 'incomplete'; missing: number[] } | Extract<Written<D>, { ok: false }>;

/** What the autosave needs once its guard has let the request through: how to read the body, and the save. */
export interface AutosaveTarget<D> {
	parse(body: unknown, e: Errors): Validated<SaveRequest<D>>;
	save(baseVersion: number, doc: D): Written<D>;
}

/** The assessment's and the consensus' reading of an autosave's body: the cycle's criteria and scale step. */
export function scoredTarget<D>(
	name: string,
	schema: (e: Errors, step: number, criterionIds: number[]) => z.ZodType<D>,
	scaleStep: number,
	criterionIds: number[],
	save: AutosaveTarget<D>['save']
): AutosaveTarget<D> {
	return { parse: (body, e) => parseSave(name, schema, body, e, scaleStep, criterionIds), save };
}

/**
 * A document saved by the autosave endpoint: the assessment, the consensus and the unit's written
 * account (account/document.ts) share the wire format, the refusals and the conflict answer.
 */
export interface Autosaved<D> {
	/** The autosave's guard: throws 404 where the page's does, null where the phase closes writing. */
	autosave(event: SaveEvent, user: SessionUser): AutosaveTarget<D> | null;
	/** The status that ends editing: nothing is saved over it. */
	closed: Closed;
	closedMessage(e: Errors, m: Messages): string;
	/** Why writing is closed, when not the scoring phase's message. */
	phaseMessage?(m: Messages): string;
}

export interface VersionedDocument<D extends AssessmentDoc | ConsensusDoc, F extends object> extends Autosaved<D> {
	/** The page's guard: 404 for anyone who may not open it. */
	guard(event: Event): EntryAccess;
	/** Whether the phase, and the person's own state, let them write now. */
	writable(access: EntryAccess): boolean;
	schema(e: Errors, step: number, criterionIds: number[]): z.ZodType<D>;
	/** The posted form as the document, before validation. */
	fromForm(form: FormData, criterionIds: number[], access: EntryAccess): Posted<D>;
	read(access: EntryAccess, criterionIds: number[]): Saved<D> | null;
	save(access: EntryAccess, baseVersion: number, doc: D): Written<D>;
	/** Submit, or mark done: saved and closed in one go, when complete. */
	finish(access: EntryAccess, baseVersion: number, doc: D): Finished<D>;
	/** What `finish` answers when it went through. */
	finished: F;
	missingMessage(m: Scoring, titles: string): string;
}

type Kind<D extends AssessmentDoc | ConsensusDoc> = VersionedDocument<D, object>;
type Refusal = ActionFailure<Record<string, unknown>>;

/** What an action makes of the request: a document on top of a version, or a refusal. */
export type Input<D> = { ok: true; doc: D; version: number; extra?: Record<string, unknown> } | { ok: false; failure: Refusal };

/** Guard, messages and the posted form, read once for every action of the page. */
export async function begin<D extends AssessmentDoc | ConsensusDoc>(kind: Kind<D>, event: Event) {
	const access = kind.guard(event);
	const messages = messagesOf(event.cookies);
	const m = messages.scoring;
	const form = await readForm(event);
	const criterionIds = access.criterionIds;
	const schema = kind.schema(m.errors, access.cycle.scaleStep, criterionIds);
	return { kind, access, m, messages, form, criterionIds, schema, version: formVersion(form) };
}

export type Begun<D extends AssessmentDoc | ConsensusDoc> = Awaited<ReturnType<typeof begin<D>>>;

/** An input refused with `fail(status, data)`. */
export const refuse = (status: number, data: Record<string, unknown>): { ok: false; failure: Refusal } => ({ ok: false, failure: fail(status, data) });

/** 409 with both texts: what was sent and what is saved now. */
function conflict<D extends AssessmentDoc | ConsensusDoc>(b: Begun<D>, reason: 'conflict' | Closed, mine: D, current: Saved<D> | null) {
	const answer: ActionConflict<D> = {
		message: reason === b.kind.closed ? b.kind.closedMessage(b.m.errors, b.messages) : b.m.errors.conflict,
		conflict: { mine, theirs: current && { version: current.version, status: current.status, doc: current.doc } }
	};
	return fail(409, answer);
}

/** The posted document validated; a refusal carries the field messages and what was typed. */
export function posted<D extends AssessmentDoc | ConsensusDoc>(b: Begun<D>): Input<D> {
	const post = b.kind.fromForm(b.form, b.criterionIds, b.access);
	const result = validatePosted(post, b.schema, b.m.errors, b.criterionIds);
	if (!result.ok) return refuse(400, { message: firstMessage(result.errors), errors: result.errors, values: post.foreign ? null : post.raw });
	if (!Number.isSafeInteger(b.version)) return refuse(400, { message: b.m.errors.version });
	return { ok: true, doc: result.data, version: b.version };
}

/** The conflict view's choices: per field mine or the saved one, on top of the version saved now. */
function chosen<D extends AssessmentDoc | ConsensusDoc>(b: Begun<D>): Input<D> {
	let raw: unknown = null;
	try {
		raw = JSON.parse(String(b.form.get('mine') ?? ''));
	} catch {
		/* refused just below */
	}
	const mine = b.schema.safeParse(raw);
	if (!mine.success || !Number.isSafeInteger(b.version)) return refuse(400, { message: b.m.errors.badRequest });
	const current = b.kind.read(b.access, b.criterionIds);
	const closed = current?.status === b.kind.closed;
	if ((current?.version ?? 0) !== b.version || closed) return { ok: false, failure: conflict(b, closed ? b.kind.closed : 'conflict', mine.data, current) };
	const doc = current ? pickFields(mine.data, current.doc, conflictChoices(b.form)) : mine.data;
	return { ok: true, doc, version: b.version };
}

/**
 * Saves what `input` makes of the request on top of its version; nothing is written on refusal.
 * Without `input`, the posted form: "Spara" without JavaScript, and the list buttons with it off.
 */
export async function save<D extends AssessmentDoc | ConsensusDoc>(kind: Kind<D>, event: Event, input: (b: Begun<D>) => Input<D> = posted) {
	const b = await begin(kind, event);
	if (!kind.writable(b.access)) return fail(403, { message: b.m.errors.phase });
	const i = input(b);
	if (!i.ok) return i.failure;
	const out = kind.save(b.access, i.version, i.doc);
	if (!out.ok) return conflict(b, out.reason, i.doc, out.current);
	return { saved: true as const, version: out.version, ...i.extra };
}

/** The conflict view's form posted: the chosen fields saved on top of the version saved now. */
export function resolve<D extends AssessmentDoc | ConsensusDoc>(kind: Kind<D>, event: Event) {
	return save(kind, event, chosen);
}

/** Submit, or mark done: the posted document saved and closed, if every criterion has a score. */
export async function finish<D extends AssessmentDoc | ConsensusDoc, F extends object>(kind: VersionedDocument<D, F>, event: Event) {
	const b = await begin(kind, event);
	if (!kind.writable(b.access)) return fail(403, { message: b.m.errors.phase });
	const p = posted(b);
	if (!p.ok) return p.failure;
	const out = kind.finish(b.access, p.version, p.doc);
	if (out.ok) return { ...kind.finished };
	if (out.reason === 'incomplete') {
		const titles = cycleCriteria(b.access.cycle.id).filter((c) => out.missing.includes(c.id)).map((c) => c.titleSv);
		return fail(400, { message: kind.missingMessage(b.m, titles.join(', ')), values: p.doc });
	}
	return conflict(b, out.reason, p.doc, out.current);
}

/**
 * The autosave endpoint: the whole document on top of the version it is based on; 409 with what
 * is saved now when that version is old or the document closed.
 */
export async function autosave<D>(kind: Autosaved<D>, event: Event): Promise<Response> {
	const request = { user: event.locals.user, contentType: event.request.headers.get('content-type'), text: () => event.request.text() };
	const answer = await autosaveAnswer(kind, event, request);
	return json(answer.body, { status: answer.status });
}

/** The autosave's answer as status and body, whoever turned the request into `event` and `request`. */
export async function autosaveAnswer<D>(kind: Autosaved<D>, event: SaveEvent, request: SaveRequestIn): Promise<SaveAnswer<D>> {
	const messages = messagesOf(event.cookies);
	const m = messages.scoring;
	const read = await readSaveBody(request, m.errors, m.save.signedOut);
	if (!read.ok) return read.answer;
	// The guard's read, the version check and the write in one transaction: the rights are decided
	// on the state the save is written over, and the statements share one lock instead of each
	// taking its own.
	return immediately(() => savedAnswer(kind, event, request.user!, read.body, messages));
}

function savedAnswer<D>(kind: Autosaved<D>, event: SaveEvent, user: SessionUser, body: unknown, messages: Messages): SaveAnswer<D> {
	const m = messages.scoring;
	const target = kind.autosave(event, user);
	if (!target) return { status: 403, body: { message: kind.phaseMessage?.(messages) ?? m.errors.phase } };
	const parsed = target.parse(body, m.errors);
	if (!parsed.ok) return { status: 400, body: { message: firstMessage(parsed.errors), errors: parsed.errors } };
	const request: SaveRequest<D> = parsed.data;
	const out = target.save(request.baseVersion, request.doc);
	if (out.ok) return { status: 200, body: { version: out.version, savedAt: out.savedAt } };
	const current = out.current && { version: out.current.version, status: out.current.status, doc: out.current.doc };
	return { status: 409, body: { reason: out.reason, message: out.reason === kind.closed ? kind.closedMessage(m.errors, messages) : m.errors.conflict, current } };
}
