/** The ranked view (docs/aggregation.md): table, details, robustness, agreement, charts, exports. */
export const sv = {
	nav: 'Rangordning',
	title: 'Rangordning',
	intro: 'Bidragen i varje tävlingsklass rangordnade efter sin total. Välj en klass för att se tabellen, diagrammen och om rangordningen håller.',
	noCycle: 'Det finns ingen omgång att rangordna.',
	classes: 'Tävlingsklasser',
	classCounts: (entries: number, finalists: number, incomplete: number) =>
		`${entries} bidrag · ${finalists} ${finalists === 1 ? 'finalist' : 'finalister'}` +
		(incomplete > 0 ? ` · ${incomplete} ofullständiga` : ''),
	openClass: (name: string) => `Rangordningen för ${name}`,
	backToIndex: 'Alla klasser',
	classTitle: (name: string) => `Rangordning: ${name}`,
	classIntro:
		'Totalen väger samman poängen på alla bedömningsgrunder efter deras vikt. För varje bedömningsgrund gäller lagets konsensuspoäng när konsensus är klar, annars medelvärdet av examinatorernas poäng. Bidrag med samma total delar plats. Ett bidrag som saknar poäng på någon bedömningsgrund är ofullständigt och får ingen plats.',
	noEntries: 'Klassen har inga bidrag som rangordnas.',
	caption: (name: string, shown: number, all: number) =>
		shown === all ? `Rangordning för ${name}, ${all} bidrag` : `Rangordning för ${name}, ${shown} av ${all} bidrag`,
	columns: {
		rank: 'Plats',
		unit: 'Enhet',
		total: 'Total',
		consensus: 'Konsensus',
		finalist: 'Finalist',
		flags: 'Behörighet',
		adjusted: 'Justerad total',
		adjustedRank: 'Plats (justerad)',
		criteria: 'Bedömningsgrunder'
	},
	view: {
		full: 'Visa alla kolumner: poäng per bedömningsgrund och justerad total',
		compact: 'Visa den kompakta tabellen',
		stripKey: (criteria: string) =>
			`Remsan i kolumnen Bedömningsgrunder har en ruta per bedömningsgrund i ordningen ${criteria}. Mörkare ruta betyder högre poäng, en röd hörnmarkering att examinatorerna skiljer sig mycket åt. Peka på remsan eller gå till den med tabbtangenten för att se poängen.`,
		stripLabel: (unit: string) => `Poäng per bedömningsgrund, ${unit}`
	},
	sortBy: (column: string) => `Sortera efter ${column}`,
	sortedBy: (column: string, ascending: boolean) => `Sorterad efter ${column}, ${ascending ? 'stigande' : 'fallande'}.`,
	consensus: { done: 'Klar', draft: 'Utkast', none: 'Saknas' },
	recommend: { yes: 'Rekommenderas', no: 'Rekommenderas inte', open: 'Inte angivet' },
	e8: 'E8: kan inte tilldelas utmärkelsen',
	overridden: (rules: string) => `Antagen med undantag (${rules})`,
	noFlags: 'Uppfyller alla regler',
	incomplete: 'Ofullständig',
	noRank: 'Ingen plats',
	divergentMark: '⚠',
	divergent: 'avvikande bedömningar',
	spread: (value: string) => `spridning ${value}`,
	legend: (threshold: number) =>
		`⚠ betyder att examinatorerna är oense: deras poäng på bedömningsgrunden skiljer sig med ${threshold} eller mer (spridning = högsta minus lägsta poäng). Justerad total visar totalen om alla examinatorer hade varit lika stränga. Den är bara vägledande.`,
	filter: {
		legend: 'Visa',
		finalistsOnly: 'Bara finalister (konsensus klar och rekommenderade till juryn)',
		apply: 'Uppdatera tabellen',
		showing: (shown: number, all: number) => `Visar ${shown} av ${all} bidrag.`
	},
	hidden: {
		title: 'Bidrag du har jäv mot',
		text: 'Bidrag som du har jäv mot visas inte här. Du ser klassen som om de inte fanns: placeringar, totaler, medianer, samstämmighet och antal är beräknade utan dem.'
	},
	exports: {
		title: 'Ladda ner',
		csv: 'Rangordningen som CSV (Excel, semikolon)',
		xlsx: 'Rangordningen som Excel-fil (XLSX)'
	},
	robustness: {
		pageTitle: (name: string) => `Håller rangordningen? ${name}`,
		link: 'Håller rangordningen, och hur överens är examinatorerna?',
		title: 'Samma ordning med andra sätt att räkna?',
		intro: 'Rangordningen bygger på ett sätt att räkna. Här räknar vi den på tre andra sätt. Blir ordningen densamma, beror beslutet inte på hur poängen räknas samman.',
		methodsTitle: 'Vad varje sätt att räkna visar',
		marker: '◆',
		markerText: (k: number) => `Topp ${k} ändras`,
		legend: (k: number) => `◆ Topp ${k} ändras: bidraget är bland de ${k} främsta med något sätt att räkna men inte med alla.`,
		caption: (name: string) => `Plats med olika sätt att räkna, ${name}`,
		methods: { mean: 'Medelvärde (officiell)', median: 'Median', trimmed: 'Trimmat medelvärde', adjusted: 'Justerat för stränghet' },
		meaning: {
			mean: 'Den rangordning juryn beslutar utifrån: lagets konsensuspoäng, annars examinatorernas medelvärde.',
			median: 'Visar om en enskild examinators avvikande poäng har flyttat bidraget.',
			trimmed: 'Räknar bort högsta och lägsta poängen, så att ytterligheter inte avgör platsen.',
			adjusted: 'Visar vilken plats bidraget hade fått om alla examinatorer hade varit lika stränga.'
		},
		stable: (k: number) => `De ${k} främsta är desamma med alla fyra sätten att räkna: beslutet vilar inte på räknesättet.`,
		changes: (count: number, k: number) =>
			`${count} bidrag hamnar bland de ${k} främsta med något sätt att räkna men inte med alla: granska dem särskilt innan ni beslutar.`,
		noTop: 'Klassen har för få bidrag för att tala om de främsta. Jämför platserna i tabellen: skiftar ordningen med räknesättet är skillnaden mellan bidragen liten.'
	},
	agreement: {
		title: 'Samstämmighet mellan examinatorerna',
		explanation:
			'Visar om examinatorerna bedömer bidragen lika. Låg samstämmighet betyder att poängen på den bedömningsgrunden säger mindre, och att lagens konsensus och platsbesök väger tyngre i beslutet.',
		detail: 'Måttet är Krippendorffs alfa, räknat för varje bedömningsgrund över klassens bidrag. 1 betyder att examinatorerna är helt överens, 0 att de inte är mer överens än om poängen vore slumpade. Under 0,667 är samstämmigheten för låg för säkra slutsatser.',
		tooFew: 'För få bidrag för att mäta samstämmighet',
		tooFewDetail: (entries: number, values: number) =>
			`Måttet säger något först när minst ${entries} bidrag i klassen har minst två bedömningar var, och minst ${values} bedömningar sammanlagt.`,
		caption: (name: string) => `Krippendorffs alfa per bedömningsgrund, ${name}`,
		criterion: 'Bedömningsgrund',
		alpha: 'Alfa',
		entries: 'Bidrag med minst två bedömningar',
		verdict: 'Slutsats',
		low: 'För låg',
		ok: 'Godtagbar',
		none: 'Kan inte beräknas'
	},
	totalsChart: {
		title: 'Total och examinatorernas egna totaler',
		caption: (name: string) => `Total per bidrag med varje examinators egen total, ${name}`,
		total: 'Total',
		examiners: 'Examinatorernas egna totaler',
		unit: 'Enhet',
		own: 'Egna totaler (examinator: total)'
	},
	severity: {
		title: 'Examinatorernas stränghet',
		intro:
			'Varje examinators medelpoäng jämfört med medelvärdet av alla poäng i omgången. Har en examinator bedömt minst tre bidrag, justeras hens poäng för stränghet i den justerade totalen.',
		caption: 'Examinatorernas medelpoäng mot alla examinatorers medelvärde',
		examiner: 'Examinator',
		entries: 'Bidrag',
		scores: 'Poäng',
		mean: 'Medel',
		sd: 'Standardavvikelse',
		difference: 'Skillnad mot alla',
		adjusted: 'Justeras',
		overall: 'Alla examinatorer',
		overallMean: 'Medelvärde för alla',
		none: 'Inga inskickade poäng ännu.'
	},
	entry: {
		title: (name: string) => `${name} – detaljer i rangordningen`,
		back: (className: string) => `Tillbaka till rangordningen för ${className}`,
		open: (name: string) => `Detaljer för ${name}`,
		facts: 'Sammanfattning',
		statsTitle: 'Per bedömningsgrund',
		radarTitle: 'Bidraget mot klassens median',
		statsCaption: (name: string) => `Statistik per bedömningsgrund för ${name}`,
		criterion: 'Bedömningsgrund',
		weight: 'Vikt',
		n: 'Antal',
		mean: 'Medel',
		median: 'Median',
		min: 'Lägst',
		max: 'Högst',
		sd: 'Standardavvikelse',
		spread: 'Spridning',
		consensus: 'Konsensus',
		used: 'Använd',
		classMedian: 'Klassens median',
		radarCaption: (name: string) => `${name}: använd poäng per bedömningsgrund mot klassens median`,
		radarEntry: 'Bidraget',
		radarMedian: 'Klassens median',
		examinersTitle: 'Examinatorernas poäng',
		examinersCaption: (name: string) => `Inskickade poäng per examinator för ${name}`,
		examiner: 'Examinator',
		noExaminers: 'Ingen examinator har skickat in sin bedömning.'
	},
	exportColumns: {
		sheet: 'Rangordning',
		rank: 'Plats',
		unit: 'Enhet',
		organisation: 'Organisation',
		total: 'Total',
		divergent: 'Avvikande bedömningsgrunder',
		adjusted: 'Justerad total',
		adjustedRank: 'Plats (justerad)',
		consensus: 'Konsensus',
		finalist: 'Rekommenderas som finalist',
		e8: 'Kan inte tilldelas utmärkelsen (E8)',
		incomplete: 'Ofullständig'
	}
};

