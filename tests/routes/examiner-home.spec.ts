import { beforeEach, describe, expect, it } from 'vitest';
import { assessmentForm, scoringEvent, scoringYear } from '../../src/lib/server/test-support/scoring';
import type { ConsensusDoc } from '$lib/domain/scoring';
import * as home from '../../src/routes/(app)/examiner/+page.server';
import * as scoringPage from '../../src/routes/(app)/examiner/entries/[entryId]/+page.server';
import * as consensusPage from '../../src/routes/(app)/examiner/entries/[entryId]/consensus/+page.server';

let y: ReturnType<typeof scoringYear>;
beforeEach(() => {
	y = scoringYear();
});

type Home = { next: { step: string; count?: number }; work: { entryId: number; work: { teamSubmitted: number | null }; progress: { next: string; stages: { stage: string; done: boolean }[] } }[] };
const load = async (userId: number) => (await home.load(scoringEvent(userId, '/examiner') as never)) as Home;
const entryOf = (data: Home) => data.work.find((w) => w.entryId === y.entryId)!;
const doneStages = (data: Home) => entryOf(data).progress.stages.filter((s) => s.done).map((s) => s.stage);

async function submit(userId: number) {
	const params = { entryId: String(y.entryId) };
	const form = assessmentForm(y.doc(60), y.assessmentOf(userId)?.version ?? 0);
	expect(await scoringPage.actions.submit(scoringEvent(userId, `/examiner/entries/${y.entryId}?/submit`, { form, params }))).toMatchObject({ submitted: true });
}

function consensusForm(doc: ConsensusDoc): FormData {
	const form = new FormData();
	form.set('version', '0');
	form.set('summary', doc.summary);
	form.set('recommend', 'yes');
	form.set('siteVisit.date', doc.siteVisit.date ?? '');
	form.set('siteVisit.participants', doc.siteVisit.participants);
	form.set('siteVisit.findings', doc.siteVisit.findings);
	for (const c of doc.criteria) form.set(`criteria.${c.criterionId}.score`, String(c.score));
	return form;
}

async function markConsensusDone() {
	const doc: ConsensusDoc = {
		summary: 'Ett växande systematiskt kvalitetsarbete.',
		recommendFinalist: true,
		criteria: y.criterionIds.map((criterionId) => ({ criterionId, score: 60, strengths: [], improvements: [] })),
		siteVisit: { date: '2026-10-02', participants: 'Laget och enhetschefen', findings: 'Bilden bekräftades.' }
	};
	const params = { entryId: String(y.entryId) };
	const r = await consensusPage.actions.done(scoringEvent(y.lead, `/examiner/entries/${y.entryId}/consensus?/done`, { form: consensusForm(doc), params }));
	expect(r).toEqual({ done: true });
}

describe('the examiner’s and the lead’s home', () => {
	it('follows the team from the own assessments through consensus and site visit to the report', async () => {
		// The lead has submitted, one teammate has a draft, one has not started.
		expect(entryOf(await load(y.lead)).progress.next).toBe('waitTeam');
		expect(entryOf(await load(y.drafter)).progress.next).toBe('assess');
		// Before their own is submitted, the drafter learns nothing of how far the others are.
		expect((await load(y.drafter)).work.find((w) => w.entryId === y.entryId)).toMatchObject({ work: { teamSubmitted: null } });
		expect((await load(y.drafter)).next.step).toBe('assess');

		await submit(y.drafter);
		await submit(y.fresh);
		expect(doneStages(await load(y.lead))).toEqual(['own', 'team']);
		expect(entryOf(await load(y.lead)).progress.next).toBe('consensus');
		expect(entryOf(await load(y.drafter)).progress.next).toBe('waitConsensus');

		await markConsensusDone();
		const lead = await load(y.lead);
		expect(doneStages(lead)).toEqual(['own', 'team', 'consensus', 'siteVisit']);
		// Neither the entry nor the home's one next step still asks for the consensus.
		expect(entryOf(lead).progress.next).toBe('reportLater');
		expect(lead.next.step).not.toBe('consensus');
		expect(entryOf(await load(y.drafter)).progress.next).toBe('waitReport');

		y.setPhase('consensus');
		expect(entryOf(await load(y.lead)).progress.next).toBe('report');
	});
});
