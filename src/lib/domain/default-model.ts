/**
 * The award's default classes and assessment model (docs/the-year.md#4-classes,
 * docs/assessment-model.md#2-the-default-model), used for a new cycle when there is no earlier year
 * to copy. Data, not rules: a cycle may change all of it in preparation. Beside it the six bands
 * of the scale and the one fallback to the default band texts.
 */
export type CriterionKind = 'approach' | 'results';

export interface ClassDefinition {
	nameSv: string;
	nameEn: string;
	description: string;
}

export interface CriterionDefinition {
	key: string;
	titleSv: string;
	titleEn: string;
	kind: CriterionKind;
	weight: number;
	guidance: string;
	questions: string[];
}

export const DEFAULT_CLASSES: ClassDefinition[] = [
	{ nameSv: 'Förskola', nameEn: 'Preschool', description: 'Kommunala förskolor och förskoleenheter.' },
	{ nameSv: 'Skola', nameEn: 'School', description: 'Grundskolor, grundsärskolor och gymnasieskolor.' },
	{
		nameSv: 'Äldreomsorg inklusive myndighetsutövning',
		nameEn: 'Elderly care including public authority',
		description: 'Hemtjänst, vård- och omsorgsboenden, dagverksamhet och biståndshandläggning.'
	},
	{
		nameSv: 'Socialtjänst och stöd och service till personer med funktionsnedsättning inklusive myndighetsutövning',
		nameEn: 'Social services and support for people with disabilities including public authority',
		description: 'Individ- och familjeomsorg, socialpsykiatri, LSS-verksamheter och myndighetsutövning.'
	},
	{
		nameSv: 'Andra verksamheter',
		nameEn: 'Other services',
		description: 'Administration, stadens bolag, tekniska verksamheter och annan service.'
	}
];

export const DEFAULT_CRITERIA: CriterionDefinition[] = [
	{
		key: 'dialog',
		titleSv: 'Stockholmarnas synpunkter och dialog',
		titleEn: 'Residents’ views and dialogue',
		kind: 'approach',
		weight: 15,
		guidance: 'Hur enheten tar reda på och tar tillvara brukarnas och stockholmarnas behov, synpunkter och klagomål.',
		questions: [
			'Hur samlar enheten in synpunkter från dem den är till för?',
			'Hur används synpunkterna för att förbättra verksamheten?',
			'Hur återkopplar enheten till dem som lämnat synpunkter?'
		]
	},
	{
		key: 'leadership',
		titleSv: 'Ledarskap',
		titleEn: 'Leadership',
		kind: 'approach',
		weight: 15,
		guidance: 'Hur ledningen sätter mål, skapar delaktighet och leder det systematiska kvalitetsarbetet.',
		questions: [
			'Hur tydliggör ledningen mål och förväntningar?',
			'Hur följer ledningen upp att arbetssätten fungerar?',
			'Hur främjar ledningen förbättringsarbete och lärande?'
		]
	},
	{
		key: 'staff',
		titleSv: 'Medarbetarskap',
		titleEn: 'Staff engagement',
		kind: 'approach',
		weight: 15,
		guidance: 'Hur medarbetarna är delaktiga, utvecklas och tar ansvar för verksamhetens kvalitet.',
		questions: [
			'Hur är medarbetarna delaktiga i planering och förbättringar?',
			'Hur säkras kompetensen?',
			'Hur följs arbetsmiljö och medarbetarnas engagemang upp?'
		]
	},
	{
		key: 'followup',
		titleSv: 'Uppföljning och analys',
		titleEn: 'Follow-up and analysis',
		kind: 'approach',
		weight: 15,
		guidance: 'Hur enheten mäter, analyserar och använder resultat för att styra och förbättra.',
		questions: [
			'Vilka mått följer enheten och hur ofta?',
			'Hur analyseras resultaten och vem deltar?',
			'Vilka förbättringar har analyserna lett till?'
		]
	},
	{
		key: 'learning',
		titleSv: 'Lärande och goda exempel',
		titleEn: 'Learning and good practice',
		kind: 'approach',
		weight: 10,
		guidance: 'Hur enheten lär av andra, jämför sig och sprider sina egna goda exempel.',
		questions: [
			'Hur jämför sig enheten med andra?',
			'Vilka goda exempel har enheten hämtat eller delat?'
		]
	},
	{
		key: 'results',
		titleSv: 'Resultat och måluppfyllelse (mål, brukarresultat, budgethållning)',
		titleEn: 'Results and goal attainment (goals, user results, budget)',
		kind: 'results',
		weight: 25,
		guidance: 'Nivåer och trender för enhetens mål, brukarnas resultat och budgethållning, gärna i jämförelse med andra.',
		questions: [
			'Vilka resultat visar enheten för sina viktigaste mål?',
			'Hur ser trenderna ut över minst tre år?',
			'Hur står sig resultaten i jämförelse med andra?',
			'Håller enheten sin budget?'
		]
	},
	{
		key: 'equality',
		titleSv: 'Jämställdhet',
		titleEn: 'Gender equality',
		kind: 'approach',
		weight: 5,
		guidance: 'Hur enheten säkrar att verksamheten ges på lika villkor oavsett kön.',
		questions: ['Hur analyserar enheten sina resultat utifrån kön?', 'Vilka åtgärder har analysen lett till?']
	}
];