export const en: typeof sv = {
	nav: 'Ranking',
	title: 'Ranking',
	intro: 'The entries of each class ranked by their total. Choose a class to see the table, the charts and whether the ranking holds.',
	noCycle: 'There is no cycle to rank.',
	classes: 'Classes',
	classCounts: (entries, finalists, incomplete) =>
		`${entries} ${entries === 1 ? 'entry' : 'entries'} · ${finalists} ${finalists === 1 ? 'finalist' : 'finalists'}` +
		(incomplete > 0 ? ` · ${incomplete} incomplete` : ''),
	openClass: (name) => `The ranking of ${name}`,
	backToIndex: 'All classes',
	classTitle: (name) => `Ranking: ${name}`,
	classIntro:
		'The total combines the scores on all criteria by their weights. For each criterion the team’s consensus score counts once the consensus is done, otherwise the mean of the examiners’ scores. Entries with the same total share a place. An entry that lacks a score on some criterion is incomplete and gets no place.',
	noEntries: 'No entries of this class are ranked.',
	caption: (name, shown, all) =>
		shown === all ? `Ranking of ${name}, ${all} entries` : `Ranking of ${name}, ${shown} of ${all} entries`,
	columns: {
		rank: 'Place',
		unit: 'Unit',
		total: 'Total',
		consensus: 'Consensus',
		finalist: 'Finalist',
		flags: 'Eligibility',
		adjusted: 'Adjusted total',
		adjustedRank: 'Place (adjusted)',
		criteria: 'Criteria'
	},
	view: {
		full: 'Show all columns: scores per criterion and adjusted total',
		compact: 'Show the compact table',
		stripKey: (criteria) =>
			`The strip in the Criteria column has one square per criterion, in the order ${criteria}. A darker square is a higher score, a red corner that the examiners differ widely. Point at the strip or move to it with the Tab key to see the scores.`,
		stripLabel: (unit) => `Scores per criterion, ${unit}`
	},
	sortBy: (column) => `Sort by ${column}`,
	sortedBy: (column, ascending) => `Sorted by ${column}, ${ascending ? 'ascending' : 'descending'}.`,
	consensus: { done: 'Done', draft: 'Draft', none: 'Missing' },
	recommend: { yes: 'Recommended', no: 'Not recommended', open: 'Not stated' },
	e8: 'E8: cannot receive the award',
	overridden: (rules) => `Admitted by exception (${rules})`,
	noFlags: 'Meets every rule',
	incomplete: 'Incomplete',
	noRank: 'No place',
	divergentMark: '⚠',
	divergent: 'divergent assessments',
	spread: (value) => `spread ${value}`,
	legend: (threshold) =>
		`⚠ means the examiners disagree: their scores on the criterion differ by ${threshold} or more (spread = highest minus lowest score). The adjusted total shows the total if every examiner had been equally strict. It is only a guide.`,
	filter: {
		legend: 'Show',
		finalistsOnly: 'Finalists only (consensus done and recommended to the jury)',
		apply: 'Update the table',
		showing: (shown, all) => `Showing ${shown} of ${all} entries.`
	},
	hidden: {
		title: 'Entries you have a conflict of interest with',
		text: 'Entries you have a conflict of interest with are not shown here. You see the class as if they were not in it: places, totals, medians, agreement and counts are computed without them.'
	},
	exports: {
		title: 'Download',
		csv: 'The ranking as CSV (Excel, semicolon)',
		xlsx: 'The ranking as an Excel file (XLSX)'
	},
	robustness: {
		pageTitle: (name) => `Does the ranking hold? ${name}`,
		link: 'Does the ranking hold, and how well do the examiners agree?',
		title: 'The same order with other ways of computing?',
		intro: 'The ranking rests on one way of combining the scores. Here we compute it three other ways. If the order stays the same, the decision does not depend on how the scores are added up.',
		methodsTitle: 'What each way of computing shows',
		marker: '◆',
		markerText: (k) => `Top ${k} changes`,
		legend: (k) => `◆ Top ${k} changes: the entry is among the first ${k} under some way of computing but not under all.`,
		caption: (name) => `Place under different ways of computing, ${name}`,
		methods: { mean: 'Mean (official)', median: 'Median', trimmed: 'Trimmed mean', adjusted: 'Adjusted for severity' },
		meaning: {
			mean: 'The ranking the jury decides on: the team’s consensus scores, else the examiners’ mean.',
			median: 'Shows whether one examiner’s outlying score has moved the entry.',
			trimmed: 'Leaves out the highest and lowest score, so that extremes do not decide the place.',
			adjusted: 'Shows the place the entry would have had if every examiner had been equally strict.'
		},
		stable: (k) => `The first ${k} are the same under all four ways of computing: the decision does not rest on the method.`,
		changes: (count, k) =>
			`${count} ${count === 1 ? 'entry is' : 'entries are'} among the first ${k} under some way of computing but not under all: look at them closely before deciding.`,
		noTop: 'The class has too few entries to speak of a top. Compare the places in the table: if the order shifts with the method, the entries are close.'
	},
	agreement: {
		title: 'Agreement between the examiners',
		explanation:
			'Shows whether the examiners judge the entries alike. Low agreement means the scores on that criterion say less, and the teams’ consensus and site visits weigh more in the decision.',
		detail: 'The measure is Krippendorff’s alpha, computed for each criterion over the class’s entries. 1 means the examiners agree fully, 0 that they agree no more than random scores would. Below 0.667 the agreement is too low for firm conclusions.',
		tooFew: 'Too few entries to measure agreement',
		tooFewDetail: (entries, values) =>
			`The measure means something only once at least ${entries} entries of the class have at least two assessments each, and at least ${values} assessments in all.`,
		caption: (name) => `Krippendorff’s alpha per criterion, ${name}`,
		criterion: 'Criterion',
		alpha: 'Alpha',
		entries: 'Entries with at least two assessments',
		verdict: 'Conclusion',
		low: 'Too low',
		ok: 'Acceptable',
		none: 'Cannot be computed'
	},
	totalsChart: {
		title: 'Total and the examiners’ own totals',
		caption: (name) => `Total per entry with each examiner’s own total, ${name}`,
		total: 'Total',
		examiners: 'The examiners’ own totals',
		unit: 'Unit',
		own: 'Own totals (examiner: total)'
	},
	severity: {
		title: 'The examiners’ severity',
		intro:
			'Each examiner’s mean score against the mean of all scores in the cycle. When an examiner has assessed at least three entries, the adjusted total adjusts their scores for severity.',
		caption: 'The examiners’ mean scores against the mean of all examiners',
		examiner: 'Examiner',
		entries: 'Entries',
		scores: 'Scores',
		mean: 'Mean',
		sd: 'Standard deviation',
		difference: 'Difference from all',
		adjusted: 'Adjusted',
		overall: 'All examiners',
		overallMean: 'Mean of all',
		none: 'No submitted scores yet.'
	},
	entry: {
		title: (name) => `${name} – ranking details`,
		back: (className) => `Back to the ranking of ${className}`,
		open: (name) => `Details for ${name}`,
		facts: 'Summary',
		statsTitle: 'Per criterion',
		radarTitle: 'The entry against the class median',
		statsCaption: (name) => `Statistics per criterion for ${name}`,
		criterion: 'Criterion',
		weight: 'Weight',
		n: 'Count',
		mean: 'Mean',
		median: 'Median',
		min: 'Lowest',
		max: 'Highest',
		sd: 'Standard deviation',
		spread: 'Spread',
		consensus: 'Consensus',
		used: 'Used',
		classMedian: 'Class median',
		radarCaption: (name) => `${name}: score used per criterion against the class median`,
		radarEntry: 'The entry',
		radarMedian: 'Class median',
		examinersTitle: 'The examiners’ scores',
		examinersCaption: (name) => `Submitted scores per examiner for ${name}`,
		examiner: 'Examiner',
		noExaminers: 'No examiner has submitted their assessment.'
	},
	exportColumns: {
		sheet: 'Ranking',
		rank: 'Place',
		unit: 'Unit',
		organisation: 'Organisation',
		total: 'Total',
		divergent: 'Divergent criteria',
		adjusted: 'Adjusted total',
		adjustedRank: 'Place (adjusted)',
		consensus: 'Consensus',
		finalist: 'Recommended as finalist',
		e8: 'Cannot receive the award (E8)',
		incomplete: 'Incomplete'
	}
};
