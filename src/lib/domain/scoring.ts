/**
 * The rules of individual assessment and consensus (docs/assessment-model.md, docs/assessing.md) as
 * pure functions: what a valid score is, when work is complete, how far a team's scores diverge,
 * how the team's points merge into the consensus' starting points, and who is late.
 */
import { compareIsoDays } from './dates';
import { may, type EntryFacts, type Viewer } from './permissions';
import { isOpenForScoring } from './phases';

/** Sane limits for what examiners type; the server refuses anything longer. */
export const LIMITS = {
	point: 2000,
	points: 50,
	notes: 10_000,
	criterionNotes: 10_000,
	summary: 10_000,
	findings: 10_000,
	participants: 1000,
	reason: 1000
} as const;

/**
 * Whether someone may see a team's assessments of an entry. Independence
 * (docs/assessing.md#2-independence): a team member — the lead too — sees teammates' work only
 * after submitting their own, so that no first judgement leans on another's; the admin, who is on
 * no team, always.
 */
export function mayReadTeamWork(viewer: Viewer, facts: EntryFacts): boolean {
	return may(viewer, 'assessment.readTeam', facts);
}

/** The lead (once their own is in) or the admin may reopen a submitted assessment while scoring is open. */
export function mayReopen(viewer: Viewer, facts: EntryFacts): boolean {
	return may(viewer, 'assessment.reopen', facts);
}

/** The lead writes the consensus once their own assessment is submitted (so they have seen the team's). */
export function mayWriteConsensus(viewer: Viewer, facts: EntryFacts): boolean {
	return may(viewer, 'consensus.write', facts);
}

/**
 * Whether an assessment's or a consensus' form opens for typing: the person may write it now and it
 * is still a draft. A submitted assessment or a done consensus is shown read-only until reopened.
 */
export function isWritable(work: { mayWrite: boolean; status: 'draft' | 'submitted' | 'done' }): boolean {
	return work.mayWrite && work.status === 'draft';
}

/** Where an examiner's own assessment of an entry stands: not started, a draft, or submitted. */
export type AssessmentState = 'none' | 'draft' | 'submitted';

export interface CriterionWork {
	criterionId: number;
	score: number | null;
	strengths: string[];
	improvements: string[];
	/** Private notes: never shown to anyone but their author. */
	notes: string;
}

/** One examiner's assessment as it is edited and saved, every criterion of the cycle once. */
export interface AssessmentDoc {
	notes: string;
	criteria: CriterionWork[];
}

export interface ConsensusCriterion {
	criterionId: number;
	score: number | null;
	strengths: string[];
	improvements: string[];
}

export interface SiteVisitDoc {
	date: string | null;
	participants: string;
	findings: string;
}

export interface ConsensusDoc {
	summary: string;
	recommendFinalist: boolean | null;
	criteria: ConsensusCriterion[];
	siteVisit: SiteVisitDoc;
}

export type ScoreProblem = 'notInteger' | 'range' | 'step';

/** Why a score is not allowed on a scale of 0–100 in steps of `step`, or null when it is. */
export function scoreProblem(score: number, step: number): ScoreProblem | null {
	if (!Number.isInteger(score)) return 'notInteger';
	if (score < 0 || score > 100) return 'range';
	if (score % step !== 0) return 'step';
	return null;
}

/** Every value a score control offers: 0, step, 2·step, … 100. */
export function scaleValues(step: number): number[] {
	const values: number[] = [];
	for (let v = 0; v <= 100; v += step) values.push(v);
	return values;
}

/** Ids of the cycle's criteria that still have no score. */
export function missingCriteria(criterionIds: number[], work: { criterionId: number; score: number | null }[]): number[] {
	const scored = new Set(work.filter((w) => w.score !== null).map((w) => w.criterionId));
	return criterionIds.filter((id) => !scored.has(id));
}

/** Complete when every criterion of the cycle has a score. */
export function isComplete(criterionIds: number[], work: { criterionId: number; score: number | null }[]): boolean {
	return criterionIds.length > 0 && missingCriteria(criterionIds, work).length === 0;
}

