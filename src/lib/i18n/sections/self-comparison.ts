/** The unit's own view beside the team's in the feedback report, its change since the last entry, and the award office's spread (docs/feedback.md). */
const countSv = ['', 'en', 'två', 'tre', 'fyra', 'fem'];
const countEn = ['', 'one', 'two', 'three', 'four', 'five'];
const levelsSv = (n: number) => (n === 1 ? 'en nivå' : `${countSv[n] ?? n} nivåer`);
const levelsEn = (n: number) => (n === 1 ? 'one level' : `${countEn[n] ?? n} levels`);
/** "två nivåer högre", "en nivå lägre", "samma nivå". */
const gapWordsSv = (gap: number) => (gap === 0 ? 'samma nivå' : `${levelsSv(Math.abs(gap))} ${gap > 0 ? 'högre' : 'lägre'}`);
const gapWordsEn = (gap: number) => (gap === 0 ? 'the same level' : `${levelsEn(Math.abs(gap))} ${gap > 0 ? 'higher' : 'lower'}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
type Counts = { higher: number; same: number; lower: number };
/** "x i 3, y i 2 och z i 1", leaving out what counts none; the first names what it compares with. */
const countsIn = (c: Counts, words: Record<keyof Counts, [string, string]>, and: string) => {
	const parts = (['same', 'higher', 'lower'] as const).filter((k) => c[k] > 0).map((k, i) => `${words[k][i === 0 ? 0 : 1]} ${c[k]}`);
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}` : (parts[0] ?? '');
};

export const sv = {
	heading: 'Er egen bedömning bredvid examinatorernas',
	intro: 'I den skriftliga redovisningen placerade ni enheten på en nivå för varje område. Här står er bedömning bredvid examinatorernas gemensamma bedömning, så att ni ser var bilderna skiljer sig.',
	criterion: 'Område',
	yours: 'Er bedömning',
	team: 'Examinatorernas bedömning',
	difference: 'Skillnad',
	level: (level: number) => `Nivå ${level}`,
	reason: 'Er motivering',
	noSelf: 'Ni gjorde ingen egen bedömning av området.',
	missing: '–',
	gapWords: gapWordsSv,
	/** The sentence a unit reads per criterion. */
	gap: (gap: number) =>
		gap === 0 ? 'Ni bedömde er på samma nivå som examinatorerna.' : `Ni bedömde er ${gapWordsSv(gap)} än examinatorerna.`,
	summary: (c: Counts) =>
		`Av de ${c.higher + c.same + c.lower} områden ni bedömde låg er bedömning ${countsIn(
			c,
			{ same: ['på samma nivå som examinatorernas i', 'på samma nivå i'], higher: ['högre än examinatorernas i', 'högre i'], lower: ['lägre än examinatorernas i', 'lägre i'] },
			'och'
		)}.`,
	largest: (parts: string[]) => `Störst var skillnaden i ${parts.join(' och ')}.`,
	largestPart: (title: string, gap: number) => `${title} (${gapWordsSv(gap)})`,
	chartCaption: 'Er nivå och examinatorernas, per område',
	axis: 'Nivå 1–6',
	change: {
		heading: (year: number) => `Förändring sedan ${year}`,
		intro: (year: number) => `Enheten deltog också ${year}. Så har examinatorernas nivå för varje område ändrats sedan dess.`,
		words: (change: number, year: number) => (change === 0 ? `Samma nivå som ${year}.` : `${capital(gapWordsSv(change))} än ${year}.`),
		missing: (year: number) => `Området bedömdes inte ${year}.`
	},
	/** Beside the lead's editor: what the team asked the unit to work on last time. */
	earlier: {
		heading: (year: number) => `Utvecklingsområden i rapporten ${year}`,
		intro: (year: number) => `Enheten deltog också ${year}. Så här skrev examinatorerna då om vad enheten kunde utveckla; skriv gärna om enheten har kommit vidare.`
	},
	/** The award office's view over a cycle. */
	spread: {
		title: (cycle: string) => `Egen bedömning mot konsensus – ${cycle}`,
		link: 'Egen bedömning mot konsensus',
		intro: 'Här står enheternas egna bedömningar bredvid lagens konsensus, område för område, för de bidrag vars konsensus är klar. Använd det i utbildningen av enheterna: var bedömer de sig högre eller lägre än examinatorerna?',
		counted: (assessed: number, done: number) => `${assessed} av ${done} bidrag med klar konsensus har en egen bedömning i sin redovisning.`,
		none: 'Inget bidrag med klar konsensus har en egen bedömning ännu.',
		mostHigher: (title: string, mean: string) => `Högst bedömer enheterna sig i ${title}: i snitt ${mean} nivåer över examinatorerna.`,
		mostLower: (title: string, mean: string) => `Lägst bedömer enheterna sig i ${title}: i snitt ${mean} nivåer under examinatorerna.`,
		tableCaption: 'Skillnaden mellan egen bedömning och konsensus per område',
		chartCaption: 'Antal enheter som bedömde sig högre, lika eller lägre än examinatorerna',
		axis: 'Antal bidrag',
		higher: 'Högre',
		same: 'Samma nivå',
		lower: 'Lägre',
		criterion: 'Område',
		n: 'Bidrag',
		meanGap: 'Medelskillnad (nivåer)',
		meanSize: 'Medelavstånd (nivåer)',
		bySize: (levels: number) => (levels === 1 ? '1 nivå ifrån' : `${levels} nivåer ifrån`),
		exportCsv: 'Ladda ner raderna (CSV)',
		exportXlsx: 'Ladda ner raderna (Excel)',
		fileName: (year: number) => `egen-bedomning-${year}`,
		sheet: 'Egen bedömning',
		columns: {
			unit: 'Enhet',
			organisation: 'Förvaltning eller bolag',
			awardClass: 'Tävlingsklass',
			criterion: 'Område',
			own: 'Egen nivå (1–6)',
			team: 'Konsensusnivå (1–6)',
			gap: 'Skillnad (nivåer)',
			reason: 'Enhetens motivering'
		}
	}
};

