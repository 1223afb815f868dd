import { describe, expect, it } from 'vitest';
import {
	applyEdit,
	bandText,
	buildReportContent,
	checkRelease,
	editOf,
	mayApprove,
	mayEdit,
	maySendBack,
	refreshFacts,
	releaseBlockers,
	type ReportSource
} from './feedback';
import { DEFAULT_BAND_TEXTS } from './default-model';

function source(overrides: Partial<ReportSource> = {}): ReportSource {
	return {
		cycle: { year: 2026, name: 'Kvalitetsutmärkelsen 2026', scoresInFeedback: false, decisionsClosed: true },
		unit: { name: 'Förskolan Ekorren', organisation: 'Farsta stadsdelsförvaltning' },
		awardClass: { sv: 'Förskola', en: 'Preschool' },
		criteria: [
			{ key: 'dialog', titleSv: 'Dialog', titleEn: 'Dialogue', kind: 'approach', bandTexts: [] },
			{ key: 'results', titleSv: 'Resultat', titleEn: 'Results', kind: 'results', bandTexts: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'] }
		],
		consensus: {
			summary: '  Ett växande kvalitetsarbete. ',
			scores: {
				dialog: { score: 55, strengths: ['Brukarråd varje månad', ' '], improvements: ['Återkoppla synpunkter'] },
				results: { score: 90, strengths: ['Höga nivåer'], improvements: [] }
			}
		},
		team: [
			{ name: 'Anna Ek', lead: true },
			{ name: 'Omar Said', lead: false }
		],
		decision: { outcome: 'award', citation: 'För ett långsiktigt arbete.' },
		classNoAward: null,
		self: null,
		previous: null,
		...overrides
	};
}

describe('building the report from the consensus', () => {
	it('takes the summary, the texts per criterion and the band with its text', () => {
		const c = buildReportContent(source());
		expect(c.summary).toBe('Ett växande kvalitetsarbete.');
		expect(c.criteria[0]).toMatchObject({
			key: 'dialog',
			band: 3,
			bandText: DEFAULT_BAND_TEXTS.approach[3],
			strengths: ['Brukarråd varje månad'],
			improvements: ['Återkoppla synpunkter']
		});
		expect(c.criteria[1]).toMatchObject({ band: 5, bandText: 'r5' });
		expect(c.team).toEqual([
			{ name: 'Anna Ek', lead: true },
			{ name: 'Omar Said', lead: false }
		]);
		expect(c.jury).toEqual({ outcome: 'award', citation: 'För ett långsiktigt arbete.', noAwardInClass: null });
	});

	it('shows numeric scores only when the cycle says so', () => {
		expect(buildReportContent(source()).criteria.map((c) => c.score)).toEqual([null, null]);
		const shown = buildReportContent(source({ cycle: { ...source().cycle, scoresInFeedback: true } }));
		expect(shown.showScores).toBe(true);
		expect(shown.criteria.map((c) => c.score)).toEqual([55, 90]);
	});

	it('has no band for a criterion without an agreed score, and empty texts without consensus', () => {
		const partial = source();
		partial.consensus!.scores.results.score = null;
		expect(buildReportContent(partial).criteria[1]).toMatchObject({ band: null, bandText: '' });
		const none = buildReportContent(source({ consensus: null }));
		expect(none.summary).toBe('');
		expect(none.criteria.every((c) => c.band === null && c.strengths.length === 0)).toBe(true);
	});

	it("says 'pending' before the decisions are closed, and 'none' with the class's reason after", () => {
		expect(buildReportContent(source({ cycle: { ...source().cycle, decisionsClosed: false } })).jury.outcome).toBe('pending');
		const none = buildReportContent(source({ decision: null, classNoAward: 'Ingen når nivån.' }));
		expect(none.jury).toEqual({ outcome: 'none', citation: '', noAwardInClass: 'Ingen når nivån.' });
	});

	it('carries the unit’s own view and last entry’s band per criterion, as facts that follow their sources', () => {
		const plain = buildReportContent(source());
		expect(plain.criteria.map((c) => [c.self, c.previousBand])).toEqual([[null, null], [null, null]]);
		expect(plain.previousYear).toBeNull();
		const withViews = buildReportContent(
			source({ self: { results: { band: 2, reason: 'Vi mäter ännu för lite.' } }, previous: { year: 2025, bands: { dialog: 2, other: 4 } } })
		);
		expect(withViews.criteria.map((c) => [c.self, c.previousBand])).toEqual([[null, 2], [{ band: 2, reason: 'Vi mäter ännu för lite.' }, null]]);
		expect(withViews.previousYear).toBe(2025);
		const edited = applyEdit(plain, { ...editOf(plain), summary: 'Redigerad' });
		if (!edited.ok) throw new Error('edit refused');
		expect(refreshFacts(edited.content, withViews).criteria[1].self).toEqual({ band: 2, reason: 'Vi mäter ännu för lite.' });
	});

	it('falls back to the default band texts when the criterion has none', () => {
		expect(bandText({ kind: 'results', bandTexts: [] }, 0)).toBe(DEFAULT_BAND_TEXTS.results[0]);
	});
});

describe("the lead's edits", () => {
	it('replace the texts, trim them and drop empty points', () => {
		const c = buildReportContent(source());
		const edit = editOf(c);
		edit.summary = ' Ny sammanfattning ';
		edit.criteria[1].improvements = ['  Jämför med andra  ', ''];
		const result = applyEdit(c, edit);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.content.summary).toBe('Ny sammanfattning');
		expect(result.content.criteria[1].improvements).toEqual(['Jämför med andra']);
		expect(result.content.criteria[1].band).toBe(5);
	});

	it('are refused when the criteria are not exactly the report’s', () => {
		const c = buildReportContent(source());
		const edit = editOf(c);
		expect(applyEdit(c, { ...edit, criteria: edit.criteria.slice(1) })).toEqual({ ok: false, problem: { key: 'criteriaMismatch' } });
		expect(applyEdit(c, { ...edit, criteria: [edit.criteria[0], edit.criteria[0]] }).ok).toBe(false);
		expect(applyEdit(c, { ...edit, criteria: [edit.criteria[0], { ...edit.criteria[1], key: 'other' }] }).ok).toBe(false);
	});

	it('survive a refresh of the facts, which takes the new outcome and team', () => {
		const early = buildReportContent(source({ cycle: { ...source().cycle, decisionsClosed: false } }));
		const edited = applyEdit(early, { ...editOf(early), summary: 'Redigerad' });
		if (!edited.ok) throw new Error('edit refused');
		const fresh = buildReportContent(source({ team: [{ name: 'Ny ledare', lead: true }] }));
		const refreshed = refreshFacts(edited.content, fresh);
		expect(refreshed.summary).toBe('Redigerad');
		expect(refreshed.jury.outcome).toBe('award');
		expect(refreshed.team).toEqual([{ name: 'Ny ledare', lead: true }]);
		expect(refreshed.criteria[0].strengths).toEqual(edited.content.criteria[0].strengths);
	});
});

