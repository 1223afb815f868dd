import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyListOp,
	assessmentDifferences,
	cleanAssessment,
	cleanConsensus,
	cleanPoints,
	cleanText,
	consensusDifferences,
	consensusStart,
	criterionSpread,
	DEFAULT_DIVERGENCE_THRESHOLD,
	hasPoint,
	isComplete,
	isDivergent,
	isWritable,
	isLate,
	mayReadTeamWork,
	mayReopen,
	mayWriteConsensus,
	mergePoints,
	criterionKey,
	fieldKey,
	listButton,
	parseFieldKey,
	parseListButton,
	missingCriteria,
	pickFields,
	scaleValues,
	scoreProblem,
	type AssessmentDoc,
	type ConsensusDoc
} from './scoring';
import type { EntryFacts } from './permissions';
import { entryFactsOf, viewerOf } from './test-fixtures';

const doc = (scores: (number | null)[], extra: Partial<AssessmentDoc> = {}): AssessmentDoc => ({
	notes: '',
	criteria: scores.map((score, i) => ({ criterionId: i + 1, score, strengths: [], improvements: [], notes: '' })),
	...extra
});

describe('scores', () => {
	it('accepts multiples of the step from 0 to 100', () => {
		for (const s of [0, 5, 50, 95, 100]) expect(scoreProblem(s, 5)).toBeNull();
		for (const s of [0, 10, 100]) expect(scoreProblem(s, 10)).toBeNull();
	});

	it('refuses scores off the step, outside the scale, or not whole', () => {
		expect(scoreProblem(7, 5)).toBe('step');
		expect(scoreProblem(55, 10)).toBe('step');
		expect(scoreProblem(-5, 5)).toBe('range');
		expect(scoreProblem(105, 5)).toBe('range');
		expect(scoreProblem(12.5, 5)).toBe('notInteger');
		expect(scoreProblem(Number.NaN, 5)).toBe('notInteger');
	});

	it('offers every value of the scale', () => {
		expect(scaleValues(10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
		expect(scaleValues(5)).toHaveLength(21);
	});
});

describe('completeness', () => {
	it('is complete only when every criterion of the cycle is scored', () => {
		expect(isComplete([1, 2, 3], doc([10, 0, 100]).criteria)).toBe(true);
		expect(isComplete([1, 2, 3], doc([10, null, 100]).criteria)).toBe(false);
		expect(missingCriteria([1, 2, 3], doc([10, null, null]).criteria)).toEqual([2, 3]);
	});

	it('counts a criterion the work lacks altogether as missing, and an empty model as incomplete', () => {
		expect(isComplete([1, 2, 3, 4], doc([10, 20, 30]).criteria)).toBe(false);
		expect(isComplete([], [])).toBe(false);
	});
});

describe('text', () => {
	it('keeps line breaks inside and trims the ends', () => {
		expect(cleanText('  första rad  \r\nandra rad\r\n\r\n')).toBe('första rad\nandra rad');
		expect(cleanText('a\rb')).toBe('a\nb');
		expect(cleanText('   \n  ')).toBe('');
	});

	it('leaves clean text as it is and cleans anything else as the full rule does', () => {
		const full = (v: string) =>
			v
				.replace(/\r\n?/g, '\n')
				.split('\n')
				.map((line) => line.replace(/\s+$/u, ''))
				.join('\n')
				.trim();
		const pieces = ['a', 'ö', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', 'Bra rutiner'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
				const text = parts.join('');
				expect(cleanText(text)).toBe(full(text));
			}),
			{ numRuns: 5000 }
		);
	});

	it('drops empty points', () => {
		expect(cleanPoints(['  ', 'Bra rutiner', '\n'])).toEqual(['Bra rutiner']);
	});

	it('cleans a whole assessment and consensus as the server keeps them', () => {
		const a = doc([50], { notes: ' egna \r\n' });
		a.criteria[0].strengths = ['Styrka ', ''];
		expect(cleanAssessment(a)).toEqual({ notes: 'egna', criteria: [{ criterionId: 1, score: 50, strengths: ['Styrka'], improvements: [], notes: '' }] });
		const c = cleanConsensus({
			summary: 'S ',
			recommendFinalist: true,
			criteria: [{ criterionId: 1, score: 5, strengths: [' '], improvements: ['U'] }],
			siteVisit: { date: '', participants: ' A, B ', findings: '' }
		});
		expect(c).toEqual({
			summary: 'S',
			recommendFinalist: true,
			criteria: [{ criterionId: 1, score: 5, strengths: [], improvements: ['U'] }],
			siteVisit: { date: null, participants: 'A, B', findings: '' }
		});
	});
});

