/** The unit's own view beside the team's in the feedback report, its change since the last entry, and the award office's spread (docs/feedback.md). */
const countSv = ['', 'en', 'två', 'tre', 'fyra', 'fem'];
const countEn = ['', 'one', 'two', 'three', 'four', 'five'];
const levelsSv = (n: number) => (n === 1 ? 'en nivå' : `${countSv[n] ?? n} nivåer`);
const levelsEn = (n: number) => (n === 1 ? 'one level' : `${countEn[n] ?? n} levels`);
/** "två nivåer högre", "en nivå lägre", "samma nivå". */
const gapWordsSv = (gap: number) => (gap === 0 ? 'samma nivå' : `${levelsSv(Math.abs(gap))} ${gap > 0 ? 'högre' : 'lägre'}`);
const gapWordsEn = (gap: number) => (gap === 0 ? 'the same level' : `${levelsEn(Math.abs(gap))} ${gap > 0 ? 'higher' : 'lower'}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
	summary: (c: { higher: number; same: number; lower: number }) =>
		`Av de ${c.higher + c.same + c.lower} områden ni bedömde hamnade ni på samma nivå som examinatorerna i ${c.same}, högre i ${c.higher} och lägre i ${c.lower}.`,
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
		`Of the ${c.higher + c.same + c.lower} areas you assessed, you were at the same level as the examiners in ${c.same}, higher in ${c.higher} and lower in ${c.lower}.`,
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
	}
};
