import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo } from '../demo/seed';
import { cachedRanking, rankCycle, type CycleRanking } from './ranking';
import { rankEntries } from '$lib/domain/aggregate';
import { entryEligibility } from '../eligibility/eligibility';
import { requireRankingClass, requireRankingCycle, requireRankingEntry } from './guards';
import { classRankingPage, classRobustnessPage, cycleRankingOverview, entryRankingPage } from './views';

let db: DB;
let cycleId: number;

const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const event = (email: string) =>
	({ locals: { user: { id: userId(email), email, name: '', isAdmin: false }, session: null }, url: new URL('http://x/ranking') }) as never;
const entryOf = (unitName: string) =>
	db
		.select({ id: table.entry.id, classId: table.entry.classId })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(eq(table.unit.name, unitName))
		.get()!;
const ranked = (): CycleRanking => rankCycle(cycleId)!;
const rowOf = (ranking: CycleRanking, entryId: number) => ranking.classes.flatMap((c) => c.rows).find((r) => r.entryId === entryId);
const criteria = () => db.select().from(table.criterion).where(eq(table.criterion.cycleId, cycleId)).orderBy(table.criterion.sortOrder).all();

/** Sets every agreed score of an entry's consensus (criterion key → score). */
function setConsensus(entryId: number, scores: Record<string, number | null>, status: 'done' | 'draft' = 'done') {
	const c = db.select().from(table.consensus).where(eq(table.consensus.entryId, entryId)).get()!;
	db.update(table.consensus).set({ status }).where(eq(table.consensus.id, c.id)).run();
	for (const criterion of criteria()) {
		if (!(criterion.key in scores)) continue;
		db.update(table.consensusScore)
			.set({ score: scores[criterion.key] })
			.where(and(eq(table.consensusScore.consensusId, c.id), eq(table.consensusScore.criterionId, criterion.id)))
			.run();
	}
}

function examinerScores(entryId: number) {
	return db
		.select({ assessmentId: table.assessment.id, key: table.criterion.key, score: table.assessmentScore.score, status: table.assessment.status })
		.from(table.assessment)
		.innerJoin(table.assessmentScore, eq(table.assessmentScore.assessmentId, table.assessment.id))
		.innerJoin(table.criterion, eq(table.criterion.id, table.assessmentScore.criterionId))
		.where(eq(table.assessment.entryId, entryId))
		.all();
}

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'jury', passwordHash: 'x' });
	cycleId = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!.id;
});

