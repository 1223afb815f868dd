/**
 * The account page's load and actions, so the route stays thin: the form without JavaScript
 * (save, resolve a conflict), submitting, and the attachments. Every action starts at the page's
 * guard and asks `openness` before it writes.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import {
	accountDeadline,
	accountFieldKey,
	MAX_ATTACHMENT_BYTES,
	MAX_ATTACHMENTS,
	parseAccountFieldKey,
	pickAccountFields,
	type AccountDoc,
	type AccountField
} from '$lib/domain/account';
import { declaredTooLarge } from '$lib/domain/documents';
import { messagesOf } from '../http/locale';
import { readForm } from '../http/request';
import { formVersion, firstMessage } from '../scoring/form';
import { cycleCriteria, entryNames } from '../scoring/assessments';
import { discardBody } from '../registry/account';
import { openness, requireAccount } from './document';
import { accountFromForm, parseAccount } from './form';
import { accountHead, accountShape, listAttachments, readAccount, saveAccount, type SavedAccount } from './store';
import { addAttachment, removeAttachment } from './attachments';
import { submitAccount } from './submit';
import { accountRevision, listAccountRevisions, restoreAccount } from './revisions';
import { submittedAccountPdf } from './pdf';

type Event = Pick<RequestEvent<{ entryId: string }>, 'params' | 'locals' | 'url' | 'cookies' | 'request'>;

/** Everything the page shows: the model's structure, what is saved, whether it may be written, the attachments. */
export function accountPage(event: Event) {
	const access = requireAccount(event, event.params.entryId);
	const shape = accountShape(access.cycle.id);
	const saved = readAccount(access, shape);
	const state = openness(access, saved);
	return {
		entry: { id: access.entry.id, ...entryNames(access.entry.id) },
		cycle: { name: access.cycle.name, limit: access.cycle.accountAnswerLimit },
		criteria: cycleCriteria(access.cycle.id).map((c) => ({ id: c.id, titleSv: c.titleSv, titleEn: c.titleEn, questions: c.questions, bandTexts: c.bandTexts })),
		account: {
			version: saved?.version ?? 0,
			status: saved?.status ?? 'draft',
			doc: saved?.doc ?? null,
			submittedAt: saved?.submittedAt ?? null,
			receiptSha256: saved?.receiptSha256 ?? null,
			hasPdf: saved?.pdfSha256 !== null && saved?.pdfSha256 !== undefined
		},
		openness: state,
		deadline: accountDeadline(access.cycle.accountDeadline, saved?.extendedTo ?? null),
		attachments: saved ? listAttachments(saved.id) : [],
		// Earlier versions to restore, while the account may still be written.
		revisions: state === 'open' ? listAccountRevisions(access.entry.id) : []
	};
}

async function begin(event: Event) {
	const access = requireAccount(event, event.params.entryId);
	const messages = messagesOf(event.cookies);
	const shape = accountShape(access.cycle.id);
	return { access, messages, m: messages.accountForm, shape };
}

type Begun = Awaited<ReturnType<typeof begin>>;

/** The form's own refusal when the account may not be written now, or null. */
function closed(b: Begun) {
	const state = openness(b.access, accountHead(b.access.entry.id));
	if (state === 'open') return null;
	return fail(state === 'submitted' ? 409 : 403, { message: state === 'submitted' ? b.m.errors.submitted : b.m.errors.closed });
}

/** A write refused on an old version or a submitted account: both documents, for the conflict view. */
function conflictOn(b: Begun, out: { reason: 'conflict' | 'submitted'; current: SavedAccount | null }, mine: AccountDoc) {
	const current = out.current && { version: out.current.version, status: out.current.status, doc: out.current.doc };
	return fail(409, { message: out.reason === 'submitted' ? b.m.errors.submitted : b.messages.scoring.errors.conflict, conflict: { mine, theirs: current } });
}

function saveOn(b: Begun, version: number, doc: AccountDoc) {
	const out = saveAccount(b.access, b.access.user.id, version, doc, b.shape);
	return out.ok ? { saved: true as const, version: out.version } : conflictOn(b, out, doc);
}

function posted(b: Begun, form: FormData) {
	const raw = accountFromForm(form, b.shape);
	const parsed = parseAccount(raw, b.m.errors, b.messages.scoring.errors, b.access.cycle.accountAnswerLimit, b.shape);
	const version = formVersion(form);
	if (!parsed.ok) return { ok: false as const, failure: fail(400, { message: firstMessage(parsed.errors), errors: parsed.errors, values: raw }) };
	if (!Number.isSafeInteger(version)) return { ok: false as const, failure: fail(400, { message: b.messages.scoring.errors.version }) };
	return { ok: true as const, doc: parsed.data, version };
}

/** "Spara" without JavaScript: the posted form on top of its version. */
export async function saveAction(event: Event) {
	const b = await begin(event);
	const form = await readForm(event);
	const refusal = closed(b);
	if (refusal) return refusal;
	const p = posted(b, form);
	return p.ok ? saveOn(b, p.version, p.doc) : p.failure;
}