const SPACE = /\s/;
const SPACE_BEFORE_BREAK = /[^\S\n]\n/;

/** Whether `cleanText` would leave the text as it is: no carriage return, no whitespace before a line break or at either end. */
function isClean(value: string): boolean {
	if (value === '') return true;
	if (SPACE.test(value[0]) || SPACE.test(value[value.length - 1]) || value.includes('\r')) return false;
	return !value.includes('\n') || !SPACE_BEFORE_BREAK.test(value);
}

/**
 * Text as typed, with Windows and old Mac line breaks made plain, trailing spaces on each line and
 * whitespace at either end removed; line breaks inside are kept.
 */
export function cleanText(value: string): string {
	// Autosave cleans every text of the document on every save and nearly all of it is clean
	// already: one scan for anything the cleaning would change is much cheaper than splitting.
	if (isClean(value)) return value;
	return value
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/\s+$/u, ''))
		.join('\n')
		.trim();
}

/** A list of points with each point cleaned and empty ones dropped. */
export function cleanPoints(points: string[]): string[] {
	return points.map(cleanText).filter((p) => p.length > 0);
}

export interface CriterionSpread {
	n: number;
	mean: number | null;
	min: number | null;
	max: number | null;
	spread: number | null;
	divergent: boolean;
}

/** The spread, in points, at which a team's scores on a criterion diverge, unless the cycle sets its own. */
export const DEFAULT_DIVERGENCE_THRESHOLD = 30;

/** Scores diverge when their spread reaches the threshold: a spread of exactly the threshold counts. */
export function isDivergent(spread: number, threshold: number): boolean {
	return spread >= threshold;
}

/** Mean and spread of a team's submitted scores on one criterion, and whether they diverge. */
export function criterionSpread(scores: number[], threshold: number): CriterionSpread {
	if (scores.length === 0) return { n: 0, mean: null, min: null, max: null, spread: null, divergent: false };
	const min = Math.min(...scores);
	const max = Math.max(...scores);
	const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
	return { n: scores.length, mean, min, max, spread: max - min, divergent: isDivergent(max - min, threshold) };
}

/** The same point regardless of case, spacing and a closing full stop. */
function pointKey(point: string): string {
	return point.toLocaleLowerCase('sv').replace(/\s+/g, ' ').replace(/[.!\s]+$/u, '').trim();
}

/** The team's points in one list, first occurrence first, with repeats removed; capped at the limit. */
export function mergePoints(lists: string[][]): string[] {
	const seen = new Set<string>();
	const merged: string[] = [];
	for (const list of lists) {
		for (const raw of list) {
			const point = cleanText(raw);
			const key = pointKey(point);
			if (!key || seen.has(key)) continue;
			seen.add(key);
			merged.push(point);
		}
	}
	return merged.slice(0, LIMITS.points);
}

/** Whether a list already holds a point, by the same reading as the merge. */
export function hasPoint(list: string[], point: string): boolean {
	const key = pointKey(point);
	return list.some((p) => pointKey(p) === key);
}

/** Consensus starting points: per criterion the team's strengths and improvements merged, no score yet. */
export function consensusStart(criterionIds: number[], team: AssessmentDoc[]): ConsensusCriterion[] {
	return criterionIds.map((criterionId) => {
		const of = (doc: AssessmentDoc) => doc.criteria.find((c) => c.criterionId === criterionId);
		return {
			criterionId,
			score: null,
			strengths: mergePoints(team.map((d) => of(d)?.strengths ?? [])),
			improvements: mergePoints(team.map((d) => of(d)?.improvements ?? []))
		};
	});
}

/** Late: not done, and today (a Stockholm calendar day) is after the due day. */
export function isLate(today: string, due: string | null, done: boolean): boolean {
	return !done && due !== null && compareIsoDays(today, due) > 0;
}

/** A list of points with one operation applied: the buttons that work with and without JavaScript. */
export type ListOp = { op: 'up' | 'down' | 'remove'; index: number } | { op: 'add' };