describe('divergence', () => {
	it('gives mean and spread of the team’s scores', () => {
		expect(criterionSpread([40, 50, 60], 30)).toEqual({ n: 3, mean: 50, min: 40, max: 60, spread: 20, divergent: false });
	});

	it('is divergent when the spread reaches the threshold', () => {
		expect(criterionSpread([30, 60], 30).divergent).toBe(true);
		expect(criterionSpread([30, 55], 30).divergent).toBe(false);
		expect(criterionSpread([30, 55], 25).divergent).toBe(true);
	});

	it('has nothing to say without scores', () => {
		expect(criterionSpread([], 30)).toMatchObject({ n: 0, mean: null, spread: null, divergent: false });
		expect(criterionSpread([70], 30)).toMatchObject({ n: 1, mean: 70, spread: 0, divergent: false });
	});

	it.each([
		[29, 30, false],
		[30, 30, true],
		[31, 30, true],
		[0, 5, false],
		[100, 100, true]
	])('isDivergent(spread %i, threshold %i) → %s', (spread, threshold, divergent) => {
		expect(isDivergent(spread, threshold)).toBe(divergent);
	});

	it('is 30 points apart by default', () => {
		expect(DEFAULT_DIVERGENCE_THRESHOLD).toBe(30);
	});
});

describe('merging the team’s points', () => {
	it('keeps the first of repeated points, whatever their case, spacing or full stop', () => {
		expect(mergePoints([['Tydliga mål.', 'Bra dialog'], ['tydliga  mål', 'Stark uppföljning'], ['Bra dialog.']])).toEqual([
			'Tydliga mål.',
			'Bra dialog',
			'Stark uppföljning'
		]);
	});

	it('keeps line breaks in a point and drops empty ones', () => {
		expect(mergePoints([['Rad ett\nrad två', '  '], []])).toEqual(['Rad ett\nrad två']);
	});

	it('caps the merged list at the limit of points', () => {
		const many = Array.from({ length: 40 }, (_, i) => `Punkt ${i}`);
		const more = Array.from({ length: 40 }, (_, i) => `Annan ${i}`);
		expect(mergePoints([many, more])).toHaveLength(50);
	});

	it('knows whether a list already holds a point', () => {
		expect(hasPoint(['Tydliga mål.'], 'tydliga mål')).toBe(true);
		expect(hasPoint(['Tydliga mål.'], 'Otydliga mål')).toBe(false);
	});

	it('starts the consensus from the merged points per criterion, without a score', () => {
		const a = doc([50, 60]);
		a.criteria[0].strengths = ['Bra dialog'];
		a.criteria[1].improvements = ['Mer analys'];
		const b = doc([55, 65]);
		b.criteria[0].strengths = ['bra dialog', 'Lärande ledning'];
		expect(consensusStart([1, 2], [a, b])).toEqual([
			{ criterionId: 1, score: null, strengths: ['Bra dialog', 'Lärande ledning'], improvements: [] },
			{ criterionId: 2, score: null, strengths: [], improvements: ['Mer analys'] }
		]);
	});
});

describe('lateness', () => {
	it('is late only after the due day, when not done', () => {
		expect(isLate('2026-09-19', '2026-09-18', false)).toBe(true);
		expect(isLate('2026-09-18', '2026-09-18', false)).toBe(false);
		expect(isLate('2026-09-19', '2026-09-18', true)).toBe(false);
		expect(isLate('2026-09-19', null, false)).toBe(false);
	});
});

describe('list operations', () => {
	const list = ['a', 'b', 'c'];
	it('moves, removes and adds points', () => {
		expect(applyListOp(list, { op: 'up', index: 1 })).toEqual(['b', 'a', 'c']);
		expect(applyListOp(list, { op: 'down', index: 1 })).toEqual(['a', 'c', 'b']);
		expect(applyListOp(list, { op: 'remove', index: 0 })).toEqual(['b', 'c']);
		expect(applyListOp(list, { op: 'add' })).toEqual(['a', 'b', 'c', '']);
	});

	it('leaves the list as it is at its ends and for indexes outside it', () => {
		expect(applyListOp(list, { op: 'up', index: 0 })).toEqual(list);
		expect(applyListOp(list, { op: 'down', index: 2 })).toEqual(list);
		expect(applyListOp(list, { op: 'remove', index: 9 })).toEqual(list);
		expect(applyListOp(Array(50).fill('x'), { op: 'add' })).toHaveLength(50);
	});
});

describe('conflicts', () => {
	it('lists the fields where two versions of an assessment differ, and picks field by field', () => {
		const mine = doc([50, 60], { notes: 'min' });
		mine.criteria[1].strengths = ['Min styrka'];
		const theirs = doc([50, 70], { notes: 'min' });
		theirs.criteria[1].strengths = ['Deras styrka'];
		const diff = assessmentDifferences(mine, theirs);
		expect(diff.map((d) => d.field)).toEqual([
			{ kind: 'criterion', criterionId: 2, key: 'score' },
			{ kind: 'criterion', criterionId: 2, key: 'strengths' }
		]);
		expect(diff[0]).toMatchObject({ mine: 60, theirs: 70 });
		const picked = pickFields(mine, theirs, [diff[0].field]);
		expect(picked.criteria[1]).toMatchObject({ score: 70, strengths: ['Min styrka'] });
		expect(mine.criteria[1].score).toBe(60);
		expect(assessmentDifferences(pickFields(mine, theirs, diff.map((d) => d.field)), theirs)).toEqual([]);
	});

	it('does the same for a consensus and its site visit', () => {
		const base: ConsensusDoc = {
			summary: 'S',
			recommendFinalist: null,
			criteria: [{ criterionId: 1, score: 50, strengths: [], improvements: [] }],
			siteVisit: { date: null, participants: '', findings: '' }
		};
		const theirs: ConsensusDoc = { ...base, recommendFinalist: true, siteVisit: { ...base.siteVisit, date: '2026-10-02' } };
		const diff = consensusDifferences(base, theirs);
		expect(diff.map((d) => d.field)).toEqual([{ kind: 'recommend' }, { kind: 'siteVisit', key: 'date' }]);
		expect(pickFields(base, theirs, [{ kind: 'siteVisit', key: 'date' }]).siteVisit.date).toBe('2026-10-02');
	});
});

