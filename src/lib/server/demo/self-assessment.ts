/**
 * The units' own views and their history in the demo (docs/feedback.md#6-the-units-own-view-and-its-change):
 * from the jury phase on, most handed-in accounts carry a band and a reason per criterion, kept in
 * the account's revision at its submitted version as the form keeps them. The first unit rates
 * itself far above the team's view, the second below it. Three units entered last year too and
 * have a released report from then, so their reports show the change since.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/open';
import * as table from '../db/schema';
import { BANDS, bandOf, type CriterionKind } from '../../domain/default-model';
import { buildReportContent } from '../../domain/feedback';
import { canonicalAccount, type AccountDoc, type SelfAssessment } from '../../domain/account';
import type { DemoCalendar } from '../../domain/demo-calendar';
import { seededRandom } from '../../domain/seeded-random';
import { EXAMINER_NAMES, UNITS } from './data';
import { teamTexts } from './texts';

/** Levels the unit places itself above (+) or below (−) the team, for the two units the demo shows off. */
const LEANING = new Map<string, number>([
	[UNITS[0].name, 3],
	[UNITS[1].name, -2]
]);

/** The units with a released report last year: their reports this year show the change. */
export const RETURNING = [UNITS[0].name, UNITS[1].name, UNITS[4].name];

const REASONS: Record<CriterionKind, string[]> = {
	approach: [
		'Vi har enstaka goda exempel men inget gemensamt arbetssätt ännu.',
		'Vi har börjat arbeta på ett gemensamt sätt i ett av arbetslagen.',
		'Vi har ett arbetssätt för grunderna som används i flera arbetslag, men vi har inte hunnit utvärdera det.',
		'Arbetssättet används i hela enheten och vi utvärderar och förbättrar det varje termin.',
		'Arbetssättet hänger ihop med våra mål och vi har förbättrat det flera gånger efter analys.',
		'Andra enheter har hämtat vårt arbetssätt, och vi prövar hela tiden nya idéer.'
	],
	results: [
		'Vi har ännu inga mätningar att visa.',
		'Vi har några få mått och ser en viss förbättring.',
		'Resultaten har förbättrats inom flera viktiga områden det senaste året.',
		'De flesta resultat ligger på goda nivåer och trenden är positiv sedan tre år.',
		'Våra resultat är mycket goda och står sig väl mot jämförbara enheter.',
		'Vi har haft utmärkta resultat i många år och ligger bäst bland jämförbara enheter.'
	]
};

const clampBand = (band: number) => Math.max(0, Math.min(BANDS.length - 1, band));

export function seedSelfAssessments(tx: Tx, cycleId: number): void {
	const random = seededRandom(2028);
	const criteria = tx.select().from(table.criterion).where(eq(table.criterion.cycleId, cycleId)).orderBy(asc(table.criterion.sortOrder), asc(table.criterion.id)).all();
	const accounts = tx
		.select({ account: table.account, unitName: table.unit.name, unitId: table.unit.id, consensusId: table.consensus.id })
		.from(table.account)
		.innerJoin(table.entry, eq(table.entry.id, table.account.entryId))
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.consensus, and(eq(table.consensus.entryId, table.entry.id), eq(table.consensus.status, 'done')))
		.where(and(eq(table.entry.cycleId, cycleId), eq(table.account.status, 'submitted')))
		.orderBy(asc(table.entry.id))
		.all();
	const admin = tx.select({ id: table.user.id }).from(table.user).where(eq(table.user.isAdmin, true)).get()!.id;
	accounts.forEach((a, i) => {
		const leaning = LEANING.get(a.unitName);
		// Most units assess themselves; every fourth leaves it out, as the form allows.
		if (leaning === undefined && i % 4 === 3) return;
		const scores = new Map(
			tx.select().from(table.consensusScore).where(eq(table.consensusScore.consensusId, a.consensusId)).all().map((s) => [s.criterionId, s.score])
		);
		const answers = tx.select().from(table.accountAnswer).where(eq(table.accountAnswer.accountId, a.account.id)).all();
		const doc: AccountDoc = {
			introduction: a.account.introduction,
			criteria: criteria.map((c) => {
				const score = scores.get(c.id) ?? 50;
				const draw = random();
				// The leaning units are off by their lean, or a level less on some criteria.
				const offset = leaning === undefined ? [-1, 0, 0, 1, 1][Math.floor(draw * 5)] : leaning - Math.sign(leaning) * (draw < 0.3 ? 1 : 0);
				const band = clampBand(bandOf(score) + offset);
				const self: SelfAssessment = { band, reason: REASONS[c.kind][band] };
				const own = answers.filter((x) => x.criterionId === c.id).sort((x, y) => x.question - y.question);
				return { criterionId: c.id, answers: own.map((x) => x.text), self };
			})
		};
		const contact = tx
			.select({ userId: table.unitContact.userId })
			.from(table.unitContact)
			.where(eq(table.unitContact.unitId, a.unitId))
			.all()
			.find((c) => c.userId !== null)?.userId;
		// A unit without a signed-in contact handed its account to the award office, who entered it.
		tx.insert(table.accountRevision)
			.values({ accountId: a.account.id, version: a.account.version, snapshot: doc, savedBy: contact ?? admin, createdAt: a.account.updatedAt })
			.run();
		tx.insert(table.accountSelfAssessment)
			.values(doc.criteria.map((c) => ({ accountId: a.account.id, criterionId: c.criterionId, band: c.self!.band, reason: c.self!.reason })))
			.run();
		// The receipt covers what was handed in, the unit's own view with it.
		const receiptSha256 = createHash('sha256').update(canonicalAccount(a.account.entryId, doc, [])).digest('hex');
		tx.update(table.account).set({ receiptSha256 }).where(eq(table.account.id, a.account.id)).run();
	});
}