/** Six bands over 0–100; the text depends on the criterion's kind. */
export const BANDS = [
	{ min: 0, max: 5 },
	{ min: 10, max: 25 },
	{ min: 30, max: 45 },
	{ min: 50, max: 65 },
	{ min: 70, max: 85 },
	{ min: 90, max: 100 }
] as const;

export const DEFAULT_BAND_TEXTS: Record<CriterionKind, string[]> = {
	approach: [
		'Inget systematiskt arbetssätt; enstaka exempel.',
		'Början till ett systematiskt arbetssätt, i en liten del av enheten.',
		'Ett systematiskt arbetssätt för grundläggande krav, använt i flera delar; tidig utvärdering.',
		'Ett effektivt, systematiskt arbetssätt, väl spritt, regelbundet utvärderat och förbättrat.',
		'Effektivt och integrerat med enhetens mål; förbättrat genom analys och lärande.',
		'Föredömligt och helt integrerat; innovation och lärande; en förebild för andra.'
	],
	results: [
		'Inga resultat, eller bara anekdotiska.',
		'Få resultat; viss förbättring; få jämförelser.',
		'Förbättring och goda nivåer inom flera viktiga områden; tidiga trender.',
		'Goda nivåer och positiva trender inom de flesta viktiga områden; vissa jämförelser.',
		'Goda till mycket goda nivåer och trender; fördelaktiga jämförelser.',
		'Utmärkta, uthålliga nivåer och trender; en förebild i jämförelse.'
	]
};

/**
 * The six texts a criterion's bands are read by: its own when it has all six, else the defaults of
 * its kind, so that a criterion whose texts were never written still explains every band.
 */
export function bandTextsOf(criterion: { kind: CriterionKind; bandTexts: string[] }): string[] {
	return criterion.bandTexts.length === BANDS.length ? criterion.bandTexts : DEFAULT_BAND_TEXTS[criterion.kind];
}

/** How a band is named wherever it is shown: its level 1–6 of the six, and its range of scores. */
export interface BandName {
	level: number;
	of: number;
	min: number;
	max: number;
}

export function bandName(band: number): BandName {
	const { min, max } = BANDS[band];
	return { level: band + 1, of: BANDS.length, min, max };
}

/** The band a score falls in (0–5 → 0, …, 90–100 → 5); scores between bands take the lower one. */
export function bandOf(score: number): number {
	let band = 0;
	BANDS.forEach((b, i) => {
		if (score >= b.min) band = i;
	});
	return band;
}
