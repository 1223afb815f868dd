/**
 * The written account as a form (docs/unit-side.md#4-the-written-account-as-a-form): its document,
 * the length limit per answer, its state, the deadline that closes it, the day E4 reads, and the
 * canonical text a receipt's checksum is taken over. Pure, so the form's live count, the server's
 * check and the typesetting agree.
 */
import { compareIsoDays, stockholmDay } from './dates';
import { cleanText } from './scoring';

/** The length limit per answer when the admin has set none. */
export const DEFAULT_ANSWER_LIMIT = 4000;
/** The range the admin may set the limit in. */
export const ANSWER_LIMIT_RANGE = { min: 200, max: 20_000 } as const;
/** An upper bound for the introduction, which has no limit of its own but must stay sane. */
export const INTRODUCTION_LIMIT = 20_000;

/**
 * The unit's own view of one criterion: the band (0–5, as `BANDS` in default-model.ts) it places
 * itself in and a short reason. Optional, and hidden from examiners and the jury until the entry's
 * consensus is done (docs/unit-side.md#5-self-assessment).
 */
export interface SelfAssessment {
	band: number;
	reason: string;
}

/**
 * One criterion's answers, one per question of the criterion, in the model's order, and the unit's
 * own view of it: while the account is a draft that may be a reason still waiting for its band
 * (band null), which a submitted account never holds (`madeSelf` reads the view as made).
 */
export interface AccountCriterion {
	criterionId: number;
	answers: string[];
	self?: SelfAssessmentInput | null;
}

export interface AccountDoc {
	introduction: string;
	criteria: AccountCriterion[];
}

/**
 * The self-assessment as the form holds it and the draft keeps it: a reason may be written before a
 * band is chosen (band null). The draft keeps it, so that nothing typed is lost and the rest of the
 * form goes on saving; handing the account in needs the band (`reasonsWithoutBand`).
 */
export interface SelfAssessmentInput {
	band: number | null;
	reason: string;
}

/** The self-assessment as made, or null: a reason still waiting for its band is not one yet. */
export function madeSelf(self: SelfAssessmentInput | null | undefined): SelfAssessment | null {
	return self && self.band !== null ? { band: self.band, reason: self.reason } : null;
}

/** The account as the form sends it, before it is checked and cleaned into an `AccountDoc`. */
export interface AccountInput {
	introduction: string;
	criteria: (Omit<AccountCriterion, 'self'> & { self?: SelfAssessmentInput | null })[];
}

/** The structure the cycle's model gives the account: per criterion, how many questions it asks. */
export interface AccountShape {
	criterionId: number;
	questions: number;
}

/**
 * A field of the account. A criterion's self-assessment has two: its band and its reason. In the
 * conflict view the band's field stands for the whole self-assessment, so that a band is never
 * taken from one version and its reason from another.
 */
export type AccountField =
	| { kind: 'introduction' }
	| { kind: 'answer'; criterionId: number; question: number }
	| { kind: 'band' | 'reason'; criterionId: number };

/** A field's one name: the input's name, the key of its message, the conflict view's choice. */
export function accountFieldKey(f: AccountField): string {
	if (f.kind === 'introduction') return 'introduction';
	if (f.kind === 'answer') return `answers.${f.criterionId}.${f.question}`;
	return `self.${f.criterionId}.${f.kind}`;
}

export function parseAccountFieldKey(key: string): AccountField | null {
	if (key === 'introduction') return { kind: 'introduction' };
	const answer = /^answers\.(\d+)\.(\d+)$/.exec(key);
	if (answer) return { kind: 'answer', criterionId: Number(answer[1]), question: Number(answer[2]) };
	const self = /^self\.(\d+)\.(band|reason)$/.exec(key);
	return self ? { kind: self[2] as 'band' | 'reason', criterionId: Number(self[1]) } : null;
}

/** An empty account of the model's shape. */
export function emptyAccount(shape: AccountShape[]): AccountDoc {
	return { introduction: '', criteria: shape.map((s) => ({ criterionId: s.criterionId, answers: Array.from({ length: s.questions }, () => '') })) };
}

/**
 * The length of an answer as the unit sees it: the characters left after cleaning (line ends made
 * plain, trailing spaces gone), counted by code point, so that "å" or an emoji is one character and
 * not the two UTF-16 units JavaScript's `length` would count.
 */
export function answerLength(text: string): number {
	const clean = cleanText(text);
	let n = 0;
	for (let i = 0; i < clean.length; i++) {
		const c = clean.charCodeAt(i);
		// A low surrogate completes a pair already counted.
		if (c < 0xdc00 || c > 0xdfff) n++;
	}
	return n;
}

