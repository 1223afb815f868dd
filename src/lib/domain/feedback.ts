/**
 * The feedback report (docs/feedback.md): built from the team's consensus, edited by the lead,
 * approved and released by the award office. Pure: the server gathers the facts, these functions
 * shape the report and say whether it may be released.
 */
import { BANDS, bandOf, bandTextsOf, type CriterionKind } from './default-model';
import { compareIsoDays, isIsoDay } from './dates';
import type { SelfAssessment } from './account';

export const MAX_SUMMARY_LENGTH = 5000;
export const MAX_POINT_LENGTH = 1000;
export const MAX_POINTS = 20;
export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 1000;

/** What the jury decided for the entry; 'pending' while the decisions are not closed. */
export type ReportOutcome = 'award' | 'mention' | 'none' | 'pending';

export interface ReportCriterion {
	key: string;
	titleSv: string;
	titleEn: string;
	kind: CriterionKind;
	/** Band index 0–5 (see BANDS), or null when the consensus has no score. */
	band: number | null;
	/** The criterion's text for that band, in Swedish. */
	bandText: string;
	/** The consensus score, only when the cycle shows scores in feedback. */
	score: number | null;
	strengths: string[];
	improvements: string[];
	/** The unit's own band and reason from its submitted account; absent in reports made before it existed. */
	self?: SelfAssessment | null;
	/** The team's band for the criterion at the unit's last entry, when it returns. */
	previousBand?: number | null;
}

/** The report as stored in feedback_report.content (JSON). */
export interface ReportContent {
	format: 1;
	cycle: { year: number; name: string };
	unit: { name: string; organisation: string };
	awardClass: { sv: string; en: string };
	jury: {
		outcome: ReportOutcome;
		/** The citation for an award or mention, else ''. */
		citation: string;
		/** The jury's reason when it gave no award in the entry's class. */
		noAwardInClass: string | null;
	};
	/** Whether numeric scores are part of the report (cycle.scoresInFeedback). */
	showScores: boolean;
	summary: string;
	criteria: ReportCriterion[];
	team: { name: string; lead: boolean }[];
	/** The year of the unit's last entry with a released report, when it returns. */
	previousYear?: number | null;
}

/** The lead's part of the report: the texts, per criterion by key. */
export interface ReportEdit {
	summary: string;
	criteria: { key: string; strengths: string[]; improvements: string[] }[];
}

/** Everything a report is built from, as the server reads it. */
export interface ReportSource {
	cycle: { year: number; name: string; scoresInFeedback: boolean; decisionsClosed: boolean };
	unit: { name: string; organisation: string };
	awardClass: { sv: string; en: string };
	/** The cycle's criteria in display order. */
	criteria: { key: string; titleSv: string; titleEn: string; kind: CriterionKind; bandTexts: string[] }[];
	consensus: {
		summary: string;
		scores: Record<string, { score: number | null; strengths: string[]; improvements: string[] }>;
	} | null;
	team: { name: string; lead: boolean }[];
	/** The jury's decision on this entry, if any. */
	decision: { outcome: 'award' | 'mention'; citation: string } | null;
	/** The reason of a "no award in this class" decision, if the class has one. */
	classNoAward: string | null;
	/** The unit's own view by criterion key, read only once the consensus is done. */
	self: Record<string, SelfAssessment> | null;
	/** The unit's last entry with a released report: its year and the team's band by criterion key. */
	previous: { year: number; bands: Record<string, number | null> } | null;
}

/** The band text of a criterion: its own six texts, or the defaults of its kind. */
export function bandText(criterion: { kind: CriterionKind; bandTexts: string[] }, band: number): string {
	return bandTextsOf(criterion)[band] ?? '';
}