export function applyListOp(list: string[], op: ListOp): string[] {
	const next = [...list];
	if (op.op === 'add') {
		if (next.length < LIMITS.points) next.push('');
		return next;
	}
	const i = op.index;
	if (i < 0 || i >= next.length) return next;
	if (op.op === 'remove') next.splice(i, 1);
	else if (op.op === 'up' && i > 0) [next[i - 1], next[i]] = [next[i], next[i - 1]];
	else if (op.op === 'down' && i < next.length - 1) [next[i + 1], next[i]] = [next[i], next[i + 1]];
	return next;
}

export type CriterionFieldKey = 'score' | 'strengths' | 'improvements' | 'notes';

export type DocField =
	| { kind: 'notes' }
	| { kind: 'summary' }
	| { kind: 'recommend' }
	| { kind: 'siteVisit'; key: keyof SiteVisitDoc }
	| { kind: 'criterion'; criterionId: number; key: CriterionFieldKey };

export interface FieldDifference {
	field: DocField;
	mine: unknown;
	theirs: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields where two versions of an assessment differ: what the conflict view puts side by side. */
export function assessmentDifferences(mine: AssessmentDoc, theirs: AssessmentDoc): FieldDifference[] {
	const out: FieldDifference[] = [];
	if (!same(mine.notes, theirs.notes)) out.push({ field: { kind: 'notes' }, mine: mine.notes, theirs: theirs.notes });
	for (const m of mine.criteria) {
		const t = theirs.criteria.find((c) => c.criterionId === m.criterionId);
		for (const key of ['score', 'strengths', 'improvements', 'notes'] as const) {
			const theirsValue = t ? t[key] : key === 'score' ? null : key === 'notes' ? '' : [];
			if (!same(m[key], theirsValue)) out.push({ field: { kind: 'criterion', criterionId: m.criterionId, key }, mine: m[key], theirs: theirsValue });
		}
	}
	return out;
}

/** The same for a consensus, site visit included. */
export function consensusDifferences(mine: ConsensusDoc, theirs: ConsensusDoc): FieldDifference[] {
	const out: FieldDifference[] = [];
	if (!same(mine.summary, theirs.summary)) out.push({ field: { kind: 'summary' }, mine: mine.summary, theirs: theirs.summary });
	if (mine.recommendFinalist !== theirs.recommendFinalist)
		out.push({ field: { kind: 'recommend' }, mine: mine.recommendFinalist, theirs: theirs.recommendFinalist });
	for (const key of ['date', 'participants', 'findings'] as const) {
		if (!same(mine.siteVisit[key], theirs.siteVisit[key]))
			out.push({ field: { kind: 'siteVisit', key }, mine: mine.siteVisit[key], theirs: theirs.siteVisit[key] });
	}
	for (const m of mine.criteria) {
		const t = theirs.criteria.find((c) => c.criterionId === m.criterionId);
		for (const key of ['score', 'strengths', 'improvements'] as const) {
			const theirsValue = t ? t[key] : key === 'score' ? null : [];
			if (!same(m[key], theirsValue)) out.push({ field: { kind: 'criterion', criterionId: m.criterionId, key }, mine: m[key], theirs: theirsValue });
		}
	}
	return out;
}

/**
 * A version of a document with some fields taken from `theirs` and the rest from `mine`: what the
 * person ends up with after choosing, field by field, in the conflict view.
 */
export function pickFields<D extends AssessmentDoc | ConsensusDoc>(mine: D, theirs: D, takeTheirs: DocField[]): D {
	// JSON, not structuredClone: the documents are plain JSON, and reactive proxies cannot be cloned.
	const next = JSON.parse(JSON.stringify(mine)) as D;
	const t = theirs as AssessmentDoc & ConsensusDoc;
	const n = next as AssessmentDoc & ConsensusDoc;
	for (const f of takeTheirs) {
		if (f.kind === 'notes') n.notes = t.notes;
		else if (f.kind === 'summary') n.summary = t.summary;
		else if (f.kind === 'recommend') n.recommendFinalist = t.recommendFinalist;
		else if (f.kind === 'siteVisit') (n.siteVisit as unknown as Record<string, unknown>)[f.key] = t.siteVisit[f.key];
		else {
			const target = (n.criteria as (CriterionWork | ConsensusCriterion)[]).find((c) => c.criterionId === f.criterionId);
			const source = (t.criteria as (CriterionWork | ConsensusCriterion)[]).find((c) => c.criterionId === f.criterionId);
			if (target && source && f.key in source) (target as unknown as Record<string, unknown>)[f.key] = (source as unknown as Record<string, unknown>)[f.key];
		}
	}
	return next;
}

/**
 * A field's one name ("notes", "recommend", "siteVisit.date", "criteria.12.score"): the form
 * field's name, the key of its validation message, the conflict view's choice and the audit key.
 */
export function fieldKey(f: DocField): string {
	if (f.kind === 'criterion') return `criteria.${f.criterionId}.${f.key}`;
	if (f.kind === 'siteVisit') return `siteVisit.${f.key}`;
	return f.kind;
}

export const criterionKey = (criterionId: number, key: CriterionFieldKey) => fieldKey({ kind: 'criterion', criterionId, key });
export const siteVisitKey = (key: keyof SiteVisitDoc) => fieldKey({ kind: 'siteVisit', key });

export function parseFieldKey(key: string): DocField | null {
	if (key === 'notes' || key === 'summary' || key === 'recommend') return { kind: key };
	const visit = /^siteVisit\.(date|participants|findings)$/.exec(key);
	if (visit) return { kind: 'siteVisit', key: visit[1] as keyof SiteVisitDoc };
	const c = /^criteria\.(\d+)\.(score|strengths|improvements|notes)$/.exec(key);
	if (c) return { kind: 'criterion', criterionId: Number(c[1]), key: c[2] as CriterionFieldKey };
	return null;
}

/** What a list button of a point does: the list ops, and "use" for a team point taken into the consensus. */
export type ListButton = { criterionId: number; list: 'strengths' | 'improvements'; op: 'up' | 'down' | 'remove' | 'use'; index: number };

/** A list button's value: the list's name, the operation and the point ("criteria.12.strengths.up.3"). */
export function listButton(b: ListButton): string {
	return `${criterionKey(b.criterionId, b.list)}.${b.op}.${b.index}`;
}

/** A criterion's list of points as the shared point-list component names its fields and buttons. */
export function criterionPointList(criterionId: number, list: 'strengths' | 'improvements') {
	return {
		name: criterionKey(criterionId, list),
		base: `${list}-${criterionId}`,
		opValue: (op: 'up' | 'down' | 'remove', index: number) => listButton({ criterionId, list, op, index })
	};
}

export function parseListButton(value: string): ListButton | null {
	const m = /^(.+)\.(up|down|remove|use)\.(\d+)$/.exec(value);
	const field = m && parseFieldKey(m[1]);
	if (!m || field?.kind !== 'criterion' || (field.key !== 'strengths' && field.key !== 'improvements')) return null;
	return { criterionId: field.criterionId, list: field.key, op: m[2] as ListButton['op'], index: Number(m[3]) };
}

/** An assessment as the server keeps it: texts cleaned, empty points dropped. */
export function cleanAssessment(doc: AssessmentDoc): AssessmentDoc {
	return {
		notes: cleanText(doc.notes),
		criteria: doc.criteria.map((c) => ({
			...c,
			strengths: cleanPoints(c.strengths),
			improvements: cleanPoints(c.improvements),
			notes: cleanText(c.notes)
		}))
	};
}

export function cleanConsensus(doc: ConsensusDoc): ConsensusDoc {
	return {
		summary: cleanText(doc.summary),
		recommendFinalist: doc.recommendFinalist,
		criteria: doc.criteria.map((c) => ({ ...c, strengths: cleanPoints(c.strengths), improvements: cleanPoints(c.improvements) })),
		siteVisit: {
			date: doc.siteVisit.date || null,
			participants: cleanText(doc.siteVisit.participants),
			findings: cleanText(doc.siteVisit.findings)
		}
	};
}
