/**
 * What the ranking pages show (docs/aggregation.md): a class's ranked table with the totals chart,
 * its robustness and agreement tables, one entry's details with the radar and the examiners'
 * scores, and the examiners' severity for the admin. Everything comes from one ranking of the
 * class's whole cycle, because the severity adjustment looks at every score of the cycle: the
 * cycle as this person sees it, without the entries they are barred from (`access.barred`), so
 * that nothing here is computed over an entry they may not learn about. The ranking is shared
 * between requests (`cachedRanking`), so nothing here may change it.
 */
import { error } from '@sveltejs/kit';
import { inArray } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { cachedRanking, type CycleRanking, type RankedRow, type RankingCriterion } from './ranking';
import type { RankingAccess } from './guards';
import { rankRobustness, type ClassRobustness, type RankingMethod } from '$lib/domain/robustness';
import { agreementByClass, type CriterionAgreement } from '$lib/domain/krippendorff';
import { examinerSeverity, examinerTotals, type ExaminerSeverity } from '$lib/domain/examiners';
import { classMedians, parseSort, sortRows, type Sort } from '$lib/domain/ranking-table';

export interface RankingCell {
	used: number | null;
	spread: number | null;
	divergent: boolean;
}

export type ViewRow = Omit<RankedRow, 'criteria' | 'classId'> & { criteria: Record<string, RankingCell> };

/** Only what the pages show: the page data travels to the browser with every view. */
function viewRow(row: RankedRow): ViewRow {
	const criteria: Record<string, RankingCell> = {};
	for (const [key, s] of Object.entries(row.criteria)) {
		criteria[key] = { used: s.used, spread: s.spread, divergent: s.divergent };
	}
	const { classId: _, criteria: __, ...rest } = row;
	return { ...rest, criteria };
}

function rankingOf(access: RankingAccess): CycleRanking {
	return cachedRanking(access.cycle.id, access.barred) ?? error(404, { message: 'not-found' });
}

// The robustness table of a (cached) ranking, computed once: it ranks the whole cycle again.
const robustnessMemo = new WeakMap<CycleRanking, ClassRobustness[]>();
function robustnessOf(ranking: CycleRanking): ClassRobustness[] {
	let result = robustnessMemo.get(ranking);
	if (!result) robustnessMemo.set(ranking, (result = rankRobustness(ranking.input)));
	return result;
}

function classOf(ranking: CycleRanking, classId: number) {
	return ranking.classes.find((c) => c.id === classId) ?? error(404, { message: 'not-found' });
}

/** Display names of users by id (examiners), as a map from the id strings rankEntries uses. */
function userNames(ids: Iterable<string>): Map<string, string> {
	const numeric = [...new Set(ids)].map(Number);
	if (numeric.length === 0) return new Map();
	return new Map(
		db()
			.select({ id: table.user.id, name: table.user.name })
			.from(table.user)
			.where(inArray(table.user.id, numeric))
			.all()
			.map((u) => [String(u.id), u.name])
	);
}

export interface RobustnessView {
	entryId: number;
	unitName: string;
	ranks: Record<RankingMethod, number | null>;
	totals: Record<RankingMethod, number | null>;
	topChanges: boolean;
}

export interface TotalsBar {
	unitName: string;
	total: number | null;
	examiners: { name: string; total: number | null }[];
}

export interface ClassCounts {
	entries: number;
	finalists: number;
	incomplete: number;
}

function classCounts(rows: readonly RankedRow[]): ClassCounts {
	return { entries: rows.length, finalists: rows.filter((r) => r.finalist).length, incomplete: rows.filter((r) => r.incomplete).length };
}

export interface ClassPage {
	criteria: RankingCriterion[];
	divergenceThreshold: number;
	rows: ViewRow[];
	/** This person is barred from entries of the cycle, which the page then says it leaves out. */
	someBarred: boolean;
	sort: Sort;
	finalistsOnly: boolean;
	/** Every criterion and the adjusted total in their own columns (`?view=full`), else the compact table. */
	full: boolean;
	counts: ClassCounts;
	totals: TotalsBar[];
}

/** The class's ranked table as this person may see it, sorted and filtered as the address says. */
export function classRankingPage(access: RankingAccess, classId: number, params: URLSearchParams, locale = 'sv'): ClassPage {
	const ranking = rankingOf(access);
	const { rows } = classOf(ranking, classId);
	const sort = parseSort(params, ranking.criteria.map((c) => c.key));
	const finalistsOnly = params.get('finalists') === '1';
	const shown = sortRows(rows.map(viewRow), sort, locale).filter((r) => !finalistsOnly || r.finalist);
	const ids = new Set(rows.map((r) => String(r.entryId)));
	const ownTotals = examinerTotals(ranking.input.criteria, ranking.input.scores.filter((s) => ids.has(s.entryId)));
	const names = userNames([...ownTotals.values()].flatMap((list) => list.map((x) => x.examinerId)));
	return {
		criteria: ranking.criteria,
		divergenceThreshold: ranking.divergenceThreshold,
		rows: shown,
		someBarred: access.barred.size > 0,
		sort,
		finalistsOnly,
		full: params.get('view') === 'full',
		counts: classCounts(rows),
		totals: rows.map((r) => ({
			unitName: r.unitName,
			total: r.total,
			examiners: (ownTotals.get(String(r.entryId)) ?? []).map((x) => ({ name: names.get(x.examinerId) ?? '', total: x.total }))
		}))
	};
}