/** Whether an answer is within the limit; cheap for the common case of a short answer. */
export function withinLimit(text: string, limit: number): boolean {
	// Cleaning only removes, and a code point is at least one UTF-16 unit.
	return text.length <= limit || answerLength(text) <= limit;
}

/** Every answer longer than the limit, with its length. */
export function answersOverLimit(doc: AccountInput, limit: number): { field: AccountField; length: number }[] {
	const out: { field: AccountField; length: number }[] = [];
	for (const c of doc.criteria) {
		c.answers.forEach((text, question) => {
			if (!withinLimit(text, limit)) out.push({ field: { kind: 'answer', criterionId: c.criterionId, question }, length: answerLength(text) });
		});
	}
	return out;
}

/** The fields still empty: submitting needs the introduction and every answer. */
export function emptyFields(doc: AccountInput): AccountField[] {
	const out: AccountField[] = [];
	if (cleanText(doc.introduction) === '') out.push({ kind: 'introduction' });
	for (const c of doc.criteria) {
		c.answers.forEach((text, question) => {
			if (cleanText(text) === '') out.push({ kind: 'answer', criterionId: c.criterionId, question });
		});
	}
	return out;
}

/**
 * The account as the server keeps it: every text cleaned, and a self-assessment only where a band
 * is chosen or a reason written, so that an account without one is exactly what it was before
 * units could make one.
 */
export function cleanAccount(doc: AccountInput): AccountDoc {
	return {
		introduction: cleanText(doc.introduction),
		criteria: doc.criteria.map((c) => {
			const band = typeof c.self?.band === 'number' ? c.self.band : null;
			const reason = cleanText(c.self?.reason ?? '');
			const answers = c.answers.map(cleanText);
			return band !== null || reason !== '' ? { criterionId: c.criterionId, answers, self: { band, reason } } : { criterionId: c.criterionId, answers };
		})
	};
}

export type AccountStateName = 'none' | 'draft' | 'submitted';

/** Where an entry's account stands: not begun, a draft, or submitted at a time. */
export interface AccountState {
	state: AccountStateName;
	submittedAt: Date | null;
}

export function accountState(row: { status: 'draft' | 'submitted'; submittedAt: Date | null } | null | undefined): AccountState {
	if (!row) return { state: 'none', submittedAt: null };
	return row.status === 'submitted' ? { state: 'submitted', submittedAt: row.submittedAt } : { state: 'draft', submittedAt: null };
}

/**
 * The last day an entry may hand in its account: the cycle's deadline, or the admin's extension
 * for this entry when that is later (an extension never shortens the time). Null: no deadline set.
 */
export function accountDeadline(cycleDeadline: string | null, extendedTo: string | null): string | null {
	if (cycleDeadline === null) return extendedTo;
	if (extendedTo === null) return cycleDeadline;
	return compareIsoDays(extendedTo, cycleDeadline) > 0 ? extendedTo : cycleDeadline;
}

/**
 * Whether the account may still be written and submitted at `now`: until the end of its last day
 * in Stockholm, days compared as E4 compares them (docs/eligibility.md). No deadline: open.
 */
export function isAccountOpen(now: Date, deadline: string | null): boolean {
	return deadline === null || compareIsoDays(stockholmDay(now), deadline) <= 0;
}

/**
 * The day E4 reads: a form's submission time as a Stockholm day; otherwise the day the admin
 * recorded for an account sent another way; null when neither has arrived.
 */
export function accountArrivalDay(submittedAt: Date | null, receivedDate: string | null): string | null {
	return submittedAt ? stockholmDay(submittedAt) : receivedDate;
}

export interface ReceiptAttachment {
	fileName: string;
	sha256: string;
	size: number;
}

/**
 * What a receipt's SHA-256 is taken over: the entry, every text, each self-assessment made and
 * every attachment's hash, as JSON with a fixed order of keys, criteria in the model's order and
 * attachments by hash. The same account always gives the same text, so anyone holding it can
 * compute the checksum again; a criterion without a self-assessment is written as it always was.
 */
export function canonicalAccount(entryId: number, doc: AccountDoc, attachments: ReceiptAttachment[]): string {
	const clean = cleanAccount(doc);
	return JSON.stringify({
		entry: entryId,
		introduction: clean.introduction,
		criteria: clean.criteria.map((c) => {
			const self = madeSelf(c.self);
			return self ? { criterion: c.criterionId, answers: c.answers, self } : { criterion: c.criterionId, answers: c.answers };
		}),
		attachments: [...attachments]
			.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : a.fileName < b.fileName ? -1 : 1))
			.map((a) => ({ sha256: a.sha256, name: a.fileName, size: a.size }))
	});
}