/** The conflict view's choices, without JavaScript: per field mine or the saved one, on top of the version saved now. */
export async function resolveAction(event: Event) {
	const b = await begin(event);
	const form = await readForm(event);
	const refusal = closed(b);
	if (refusal) return refusal;
	let mine: unknown = null;
	try {
		mine = JSON.parse(String(form.get('mine') ?? ''));
	} catch {
		/* refused just below */
	}
	const parsed = parseAccount(mine, b.m.errors, b.messages.scoring.errors, b.access.cycle.accountAnswerLimit, b.shape);
	if (!parsed.ok) return fail(400, { message: b.messages.scoring.errors.badRequest });
	const current = readAccount(b.access, b.shape);
	const take: AccountField[] = [];
	for (const [name, value] of form.entries()) {
		const field = name.startsWith('take.') && value === 'theirs' ? parseAccountFieldKey(name.slice(5)) : null;
		if (field) take.push(field);
	}
	const doc = current ? pickAccountFields(parsed.data, current.doc, take) : parsed.data;
	return saveOn(b, current?.version ?? 0, doc);
}

/** Why the account cannot be handed in yet: a message naming what is left, and one at each of its fields. */
function unfinished(b: Begun, reason: 'empty' | 'reasonWithoutBand', fields: AccountField[], doc: AccountDoc) {
	const titles = new Map(cycleCriteria(b.access.cycle.id).map((c) => [c.id, c.titleSv]));
	const nameOf = (f: AccountField) =>
		f.kind === 'introduction' ? b.m.introduction : f.kind === 'answer' ? `${titles.get(f.criterionId)}, ${b.m.question(f.question + 1).toLowerCase()}` : (titles.get(f.criterionId) ?? '');
	const names = fields.map(nameOf).join('; ');
	const message = reason === 'empty' ? b.m.errors.empty(names) : b.m.errors.selfReasonsWithoutBand(names);
	const atField = reason === 'empty' ? message : b.m.errors.selfReasonWithoutBand;
	return fail(400, { message, errors: Object.fromEntries(fields.map((f) => [accountFieldKey(f), atField])), values: doc });
}

/** An earlier version saved again as the newest, on top of the version the page holds. */
export async function restoreAction(event: Event) {
	const b = await begin(event);
	const form = await readForm(event);
	const refusal = closed(b);
	if (refusal) return refusal;
	const revision = accountRevision(b.access.entry.id, Number(form.get('revision')), b.shape);
	if (!revision) return fail(404, { message: b.m.errors.noSuchRevision });
	const version = formVersion(form);
	if (!Number.isSafeInteger(version)) return fail(400, { message: b.messages.scoring.errors.version });
	// Checked as a save is: a version kept under a longer limit than the cycle's now is refused.
	const parsed = parseAccount(revision.doc, b.m.errors, b.messages.scoring.errors, b.access.cycle.accountAnswerLimit, b.shape);
	if (!parsed.ok) return fail(400, { message: firstMessage(parsed.errors), errors: parsed.errors });
	const out = restoreAccount(b.access, { version: revision.version, doc: parsed.data }, version, b.shape);
	if (out.ok) return { restored: revision.version, version: out.version };
	return 'current' in out ? conflictOn(b, out, parsed.data) : fail(403, { message: b.m.errors.closed });
}

/** Hands the account in: what is pending saved on its version first, then the receipt. */
export async function submitAction(event: Event) {
	const b = await begin(event);
	const form = await readForm(event);
	const p = posted(b, form);
	if (!p.ok) return p.failure;
	const out = submitAccount(b.access, p.version, p.doc, b.shape);
	if (out.ok) {
		// The unit's copy is typeset now, so it does not wait; "open the account" makes it if this
		// failed, and the copy without the self-assessment when a reader who may not see it first asks.
		await submittedAccountPdf(b.access, b.access.cycle.id).catch(() => null);
		return { receipt: out.receipt };
	}
	if (out.reason === 'empty' || out.reason === 'reasonWithoutBand') return unfinished(b, out.reason, out.fields, p.doc);
	return 'current' in out ? conflictOn(b, out, p.doc) : fail(403, { message: b.m.errors.closed });
}

/** One attachment uploaded: checked by its content as it streams into the store. */
export async function attachAction(event: Event) {
	const b = await begin(event);
	const refusal = closed(b);
	const tooLarge = declaredTooLarge(event.request.headers.get('content-length'), MAX_ATTACHMENT_BYTES);
	if (refusal || tooLarge) {
		await discardBody(event.request);
		return refusal ?? fail(413, { attachError: b.m.errors.tooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024) });
	}
	const form = await readForm(event);
	const file = form.get('attachment');
	if (!(file instanceof File) || file.size === 0) return fail(400, { attachError: b.m.errors.noFile });
	if (file.size > MAX_ATTACHMENT_BYTES) return fail(413, { attachError: b.m.errors.tooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024) });
	const out = await addAttachment(b.access.entry.id, b.access.user.id, b.access.cycle.id, file.name, file.stream());
	if (out.ok) return { attached: out.attachment.fileName, version: out.version };
	const message =
		out.reason === 'tooMany' ? b.m.errors.tooMany(MAX_ATTACHMENTS) : out.reason === 'tooLarge' ? b.m.errors.tooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024) : out.reason === 'empty' ? b.m.errors.noFile : b.m.errors.notAttachment;
	return fail(out.reason === 'tooLarge' ? 413 : 400, { attachError: message });
}

export async function detachAction(event: Event) {
	const b = await begin(event);
	const form = await readForm(event);
	const refusal = closed(b);
	if (refusal) return refusal;
	const removed = removeAttachment(b.access.entry.id, b.access.user.id, b.access.cycle.id, Number(form.get('attachment')));
	return removed.ok ? { detached: true, version: removed.version } : fail(404, { attachError: b.m.errors.noSuchAttachment });
}
