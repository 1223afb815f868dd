/**
 * The spread of the units' own views against their teams' over a cycle, for the award office's
 * training of units (docs/feedback.md#7-the-spread-over-a-cycle): per entry whose consensus is done
 * and whose submitted account carries a self-assessment, each criterion's two bands; per criterion
 * how many placed themselves higher, the same or lower, by how much, and the mean signed gap.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { classNames, selectEntries } from '../registry/entry-names';
import { cycleSelfAssessments } from '../account/self';
import type { OutCell, OutTable } from '../imports/write-table';
import { bandOf, bandName } from '$lib/domain/default-model';
import { bandGap, selfSpread, type CriterionSpread } from '$lib/domain/self-comparison';
import type { SelfAssessment } from '$lib/domain/account';
import { localised, localName } from '$lib/i18n/names';
import type { Locale, Messages } from '$lib/i18n';

export interface SpreadCriterion {
	key: string;
	titleSv: string;
	titleEn: string;
}

export interface SpreadEntry {
	entryId: number;
	unitName: string;
	organisation: string;
	className: string;
	classNameEn: string;
	/** In the criteria's order: the unit's own view and the team's band. */
	views: { self: SelfAssessment | null; team: number | null }[];
}

export interface CycleSpread {
	criteria: SpreadCriterion[];
	/** Entries with a done consensus. */
	done: number;
	/** Of those, the ones whose submitted account carries a self-assessment. */
	entries: SpreadEntry[];
	spread: CriterionSpread[];
}

export function cycleSpread(cycleId: number): CycleSpread {
	const d = db();
	const criteria = d
		.select({ id: table.criterion.id, key: table.criterion.key, titleSv: table.criterion.titleSv, titleEn: table.criterion.titleEn })
		.from(table.criterion)
		.where(eq(table.criterion.cycleId, cycleId))
		.orderBy(asc(table.criterion.sortOrder), asc(table.criterion.id))
		.all();
	const done = selectEntries(d, { ...classNames, consensusId: table.consensus.id })
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.innerJoin(table.consensus, and(eq(table.consensus.entryId, table.entry.id), eq(table.consensus.status, 'done')))
		.where(eq(table.entry.cycleId, cycleId))
		.orderBy(asc(table.unit.name))
		.all();
	const selves = cycleSelfAssessments(d, cycleId);
	const assessed = done.filter((e) => selves.has(e.entryId));
	const scores = new Map<string, number | null>();
	if (assessed.length > 0) {
		const rows = d
			.select({ consensusId: table.consensusScore.consensusId, criterionId: table.consensusScore.criterionId, score: table.consensusScore.score })
			.from(table.consensusScore)
			.where(inArray(table.consensusScore.consensusId, assessed.map((e) => e.consensusId)))
			.all();
		for (const r of rows) scores.set(`${r.consensusId}:${r.criterionId}`, r.score);
	}
	const entries = assessed.map((e): SpreadEntry => {
		const own = selves.get(e.entryId)!;
		return {
			entryId: e.entryId,
			unitName: e.unitName,
			organisation: e.organisation,
			className: e.className,
			classNameEn: e.classNameEn,
			views: criteria.map((c) => {
				const score = scores.get(`${e.consensusId}:${c.id}`) ?? null;
				return { self: own.get(c.id) ?? null, team: score === null ? null : bandOf(score) };
			})
		};
	});
	const spread = selfSpread(
		criteria.map((c) => c.key),
		entries.map((e) => e.views.map((v, i) => ({ key: criteria[i].key, self: v.self?.band ?? null, team: v.team })))
	);
	return { criteria: criteria.map(({ key, titleSv, titleEn }) => ({ key, titleSv, titleEn })), done: done.length, entries, spread };
}

/** One row per entry and criterion with both views, for Excel: the levels 1–6, the gap and the reason. */
export function spreadTable(data: CycleSpread, m: Messages, locale: Locale): OutTable {
	const c = m.selfComparison.spread.columns;
	const level = (band: number | null) => (band === null ? null : bandName(band).level);
	const rows: OutCell[][] = data.entries.flatMap((e) =>
		e.views.map((v, i) => [
			e.unitName,
			e.organisation,
			localName(locale, { sv: e.className, en: e.classNameEn }),
			localised(locale, data.criteria[i], 'title'),
			level(v.self?.band ?? null),
			level(v.team),
			v.self && v.team !== null ? bandGap(v.self.band, v.team) : null,
			v.self?.reason || null
		])
	);
	return {
		sheet: m.selfComparison.spread.sheet,
		headers: [c.unit, c.organisation, c.awardClass, c.criterion, c.own, c.team, c.gap, c.reason],
		rows,
		yes: m.common.yes,
		no: m.common.no
	};
}