export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * An answer's plain text as blocks for reading: a blank line ends a paragraph, and lines starting
 * with "- " make a list. The typeset PDF and the examiners' view both read it this way.
 */
export function textBlocks(text: string): TextBlock[] {
	return cleanTextBlocks(cleanText(text));
}

/** `textBlocks` of a text already cleaned, as every saved answer is: the scoring page reads many. */
export function cleanTextBlocks(clean: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	let paragraph: string[] = [];
	let list: string[] | null = null;
	const endParagraph = () => {
		if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
		paragraph = [];
	};
	const endList = () => {
		if (list?.length) blocks.push({ kind: 'list', items: list });
		list = null;
	};
	for (const line of clean.split('\n')) {
		const item = /^\s*[-–•]\s+(.*)$/.exec(line);
		if (item) {
			endParagraph();
			(list ??= []).push(item[1]);
		} else if (line.trim() === '') {
			endParagraph();
			endList();
		} else if (list && /^\s+\S/.test(line)) {
			// An indented line continues the list item above it.
			list[list.length - 1] += ` ${line.trim()}`;
		} else {
			endList();
			paragraph.push(line);
		}
	}
	endParagraph();
	endList();
	return blocks;
}

export interface AccountDifference {
	field: AccountField;
	/** A text, or for a band's field the whole self-assessment (null: none). */
	mine: string | SelfAssessmentInput | null;
	theirs: string | SelfAssessmentInput | null;
}

const sameSelf = (a: SelfAssessmentInput | null | undefined, b: SelfAssessmentInput | null | undefined) => (a?.band ?? null) === (b?.band ?? null) && (a?.reason ?? '') === (b?.reason ?? '');

/** The fields where two versions differ: what the conflict view puts side by side. */
export function accountDifferences(mine: AccountDoc, theirs: AccountDoc): AccountDifference[] {
	const out: AccountDifference[] = [];
	if (mine.introduction !== theirs.introduction) out.push({ field: { kind: 'introduction' }, mine: mine.introduction, theirs: theirs.introduction });
	for (const m of mine.criteria) {
		const t = theirs.criteria.find((c) => c.criterionId === m.criterionId);
		m.answers.forEach((text, question) => {
			const other = t?.answers[question] ?? '';
			if (text !== other) out.push({ field: { kind: 'answer', criterionId: m.criterionId, question }, mine: text, theirs: other });
		});
		if (!sameSelf(m.self, t?.self)) out.push({ field: { kind: 'band', criterionId: m.criterionId }, mine: m.self ?? null, theirs: t?.self ?? null });
	}
	return out;
}

/** Mine, with the chosen fields taken from theirs. */
export function pickAccountFields(mine: AccountDoc, theirs: AccountDoc, takeTheirs: AccountField[]): AccountDoc {
	const next: AccountDoc = JSON.parse(JSON.stringify(mine));
	for (const f of takeTheirs) {
		if (f.kind === 'introduction') next.introduction = theirs.introduction;
		else {
			const target = next.criteria.find((c) => c.criterionId === f.criterionId);
			const source = theirs.criteria.find((c) => c.criterionId === f.criterionId);
			if (!target || !source) continue;
			if (f.kind === 'answer' && f.question < target.answers.length) target.answers[f.question] = source.answers[f.question] ?? '';
			// The band's field carries the whole self-assessment (see AccountField).
			if (f.kind === 'band') {
				if (source.self) target.self = { ...source.self };
				else delete target.self;
			}
		}
	}
	return next;
}

/** Attachments: what a file's first bytes say it is (never its name or the browser's claim). */
export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** The type the first bytes of a file name, or null for anything else. */
export function attachmentType(head: Uint8Array): AttachmentType | null {
	const starts = (magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
	if (starts(PDF)) return 'application/pdf';
	if (starts(PNG)) return 'image/png';
	if (starts(JPEG)) return 'image/jpeg';
	return null;
}

/** The file name an attachment is shown under: its extension made to match its content. */
export function attachmentName(safeStem: string, type: AttachmentType): string {
	const extension = type === 'application/pdf' ? '.pdf' : type === 'image/png' ? '.png' : '.jpg';
	return safeStem.replace(/\.(pdf|png|jpe?g)$/i, '') + extension;
}