describe('release', () => {
	const closed = { decisionsClosed: true, ceremonyDate: '2026-11-24' };

	it('is blocked until the decisions are closed and the ceremony day is over', () => {
		expect(releaseBlockers(closed, '2026-11-25')).toEqual([]);
		expect(releaseBlockers(closed, '2026-11-24')).toEqual([{ key: 'ceremonyNotPassed', date: '2026-11-24' }]);
		expect(releaseBlockers({ decisionsClosed: false, ceremonyDate: null }, '2027-01-01')).toEqual([
			{ key: 'decisionsOpen' },
			{ key: 'noCeremonyDate' }
		]);
	});

	it('lets only an approved report out, and past blockers only with a reason', () => {
		const blocked = releaseBlockers(closed, '2026-11-20');
		expect(checkRelease('draft', [], '')).toEqual({ ok: false, reason: 'notApproved' });
		expect(checkRelease('released', [], '')).toEqual({ ok: false, reason: 'alreadyReleased' });
		expect(checkRelease('approved', [], '')).toEqual({ ok: true, overridden: false });
		expect(checkRelease('approved', blocked, '   ')).toEqual({ ok: false, reason: 'blocked' });
		expect(checkRelease('approved', blocked, 'för kort')).toEqual({ ok: false, reason: 'reasonTooShort' });
		expect(checkRelease('approved', blocked, 'x'.repeat(1001))).toEqual({ ok: false, reason: 'reasonTooLong' });
		expect(checkRelease('approved', blocked, 'Enheten behöver rapporten till sitt APT.')).toEqual({ ok: true, overridden: true });
	});

	it('keeps edits to drafts, approval to drafts and sending back to approved reports', () => {
		expect([mayEdit('draft'), mayEdit('approved'), mayEdit('released')]).toEqual([true, false, false]);
		expect([mayApprove('draft'), mayApprove('approved')]).toEqual([true, false]);
		expect([maySendBack('approved'), maySendBack('released'), maySendBack('draft')]).toEqual([true, false, false]);
	});
});