describe('rankCycle on the demo year in the jury phase', () => {
	it('ranks exactly the admitted entries, with the flags eligibility.ts gives them', () => {
		const ranking = ranked();
		const expected = entryEligibility(cycleId).filter((e) => e.admitted);
		const rows = ranking.classes.flatMap((c) => c.rows);
		expect(rows.map((r) => r.entryId).sort()).toEqual(expected.map((e) => e.entryId).sort());
		for (const e of expected) {
			const row = rowOf(ranking, e.entryId)!;
			expect(row.classId).toBe(e.classId);
			expect(row.unitName).toBe(e.unitName);
			expect(row.organisation).toBe(e.organisation);
			expect(row.awardBlocked).toBe(e.eligibility.awardBlocked);
			expect(row.overridden).toEqual(e.failing);
		}
		// The demo's unit in deficit is ranked but flagged E8; the one that won in 2024 is not admitted.
		expect(rowOf(ranking, entryOf('Sjöstadsskolan').id)?.awardBlocked).toBe(true);
		expect(rowOf(ranking, entryOf('Vård- och omsorgsboendet Trädgården').id)).toBeUndefined();
		expect(ranking.classes.map((c) => c.rows.length)).toEqual([2, 2, 2, 4, 2]);
	});

	it('computes the total from the done consensus, worked by hand from the rows', () => {
		const entry = entryOf('Enheten för hemlösa');
		const agreed = db
			.select({ score: table.consensusScore.score, weight: table.criterion.weight })
			.from(table.consensus)
			.innerJoin(table.consensusScore, eq(table.consensusScore.consensusId, table.consensus.id))
			.innerJoin(table.criterion, eq(table.criterion.id, table.consensusScore.criterionId))
			.where(eq(table.consensus.entryId, entry.id))
			.all();
		const expected = agreed.reduce((sum, a) => sum + a.score! * a.weight, 0) / agreed.reduce((sum, a) => sum + a.weight, 0);
		const row = rowOf(ranked(), entry.id)!;
		expect(row.total).toBeCloseTo(expected, 10);
		expect(row.consensus).toBe('done');
		// Three submitted assessments per criterion.
		expect(Object.values(row.criteria).every((s) => s.n === 3)).toBe(true);
	});

	it('gives equal totals a shared rank and skips the next (1, 2, 2, 4)', () => {
		const inClass = ranked().classes[3].rows;
		const all = Object.fromEntries(criteria().map((c) => [c.key, 60]));
		setConsensus(inClass[0].entryId, Object.fromEntries(criteria().map((c) => [c.key, 80])));
		setConsensus(inClass[1].entryId, all);
		setConsensus(inClass[2].entryId, all);
		setConsensus(inClass[3].entryId, Object.fromEntries(criteria().map((c) => [c.key, 40])));
		const rows = ranked().classes[3].rows;
		expect(rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
		expect(rows.map((r) => r.total)).toEqual([80, 60, 60, 40]);
	});

	it('uses the examiners’ mean while the consensus is a draft, and the agreed score once it is done', () => {
		const entry = entryOf('Resursenheten');
		const keys = criteria().map((c) => c.key);
		setConsensus(entry.id, { [keys[0]]: 100 }, 'draft');
		const scores = examinerScores(entry.id).filter((s) => s.key === keys[0]).map((s) => s.score!);
		const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
		let row = rowOf(ranked(), entry.id)!;
		expect(row.consensus).toBe('draft');
		expect(row.finalist).toBe(false);
		expect(row.criteria[keys[0]]).toMatchObject({ consensus: null, mean, used: mean });

		setConsensus(entry.id, { [keys[0]]: 100 }, 'done');
		row = rowOf(ranked(), entry.id)!;
		expect(row.criteria[keys[0]]).toMatchObject({ consensus: 100, mean, used: 100 });
	});

	it('leaves a criterion nobody scored incomplete: no total, no rank, after the ranked', () => {
		const entry = entryOf('Tillfälliga boenden');
		const key = criteria()[2].key;
		db.delete(table.consensus).where(eq(table.consensus.entryId, entry.id)).run();
		const ids = examinerScores(entry.id).map((s) => s.assessmentId);
		const criterionId = criteria()[2].id;
		db.update(table.assessmentScore)
			.set({ score: null })
			.where(and(inArray(table.assessmentScore.assessmentId, ids), eq(table.assessmentScore.criterionId, criterionId)))
			.run();
		const rows = ranked().classes.find((c) => c.id === entry.classId)!.rows;
		const last = rows[rows.length - 1];
		expect(last).toMatchObject({ entryId: entry.id, incomplete: true, total: null, rank: null, consensus: 'none' });
		expect(last.criteria[key]).toMatchObject({ n: 0, used: null });
		expect(rows.slice(0, -1).map((r) => r.rank)).toEqual([1, 2, 3]);
	});

	it('reads scores of criteria whose ids lie far apart, and of the lowest and highest score', () => {
		const entry = entryOf('Hemtjänsten Farsta');
		const [first] = examinerScores(entry.id);
		const key = criteria()[0].key;
		db.update(table.assessmentScore)
			.set({ score: 100 })
			.where(and(eq(table.assessmentScore.assessmentId, first.assessmentId), eq(table.assessmentScore.criterionId, criteria()[0].id)))
			.run();
		db.insert(table.criterion).values({ id: 50_000, cycleId, key: 'extra', titleSv: 'Extra', titleEn: 'Extra', kind: 'approach', weight: 5, sortOrder: 99 }).run();
		db.insert(table.assessmentScore).values({ assessmentId: first.assessmentId, criterionId: 50_000, score: 0 }).run();
		const row = rowOf(ranked(), entry.id)!;
		const scores = examinerScores(entry.id).filter((s) => s.key === key).map((s) => s.score!);
		expect(scores).toContain(100);
		expect(row.criteria[key].mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 3, 12);
		expect(row.criteria[key].max).toBe(100);
		expect(row.criteria.extra).toMatchObject({ n: 1, mean: 0 });
	});

	it('ranks exactly as rankEntries does on the same rows read plainly', () => {
		const ranking = ranked();
		const admitted = new Set(entryEligibility(cycleId).filter((e) => e.admitted).map((e) => String(e.entryId)));
		const scores = db
			.select({ entryId: table.assessment.entryId, examinerId: table.assessment.examinerId, criterion: table.criterion.key, score: table.assessmentScore.score })
			.from(table.assessment)
			.innerJoin(table.assessmentScore, eq(table.assessmentScore.assessmentId, table.assessment.id))
			.innerJoin(table.criterion, eq(table.criterion.id, table.assessmentScore.criterionId))
			.where(eq(table.assessment.status, 'submitted'))
			.all()
			.filter((s) => s.score !== null && admitted.has(String(s.entryId)))
			.map((s) => ({ entryId: String(s.entryId), examinerId: String(s.examinerId), criterion: s.criterion, score: s.score! }));
		const agreed = new Map<string, Record<string, number>>();
		for (const c of db
			.select({ entryId: table.consensus.entryId, key: table.criterion.key, score: table.consensusScore.score })
			.from(table.consensus)
			.innerJoin(table.consensusScore, eq(table.consensusScore.consensusId, table.consensus.id))
			.innerJoin(table.criterion, eq(table.criterion.id, table.consensusScore.criterionId))
			.where(eq(table.consensus.status, 'done'))
			.all()) {
			if (c.score === null) continue;
			agreed.set(String(c.entryId), { ...agreed.get(String(c.entryId)), [c.key]: c.score });
		}
		const plain = rankEntries({
			criteria: criteria().map((c) => ({ key: c.key, weight: c.weight })),
			entries: [...admitted].map((id) => ({ id, classId: String(rowOf(ranking, Number(id))!.classId), consensus: agreed.get(id) })),
			scores
		});
		const byId = new Map(ranking.classes.flatMap((c) => c.rows).map((r) => [String(r.entryId), r]));
		expect(plain).toHaveLength(byId.size);
		for (const r of plain) expect(byId.get(r.id)).toMatchObject({ rank: r.rank, total: r.total, adjustedTotal: r.adjustedTotal, criteria: r.criteria });
		expect(ranking.input.scores).toHaveLength(scores.length);
	});

	it('cannot store a score that is not a whole number from 0 to 100', () => {
		const [first] = examinerScores(entryOf('Hemtjänsten Farsta').id);
		const criterionId = criteria()[0].id;
		for (const score of [72.5, -5, 101]) {
			expect(() =>
				db.update(table.assessmentScore)
					.set({ score })
					.where(and(eq(table.assessmentScore.assessmentId, first.assessmentId), eq(table.assessmentScore.criterionId, criterionId)))
					.run()
			).toThrow(/CHECK constraint failed/);
		}
	});

	it('counts only submitted assessments', () => {
		const entry = entryOf('Hemtjänsten Farsta');
		const [first] = examinerScores(entry.id);
		db.update(table.assessment).set({ status: 'draft' }).where(eq(table.assessment.id, first.assessmentId)).run();
		const row = rowOf(ranked(), entry.id)!;
		expect(Object.values(row.criteria).every((s) => s.n === 2)).toBe(true);
	});

	it('follows the admin’s override: a failing entry joins the ranking with the rule it was admitted on', () => {
		const entry = entryOf('Vård- och omsorgsboendet Trädgården');
		db.update(table.entry).set({ eligibilityOverrideReason: 'Vinsten gällde en annan verksamhet.' }).where(eq(table.entry.id, entry.id)).run();
		const row = rowOf(ranked(), entry.id)!;
		expect(row.overridden).toEqual(['E7']);
		// Never assessed: every criterion missing.
		expect(row).toMatchObject({ incomplete: true, rank: null, consensus: 'none' });
	});
});

describe('cachedRanking', () => {
	it('reuses the ranking while nothing changes, and ranks afresh after any write', () => {
		const first = cachedRanking(cycleId)!;
		expect(cachedRanking(cycleId)).toBe(first);
		const entry = first.classes[3].rows[0];
		setConsensus(entry.entryId, Object.fromEntries(criteria().map((c) => [c.key, 5])));
		const second = cachedRanking(cycleId)!;
		expect(second).not.toBe(first);
		expect(rowOf(second, entry.entryId)!.total).toBe(5);
		expect(second).toEqual(rankCycle(cycleId));
	});

	it('keeps one ranking per set of barred entries, each reused, none the other', () => {
		const whole = cachedRanking(cycleId)!;
		const barred = new Set([whole.classes[3].rows[1].entryId]);
		const without = cachedRanking(cycleId, barred)!;
		expect(without).not.toBe(whole);
		expect(cachedRanking(cycleId, new Set(barred))).toBe(without);
		expect(cachedRanking(cycleId)).toBe(whole);
		expect(without.classes[3].rows.map((r) => r.entryId)).not.toContain([...barred][0]);
		expect(without).toEqual(rankCycle(cycleId, { barred }));
	});
});

describe('who may see the ranking', () => {
	it('lets the admin and the jury in during the jury phase, and refuses examiners and unit contacts', () => {
		const classId = String(ranked().classes[0].id);
		expect(requireRankingClass(event('admin@demo.test'), classId).isAdmin).toBe(true);
		expect(requireRankingClass(event('jury1@demo.test'), classId).awardClass.id).toBe(Number(classId));
		expect(requireRankingCycle(event('ordforande@demo.test')).cycle.id).toBe(cycleId);
		for (const email of ['examinator1@demo.test', 'enhet1@demo.test']) {
			expect(() => requireRankingClass(event(email), classId)).toThrow(expect.objectContaining({ status: 403 }));
			expect(() => requireRankingCycle(event(email))).toThrow(expect.objectContaining({ status: 403 }));
		}
		expect(() => requireRankingClass(event('admin@demo.test'), '999999')).toThrow(expect.objectContaining({ status: 404 }));
	});

	it('refuses a juror before the jury phase, but not the admin', () => {
		db.update(table.cycle).set({ phase: 'consensus' }).where(eq(table.cycle.id, cycleId)).run();
		const classId = String(ranked().classes[0].id);
		expect(() => requireRankingClass(event('jury1@demo.test'), classId)).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => requireRankingCycle(event('ordforande@demo.test'))).toThrow(expect.objectContaining({ status: 403 }));
		expect(requireRankingClass(event('admin@demo.test'), classId).isAdmin).toBe(true);
	});

	it('answers 404 for the details of an entry a juror is conflicted on, and only to them', () => {
		const juror = userId('jury2@demo.test');
		const klass = ranked().classes[3];
		const [conflicted, other] = klass.rows;
		db.insert(table.conflict).values({ userId: juror, entryId: conflicted.entryId, reason: 'relative', declaredBy: juror }).run();
		expect(() => requireRankingEntry(event('jury2@demo.test'), String(klass.id), String(conflicted.entryId))).toThrow(
			expect.objectContaining({ status: 404 })
		);
		expect(requireRankingEntry(event('jury2@demo.test'), String(klass.id), String(other.entryId)).entryId).toBe(other.entryId);
		// Another juror still sees it; an entry of another class is a 404 under this class.
		expect(requireRankingEntry(event('jury1@demo.test'), String(klass.id), String(conflicted.entryId)).entryId).toBe(conflicted.entryId);
		const elsewhere = ranked().classes[0].rows[0].entryId;
		expect(() => requireRankingEntry(event('jury1@demo.test'), String(klass.id), String(elsewhere))).toThrow(
			expect.objectContaining({ status: 404 })
		);
	});
});