export const en: typeof sv = {
	heading: 'Your own assessment beside the examiners’',
	intro: 'In the written account you placed the unit at a level for each area. Here your assessment stands beside the examiners’ joint assessment, so that you see where the views differ.',
	criterion: 'Area',
	yours: 'Your assessment',
	team: 'The examiners’ assessment',
	difference: 'Difference',
	level: (level) => `Level ${level}`,
	reason: 'Your reason',
	noSelf: 'You made no assessment of your own for this area.',
	missing: '–',
	gapWords: gapWordsEn,
	gap: (gap) =>
		gap === 0 ? 'You placed yourselves at the same level as the examiners.' : `You placed yourselves ${gapWordsEn(gap)} than the examiners.`,
	summary: (c) =>
		`Of the ${c.higher + c.same + c.lower} areas you assessed, your assessment was ${countsIn(
			c,
			{ same: ['at the same level as the examiners’ in', 'at the same level in'], higher: ['higher than the examiners’ in', 'higher in'], lower: ['lower than the examiners’ in', 'lower in'] },
			'and'
		)}.`,
	largest: (parts) => `The difference was largest in ${parts.join(' and ')}.`,
	largestPart: (title, gap) => `${title} (${gapWordsEn(gap)})`,
	chartCaption: 'Your level and the examiners’, per area',
	axis: 'Level 1–6',
	change: {
		heading: (year) => `Change since ${year}`,
		intro: (year) => `The unit also took part in ${year}. This is how the examiners’ level for each area has changed since then.`,
		words: (change, year) => (change === 0 ? `The same level as in ${year}.` : `${capital(gapWordsEn(change))} than in ${year}.`),
		missing: (year) => `The area was not assessed in ${year}.`
	},
	earlier: {
		heading: (year) => `Areas for improvement in the ${year} report`,
		intro: (year) => `The unit also took part in ${year}. This is what the examiners then wrote it could improve; say whether the unit has come further.`
	},
	spread: {
		title: (cycle) => `Self-assessment against consensus – ${cycle}`,
		link: 'Self-assessment against consensus',
		intro: 'The units’ own assessments beside their teams’ consensus, area by area, for the entries whose consensus is done. Use it in training the units: where do they rate themselves higher or lower than the examiners?',
		counted: (assessed, done) => `${assessed} of ${done} entries with a finished consensus have a self-assessment in their account.`,
		none: 'No entry with a finished consensus has a self-assessment yet.',
		mostHigher: (title, mean) => `Units rate themselves highest in ${title}: on average ${mean} levels above the examiners.`,
		mostLower: (title, mean) => `Units rate themselves lowest in ${title}: on average ${mean} levels below the examiners.`,
		tableCaption: 'The gap between self-assessment and consensus per area',
		chartCaption: 'Number of units rating themselves higher, the same or lower than the examiners',
		axis: 'Entries',
		higher: 'Higher',
		same: 'Same level',
		lower: 'Lower',
		criterion: 'Area',
		n: 'Entries',
		meanGap: 'Mean gap (levels)',
		meanSize: 'Mean distance (levels)',
		bySize: (levels) => (levels === 1 ? '1 level off' : `${levels} levels off`),
		exportCsv: 'Download the rows (CSV)',
		exportXlsx: 'Download the rows (Excel)',
		fileName: (year) => `self-assessment-${year}`,
		sheet: 'Self-assessment',
		columns: {
			unit: 'Unit',
			organisation: 'Administration or company',
			awardClass: 'Class',
			criterion: 'Area',
			own: 'Own level (1–6)',
			team: 'Consensus level (1–6)',
			gap: 'Gap (levels)',
			reason: 'The unit’s reason'
		}
	}
};