export interface RobustnessPage {
	criteria: RankingCriterion[];
	robustness: RobustnessView[];
	/** The k of the class's "top k", 0 for a class too small for one (`topK`). */
	top: number;
	agreement: CriterionAgreement[];
	someBarred: boolean;
}

/** How robust the class's ranking is, and how well its examiners agree per criterion. */
export function classRobustnessPage(access: RankingAccess, classId: number): RobustnessPage {
	const ranking = rankingOf(access);
	const klass = classOf(ranking, classId);
	const byId = new Map(klass.rows.map((r) => [String(r.entryId), r]));
	const ofClass = robustnessOf(ranking).find((c) => c.classId === String(classId));
	const robustness = (ofClass?.rows ?? []).map((r) => ({
		entryId: Number(r.id),
		unitName: byId.get(r.id)!.unitName,
		ranks: r.ranks,
		totals: r.totals,
		topChanges: r.topChanges
	}));
	const classIds = new Set(byId.keys());
	const agreement = agreementByClass({
		criteria: ranking.input.criteria,
		entries: ranking.input.entries.filter((e) => classIds.has(e.id)),
		scores: ranking.input.scores.filter((s) => classIds.has(s.entryId))
	});
	return { criteria: ranking.criteria, robustness, top: ofClass?.top ?? 0, agreement, someBarred: access.barred.size > 0 };
}

export interface EntryPage {
	row: ViewRow;
	criteria: (RankingCriterion & RankedRow['criteria'][string] & { classMedian: number | null })[];
	examiners: { name: string; scores: Record<string, number | null> }[];
	divergenceThreshold: number;
}

/** One entry's statistics per criterion, the class medians and the examiners' submitted scores. */
export function entryRankingPage(access: RankingAccess, classId: number, entryId: number): EntryPage {
	const ranking = rankingOf(access);
	const klass = classOf(ranking, classId);
	const row = klass.rows.find((r) => r.entryId === entryId) ?? error(404, { message: 'not-found' });
	const medians = classMedians(klass.rows, ranking.criteria.map((c) => c.key));
	const id = String(entryId);
	const byExaminer = new Map<string, Record<string, number | null>>();
	for (const s of ranking.input.scores) {
		if (s.entryId !== id) continue;
		let scores = byExaminer.get(s.examinerId);
		if (!scores) byExaminer.set(s.examinerId, (scores = Object.fromEntries(ranking.criteria.map((c) => [c.key, null]))));
		scores[s.criterion] = s.score;
	}
	const names = userNames(byExaminer.keys());
	return {
		row: viewRow(row),
		criteria: ranking.criteria.map((c) => ({ ...c, ...row.criteria[c.key], classMedian: medians[c.key] })),
		examiners: [...byExaminer]
			.map(([examinerId, scores]) => ({ name: names.get(examinerId) ?? '', scores }))
			.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
		divergenceThreshold: ranking.divergenceThreshold
	};
}

export interface ClassSummary extends ClassCounts {
	id: number;
	nameSv: string;
	nameEn: string;
}

export interface CycleOverview {
	classes: ClassSummary[];
	/** For the admin only: each examiner's mean against everyone's. */
	severity: { overall: { n: number; mean: number | null; sd: number | null }; examiners: (ExaminerSeverity & { name: string })[] } | null;
}

/** The classes of the cycle with their counts; the severity table too when the admin asks. */
export function cycleRankingOverview(access: RankingAccess): CycleOverview {
	const ranking = rankingOf(access);
	const classes = ranking.classes.map((c) => ({ id: c.id, nameSv: c.nameSv, nameEn: c.nameEn, ...classCounts(c.rows) }));
	if (!access.isAdmin) return { classes, severity: null };
	// Only the admitted entries' scores, as in the severity adjustment itself.
	const admitted = new Set(ranking.input.entries.map((e) => e.id));
	const report = examinerSeverity(ranking.input.scores.filter((s) => admitted.has(s.entryId)));
	const names = userNames(report.examiners.map((x) => x.examinerId));
	return {
		classes,
		severity: { overall: report.overall, examiners: report.examiners.map((x) => ({ ...x, name: names.get(x.examinerId) ?? '' })) }
	};
}