/** Last year's entries of the returning units, each with its report released after that year's ceremony. */
export function seedEarlierYear(tx: Tx, cycleId: number, calendar: DemoCalendar): void {
	const texts = teamTexts(2025);
	const random = seededRandom(2025);
	const last = tx.select().from(table.cycle).where(eq(table.cycle.year, calendar.year - 1)).get();
	if (!last) return;
	const lastClasses = tx.select().from(table.awardClass).where(eq(table.awardClass.cycleId, last.id)).orderBy(asc(table.awardClass.sortOrder)).all();
	const lastCriteria = tx.select().from(table.criterion).where(eq(table.criterion.cycleId, last.id)).orderBy(asc(table.criterion.sortOrder)).all();
	const releasedAt = new Date(`${calendar.year - 1}-12-03T09:00:00Z`);
	for (const name of RETURNING) {
		const now = tx
			.select({ entry: table.entry, unitName: table.unit.name, organisation: table.organisation.name, classOrder: table.awardClass.sortOrder, consensusId: table.consensus.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
			.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
			.leftJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
			.where(and(eq(table.entry.cycleId, cycleId), eq(table.unit.name, name)))
			.get();
		const klass = now && lastClasses.find((c) => c.sortOrder === now.classOrder);
		if (!now || !klass) continue;
		const scores = new Map(
			now.consensusId === null
				? []
				: tx.select().from(table.consensusScore).where(eq(table.consensusScore.consensusId, now.consensusId)).all().map((s) => [s.criterionId, s.score])
		);
		const thisYear = tx.select().from(table.criterion).where(eq(table.criterion.cycleId, cycleId)).all();
		texts.forClass(klass.sortOrder);
		// A year of work shows: most areas were a level lower then, some the same, one higher.
		const then = new Map(
			lastCriteria.map((c) => {
				const band = bandOf(scores.get(thisYear.find((x) => x.key === c.key)?.id ?? -1) ?? 50);
				return [c.key, BANDS[clampBand(band + [-1, -1, 0, 0, 1][Math.floor(random() * 5)])].min + 5];
			})
		);
		const content = buildReportContent({
			cycle: { year: last.year, name: last.name, scoresInFeedback: false, decisionsClosed: true },
			unit: { name: now.unitName, organisation: now.organisation },
			awardClass: { sv: klass.nameSv, en: klass.nameEn },
			criteria: lastCriteria.map((c) => ({ key: c.key, titleSv: c.titleSv, titleEn: c.titleEn, kind: c.kind, bandTexts: c.bandTexts })),
			consensus: {
				summary: `${now.unitName} har kommit en bit på vägen i sitt kvalitetsarbete. Arbetssätten finns, men de behöver följas upp och förbättras mer systematiskt.`,
				scores: Object.fromEntries(lastCriteria.map((c) => [c.key, { score: then.get(c.key)!, ...texts.comments(c.key, then.get(c.key)!) }]))
			},
			team: [
				{ name: EXAMINER_NAMES[RETURNING.indexOf(name) * 3], lead: true },
				{ name: EXAMINER_NAMES[RETURNING.indexOf(name) * 3 + 1], lead: false }
			],
			decision: null,
			classNoAward: null,
			self: null,
			previous: null
		});
		const entryId = tx
			.insert(table.entry)
			.values({ cycleId: last.id, unitId: now.entry.unitId, classId: klass.id, accountReceivedDate: `${last.year}-03-14` })
			.returning()
			.get().id;
		tx.insert(table.feedbackReport)
			.values({ entryId, status: 'released', content, version: 2, approvedAt: releasedAt, releasedAt, updatedAt: releasedAt })
			.run();
	}
}
