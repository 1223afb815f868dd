/** Where a team stands on each entry and what is next, on the examiner's and the lead's home (docs/assessing.md#7-where-the-team-stands). */
import type { EntryNext } from '$lib/domain/next-step';

type Waiting = Exclude<EntryNext, 'assess' | 'consensus' | 'siteVisit' | 'report'>;

export const sv = {
	stagesLabel: 'Var laget står',
	next: 'Nästa steg',
	stages: {
		own: 'Din bedömning',
		team: 'Laget',
		consensus: 'Konsensus',
		siteVisit: 'Platsbesök',
		report: 'Återkopplingsrapport'
	},
	own: { none: 'inte påbörjad', draft: 'utkast', submitted: 'inlämnad' },
	team: (submitted: number | null, size: number) => (submitted === null ? 'syns när du har lämnat in' : `${submitted} av ${size} inlämnade`),
	consensus: { none: 'inte påbörjad', draft: 'utkast', done: 'klar' },
	siteVisit: (done: boolean): string => (done ? 'genomfört' : 'inte infört'),
	report: { none: 'inte påbörjad', draft: 'utkast', approved: 'godkänd', released: 'skickad till enheten' },
	/** One entry's next step. */
	entry: {
		assess: 'Gör klart och lämna in din bedömning.',
		waitTeam: 'Vänta tills hela laget har lämnat in.',
		consensus: 'Skriv konsensus med laget och markera den som klar.',
		waitConsensus: 'Utvärderingsledaren skriver konsensus med laget.',
		siteVisit: 'För in platsbesöket: datum, deltagare och iakttagelser.',
		waitSiteVisit: 'Utvärderingsledaren för in platsbesöket.',
		report: 'Skriv återkopplingsrapporten.',
		waitReport: 'Utvärderingsledaren skriver återkopplingsrapporten.',
		reportLater: 'Återkopplingsrapporten kan skrivas när konsensusfasen har börjat.',
		waitRelease: 'Rapporten är godkänd. Kvalitetssamordnaren skickar den till enheten.',
		closed: 'Fasen för det här steget är avslutad.',
		done: 'Klart.'
	} satisfies Record<EntryNext, string>,
	/** The home page's one next step over all entries. */
	home: {
		waiting: 'Vänta på att lagen publiceras. Du kan redan nu anmäla jäv.',
		assess: (n: number) => `Gör klart och lämna in ${n === 1 ? 'en bedömning' : `${n} bedömningar`}.`,
		consensus: (n: number) => `Skriv konsensus med laget för ${n} bidrag och markera den som klar.`,
		siteVisit: (n: number) => `För in platsbesöket för ${n} bidrag.`,
		report: (n: number) => `Skriv återkopplingsrapporten för ${n} bidrag.`,
		waitTeam: 'Dina bedömningar är inlämnade. Vänta tills resten av laget har lämnat in.',
		waitConsensus: 'Dina bedömningar är inlämnade. Utvärderingsledaren skriver konsensus med laget.',
		waitSiteVisit: 'Konsensus är klar. Utvärderingsledaren för in platsbesöket.',
		reportLater: 'Konsensus och platsbesök är klara. Återkopplingsrapporterna kan skrivas när konsensusfasen har börjat.',
		waitReport: 'Konsensus och platsbesök är klara. Utvärderingsledaren skriver återkopplingsrapporten.',
		waitRelease: 'Rapporterna är godkända. Kvalitetssamordnaren skickar dem till enheterna.',
		closed: 'Inget kvar som kan göras i den här fasen.',
		done: 'Inga bedömningar kvar att göra i år. Tack!'
	} satisfies Record<Waiting | 'waiting', string> & Record<'assess' | 'consensus' | 'siteVisit' | 'report', (n: number) => string>
};

export const en: typeof sv = {
	stagesLabel: 'Where the team stands',
	next: 'Next step',
	stages: {
		own: 'Your assessment',
		team: 'The team',
		consensus: 'Consensus',
		siteVisit: 'Site visit',
		report: 'Feedback report'
	},
	own: { none: 'not started', draft: 'draft', submitted: 'submitted' },
	team: (submitted, size) => (submitted === null ? 'shown once you have submitted' : `${submitted} of ${size} submitted`),
	consensus: { none: 'not started', draft: 'draft', done: 'done' },
	siteVisit: (done) => (done ? 'done' : 'not recorded'),
	report: { none: 'not started', draft: 'draft', approved: 'approved', released: 'sent to the unit' },
	entry: {
		assess: 'Finish and submit your assessment.',
		waitTeam: 'Wait until the whole team has submitted.',
		consensus: 'Write the consensus with the team and mark it done.',
		waitConsensus: 'The lead writes the consensus with the team.',
		siteVisit: 'Record the site visit: date, participants and findings.',
		waitSiteVisit: 'The lead records the site visit.',
		report: 'Write the feedback report.',
		waitReport: 'The lead writes the feedback report.',
		reportLater: 'The feedback report can be written once the consensus phase has begun.',
		waitRelease: 'The report is approved. The award office sends it to the unit.',
		closed: 'The phase for this step is over.',
		done: 'Done.'
	},
	home: {
		waiting: 'Wait for the teams to be published. You can already declare conflicts of interest.',
		assess: (n) => `Finish and submit ${n === 1 ? 'one assessment' : `${n} assessments`}.`,
		consensus: (n) => `Write the consensus with the team for ${n} ${n === 1 ? 'entry' : 'entries'} and mark it done.`,
		siteVisit: (n) => `Record the site visit for ${n} ${n === 1 ? 'entry' : 'entries'}.`,
		report: (n) => `Write the feedback report for ${n} ${n === 1 ? 'entry' : 'entries'}.`,
		waitTeam: 'Your assessments are submitted. Wait until the rest of the team has submitted.',
		waitConsensus: 'Your assessments are submitted. The lead writes the consensus with the team.',
		waitSiteVisit: 'The consensus is done. The lead records the site visit.',
		reportLater: 'Consensus and site visit are done. The feedback reports can be written once the consensus phase has begun.',
		waitReport: 'Consensus and site visit are done. The lead writes the feedback report.',
		waitRelease: 'The reports are approved. The award office sends them to the units.',
		closed: 'Nothing is left that can be done in this phase.',
		done: 'No assessments left this year. Thank you!'
	}
};