describe('a juror barred from the 2nd and 3rd entry of a class of four', () => {
	let klass: CycleRanking['classes'][number];
	let barred: number[];

	beforeEach(() => {
		klass = ranked().classes[3];
		expect(klass.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
		barred = [klass.rows[1].entryId, klass.rows[2].entryId];
		const juror = userId('jury2@demo.test');
		for (const entryId of barred) db.insert(table.conflict).values({ userId: juror, entryId, reason: 'relative', declaredBy: juror }).run();
	});

	/** Every figure of the ranking pages for one person, as the pages compute them. */
	function pagesOf(email: string) {
		const access = requireRankingClass(event(email), String(klass.id));
		const page = classRankingPage(access, klass.id, new URLSearchParams());
		return {
			page,
			robustness: classRobustnessPage(access, klass.id),
			entries: page.rows.map((r) => entryRankingPage(access, klass.id, r.entryId)),
			overview: cycleRankingOverview(requireRankingCycle(event(email))).classes
		};
	}

	/** The class as it would be without the barred entries: withdrawn, they leave the cycle's ranking. */
	function withoutBarred() {
		db.update(table.entry).set({ status: 'withdrawn' }).where(inArray(table.entry.id, barred)).run();
		return pagesOf('admin@demo.test');
	}

	it('numbers the entries they see 1..n, without gaps, and counts only those', () => {
		const { page, robustness, overview } = pagesOf('jury2@demo.test');
		expect(page.rows.map((r) => r.entryId)).toEqual([klass.rows[0].entryId, klass.rows[3].entryId]);
		expect(page.rows.map((r) => r.rank)).toEqual([1, 2]);
		expect(page.rows.map((r) => r.adjustedRank)).toEqual([1, 2]);
		for (const r of robustness.robustness) expect(Object.values(r.ranks).every((rank) => rank === null || rank <= 2)).toBe(true);
		// Two entries are too few to speak of a top, though the whole class has four.
		expect(robustness.top).toBe(0);
		expect(pagesOf('jury1@demo.test').robustness.top).toBe(3);
		expect(page.counts.entries).toBe(2);
		expect(overview[3].entries).toBe(2);
		expect(JSON.stringify({ page, robustness })).not.toContain(klass.rows[1].unitName);
		expect(JSON.stringify({ page, robustness })).not.toContain(klass.rows[2].unitName);
	});

	it('computes ranks, totals, medians, agreement and robustness exactly as over the class without them', () => {
		const seen = pagesOf('jury2@demo.test');
		const whole = pagesOf('jury1@demo.test');
		const reference = withoutBarred();
		expect.soft(seen.page.rows).toEqual(reference.page.rows);
		expect.soft(seen.page.counts).toEqual(reference.page.counts);
		expect.soft(seen.page.totals).toEqual(reference.page.totals);
		expect.soft(seen.entries.map((e) => e.criteria.map((c) => c.classMedian))).toEqual(reference.entries.map((e) => e.criteria.map((c) => c.classMedian)));
		expect.soft(seen.robustness.agreement).toEqual(reference.robustness.agreement);
		expect.soft(seen.robustness.robustness).toEqual(reference.robustness.robustness);
		expect.soft(seen.overview).toEqual(reference.overview);
		// Over the whole class the figures differ, so these comparisons can tell the two apart.
		expect(whole.robustness.agreement).not.toEqual(seen.robustness.agreement);
		expect(whole.entries[0].criteria.map((c) => c.classMedian)).not.toEqual(seen.entries[0].criteria.map((c) => c.classMedian));
	});

	it('leaves the whole class to a juror without conflicts and to the admin', () => {
		for (const email of ['jury1@demo.test', 'admin@demo.test']) {
			const { page, robustness, entries, overview } = pagesOf(email);
			expect(page.rows.map((r) => [r.entryId, r.rank, r.total])).toEqual(klass.rows.map((r) => [r.entryId, r.rank, r.total]));
			expect(robustness.robustness.map((r) => r.ranks.mean)).toEqual([1, 2, 3, 4]);
			expect(robustness.agreement.every((a) => a.pairableEntries === 4)).toBe(true);
			const key = criteria()[1].key;
			const used = klass.rows.map((r) => r.criteria[key].used!).sort((a, b) => a - b);
			expect(entries[0].criteria[1].classMedian).toBe((used[1] + used[2]) / 2);
			expect(overview[3].entries).toBe(4);
		}
	});
});

describe('the ranking pages', () => {
	it('sorts by a column from the address and filters to finalists', () => {
		const klass = ranked().classes[3];
		const access = requireRankingClass(event('jury1@demo.test'), String(klass.id));
		const byName = classRankingPage(access, klass.id, new URLSearchParams('sort=name&dir=desc'));
		expect(byName.sort).toEqual({ key: 'name', dir: 'desc' });
		expect(byName.rows.map((r) => r.unitName)).toEqual(klass.rows.map((r) => r.unitName).sort((a, b) => b.localeCompare(a, 'sv')));
		const key = criteria()[0].key;
		const byCriterion = classRankingPage(access, klass.id, new URLSearchParams(`sort=criterion:${key}&dir=asc`));
		const used = byCriterion.rows.map((r) => r.criteria[key].used!);
		expect(used).toEqual([...used].sort((a, b) => a - b));
		const finalists = classRankingPage(access, klass.id, new URLSearchParams('finalists=1'));
		expect(finalists.rows.length).toBe(klass.rows.filter((r) => r.finalist).length);
		expect(finalists.rows.every((r) => r.finalist)).toBe(true);
		// The compact table unless the address asks for every column.
		expect(finalists.full).toBe(false);
		expect(classRankingPage(access, klass.id, new URLSearchParams('view=full')).full).toBe(true);
		// A column that does not exist falls back to the rank.
		expect(classRankingPage(access, klass.id, new URLSearchParams('sort=bogus')).sort).toEqual({ key: 'rank', dir: 'asc' });
	});

	it('gives robustness and agreement per class, and the examiners’ own totals', () => {
		const klass = ranked().classes[3];
		const access = requireRankingClass(event('admin@demo.test'), String(klass.id));
		const page = { ...classRankingPage(access, klass.id, new URLSearchParams()), ...classRobustnessPage(access, klass.id) };
		expect(page.robustness.map((r) => r.entryId)).toEqual(klass.rows.map((r) => r.entryId));
		expect(page.robustness.map((r) => r.ranks.mean)).toEqual(klass.rows.map((r) => r.rank));
		expect(page.agreement.map((a) => a.criterion)).toEqual(criteria().map((c) => c.key));
		expect(page.agreement.every((a) => a.pairableEntries === klass.rows.length)).toBe(true);
		expect(page.totals.every((t) => t.examiners.length === 3 && t.examiners.every((x) => x.name !== '' && x.total !== null))).toBe(true);
	});

	it('shows an entry’s statistics, the class median and the examiners’ scores', () => {
		const klass = ranked().classes[3];
		const entry = klass.rows[0];
		const page = entryRankingPage(requireRankingClass(event('jury1@demo.test'), String(klass.id)), klass.id, entry.entryId);
		expect(page.criteria.map((c) => c.used)).toEqual(criteria().map((c) => entry.criteria[c.key].used));
		const key = criteria()[1].key;
		const used = klass.rows.map((r) => r.criteria[key].used!).sort((a, b) => a - b);
		expect(page.criteria[1].classMedian).toBe((used[1] + used[2]) / 2);
		expect(page.examiners).toHaveLength(3);
		const scores = examinerScores(entry.entryId).filter((s) => s.key === key).map((s) => s.score).sort();
		expect(page.examiners.map((x) => x.scores[key]).sort()).toEqual(scores);
	});

	it('shows the severity table to the admin only', () => {
		const admin = cycleRankingOverview(requireRankingCycle(event('admin@demo.test')));
		expect(admin.severity?.examiners).toHaveLength(18);
		// Demo teams take two entries each: too few for the severity adjustment.
		expect(admin.severity?.examiners.every((x) => x.entries === 2 && !x.adjusted && x.name !== '')).toBe(true);
		expect(cycleRankingOverview(requireRankingCycle(event('jury1@demo.test'))).severity).toBeNull();
	});
});