function cleanList(points: string[]): string[] {
	return points.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The report as the consensus and the jury leave it: the lead's starting point. */
export function buildReportContent(source: ReportSource): ReportContent {
	const { cycle } = source;
	return {
		format: 1,
		cycle: { year: cycle.year, name: cycle.name },
		unit: { ...source.unit },
		awardClass: { ...source.awardClass },
		jury: juryPart(source),
		showScores: cycle.scoresInFeedback,
		summary: source.consensus?.summary.trim() ?? '',
		criteria: source.criteria.map((c) => {
			const agreed = source.consensus?.scores[c.key];
			const score = agreed?.score ?? null;
			const band = score === null ? null : bandOf(score);
			return {
				key: c.key,
				titleSv: c.titleSv,
				titleEn: c.titleEn,
				kind: c.kind,
				band,
				bandText: band === null ? '' : bandText(c, band),
				score: cycle.scoresInFeedback ? score : null,
				strengths: cleanList(agreed?.strengths ?? []),
				improvements: cleanList(agreed?.improvements ?? []),
				self: source.self?.[c.key] ?? null,
				previousBand: source.previous ? (source.previous.bands[c.key] ?? null) : null
			};
		}),
		team: source.team.map((t) => ({ ...t })),
		previousYear: source.previous?.year ?? null
	};
}

function juryPart(source: ReportSource): ReportContent['jury'] {
	if (!source.cycle.decisionsClosed) return { outcome: 'pending', citation: '', noAwardInClass: null };
	return {
		outcome: source.decision?.outcome ?? 'none',
		citation: source.decision?.citation ?? '',
		noAwardInClass: source.classNoAward
	};
}

/**
 * The facts of a report brought up to date (unit, class, jury, bands, scores, team) while the
 * lead's texts stay as edited. Criteria follow the fresh list; a new criterion starts from the
 * consensus texts.
 */
export function refreshFacts(content: ReportContent, fresh: ReportContent): ReportContent {
	const edited = new Map(content.criteria.map((c) => [c.key, c]));
	return {
		...fresh,
		summary: content.summary,
		criteria: fresh.criteria.map((c) => {
			const own = edited.get(c.key);
			return own ? { ...c, strengths: own.strengths, improvements: own.improvements } : c;
		})
	};
}

export type EditProblem = { key: 'criteriaMismatch' };

/** The lead's texts put into the report; the criteria must be exactly the report's own. */
export function applyEdit(content: ReportContent, edit: ReportEdit): { ok: true; content: ReportContent } | { ok: false; problem: EditProblem } {
	const byKey = new Map(edit.criteria.map((c) => [c.key, c]));
	if (byKey.size !== edit.criteria.length || byKey.size !== content.criteria.length || content.criteria.some((c) => !byKey.has(c.key))) {
		return { ok: false, problem: { key: 'criteriaMismatch' } };
	}
	return {
		ok: true,
		content: {
			...content,
			summary: edit.summary.trim(),
			criteria: content.criteria.map((c) => {
				const e = byKey.get(c.key)!;
				return { ...c, strengths: cleanList(e.strengths), improvements: cleanList(e.improvements) };
			})
		}
	};
}

/** The lead's part of a report, e.g. to fill the editor or to compare two versions. */
export function editOf(content: ReportContent): ReportEdit {
	return {
		summary: content.summary,
		criteria: content.criteria.map((c) => ({ key: c.key, strengths: [...c.strengths], improvements: [...c.improvements] }))
	};
}

export type ReleaseBlocker = { key: 'decisionsOpen' } | { key: 'noCeremonyDate' } | { key: 'ceremonyNotPassed'; date: string };

/**
 * What stands in the way of releasing a cycle's reports by default: the jury's decisions must be
 * closed and the ceremony must be over (the day after it at the earliest, in Stockholm).
 */
export function releaseBlockers(cycle: { decisionsClosed: boolean; ceremonyDate: string | null }, today: string): ReleaseBlocker[] {
	const blockers: ReleaseBlocker[] = [];
	if (!cycle.decisionsClosed) blockers.push({ key: 'decisionsOpen' });
	if (!cycle.ceremonyDate || !isIsoDay(cycle.ceremonyDate)) blockers.push({ key: 'noCeremonyDate' });
	else if (compareIsoDays(today, cycle.ceremonyDate) <= 0) blockers.push({ key: 'ceremonyNotPassed', date: cycle.ceremonyDate });
	return blockers;
}

export type ReportStatus = 'draft' | 'approved' | 'released';

export type ReleaseCheck =
	| { ok: true; overridden: boolean }
	| { ok: false; reason: 'notApproved' | 'alreadyReleased' | 'blocked' | 'reasonTooShort' | 'reasonTooLong' };

/**
 * Whether one report may be released now. Only an approved report goes out; while blockers stand,
 * only with an override reason of a sensible length (it goes to the audit log).
 */
export function checkRelease(status: ReportStatus, blockers: ReleaseBlocker[], overrideReason: string): ReleaseCheck {
	if (status === 'released') return { ok: false, reason: 'alreadyReleased' };
	if (status !== 'approved') return { ok: false, reason: 'notApproved' };
	if (blockers.length === 0) return { ok: true, overridden: false };
	const reason = overrideReason.trim();
	if (reason.length === 0) return { ok: false, reason: 'blocked' };
	if (reason.length < MIN_OVERRIDE_REASON) return { ok: false, reason: 'reasonTooShort' };
	if (reason.length > MAX_OVERRIDE_REASON) return { ok: false, reason: 'reasonTooLong' };
	return { ok: true, overridden: true };
}

/** The lead edits only a draft; the admin approves a draft and sends back an approved report. */
export function mayEdit(status: ReportStatus): status is 'draft' {
	return status === 'draft';
}

export function mayApprove(status: ReportStatus): boolean {
	return status === 'draft';
}

export function maySendBack(status: ReportStatus): boolean {
	return status === 'approved';
}

/** "50–65": the score range of a band, for the band table. */
export function bandRange(band: number): string {
	const b = BANDS[band];
	return b ? `${b.min}–${b.max}` : '';
}