describe('who sees and changes what', () => {
	const viewer = (isAdmin = false) => viewerOf({ isAdmin });
	const facts = (f: Partial<EntryFacts> = {}) => entryFactsOf(1, { unitId: 1, organisationId: 1, onTeam: true, ...f });

	it('shows a teammate’s work only after submitting one’s own, the lead included', () => {
		expect(mayReadTeamWork(viewer(), facts())).toBe(false);
		expect(mayReadTeamWork(viewer(), facts({ ownSubmitted: true }))).toBe(true);
		expect(mayReadTeamWork(viewer(), facts({ isLead: true }))).toBe(false);
		expect(mayReadTeamWork(viewer(), facts({ isLead: true, ownSubmitted: true }))).toBe(true);
		expect(mayReadTeamWork(viewer(), facts({ onTeam: false, ownSubmitted: true }))).toBe(false);
		expect(mayReadTeamWork(viewer(), facts({ ownSubmitted: true, conflicted: true }))).toBe(false);
	});

	it('shows the admin the team’s work', () => {
		expect(mayReadTeamWork(viewer(true), facts({ onTeam: false }))).toBe(true);
	});

	it('lets the lead and the admin reopen while assessment or consensus is open', () => {
		expect(mayReopen(viewer(), facts({ isLead: true, ownSubmitted: true }))).toBe(true);
		// A lead who has not submitted their own would learn the teammates' state from the answer.
		expect(mayReopen(viewer(), facts({ isLead: true }))).toBe(false);
		expect(mayReopen(viewer(), facts())).toBe(false);
		expect(mayReopen(viewer(true), facts({ onTeam: false, phase: 'consensus' }))).toBe(true);
		expect(mayReopen(viewer(true), facts({ onTeam: false, phase: 'jury' }))).toBe(false);
		expect(mayReopen(viewer(), facts({ isLead: true, ownSubmitted: true, phase: 'jury' }))).toBe(false);
	});

	it('lets the lead write the consensus after submitting their own assessment', () => {
		expect(mayWriteConsensus(viewer(), facts({ isLead: true }))).toBe(false);
		expect(mayWriteConsensus(viewer(), facts({ isLead: true, ownSubmitted: true }))).toBe(true);
		expect(mayWriteConsensus(viewer(), facts({ ownSubmitted: true }))).toBe(false);
		expect(mayWriteConsensus(viewer(), facts({ isLead: true, ownSubmitted: true, phase: 'jury' }))).toBe(false);
	});

	it.each([
		[true, 'draft', true],
		[true, 'submitted', false],
		[true, 'done', false],
		[false, 'draft', false],
		[false, 'submitted', false],
		[false, 'done', false]
	] as const)('opens the form (may write %s, %s) → %s', (mayWrite, status, writable) => {
		expect(isWritable({ mayWrite, status })).toBe(writable);
	});
});

describe('field keys', () => {
	it('round-trips every kind of field and refuses others', () => {
		const fields = [
			{ kind: 'notes' },
			{ kind: 'summary' },
			{ kind: 'recommend' },
			{ kind: 'siteVisit', key: 'findings' },
			{ kind: 'criterion', criterionId: 12, key: 'improvements' }
		] as const;
		for (const f of fields) expect(parseFieldKey(fieldKey(f))).toEqual(f);
		expect(parseFieldKey('criteria.x.score')).toBeNull();
		expect(parseFieldKey('siteVisit.secret')).toBeNull();
	});

	it('names a list button by its list, and reads it back', () => {
		const button = { criterionId: 12, list: 'strengths', op: 'up', index: 3 } as const;
		expect(listButton(button)).toBe(`${criterionKey(12, 'strengths')}.up.3`);
		expect(parseListButton(listButton(button))).toEqual(button);
		expect(parseListButton('criteria.12.improvements.use.0')).toEqual({ criterionId: 12, list: 'improvements', op: 'use', index: 0 });
		expect(parseListButton('criteria.12.score.up.1')).toBeNull();
		expect(parseListButton('criteria.12.strengths.jump.1')).toBeNull();
		expect(parseListButton('strengths.12.up.1')).toBeNull();
	});
});
