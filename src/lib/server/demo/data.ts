/** The demo year's people, organisations and units: realistic, invented (except the units named in the seed papers). */
export const ORGANISATIONS = [
	{ key: 'soc', name: 'Socialförvaltningen', kind: 'administration', board: 'Socialnämnden' },
	{ key: 'hl', name: 'Hägersten-Liljeholmens stadsdelsförvaltning', kind: 'district', board: 'Hägersten-Liljeholmens stadsdelsnämnd' },
	{ key: 'sk', name: 'Skärholmens stadsdelsförvaltning', kind: 'district', board: 'Skärholmens stadsdelsnämnd' },
	{ key: 'fa', name: 'Farsta stadsdelsförvaltning', kind: 'district', board: 'Farsta stadsdelsnämnd' },
	{ key: 'ku', name: 'Kungsholmens stadsdelsförvaltning', kind: 'district', board: 'Kungsholmens stadsdelsnämnd' },
	{ key: 'so', name: 'Södermalms stadsdelsförvaltning', kind: 'district', board: 'Södermalms stadsdelsnämnd' },
	{ key: 'st', name: 'Spånga-Tensta stadsdelsförvaltning', kind: 'district', board: 'Spånga-Tensta stadsdelsnämnd' },
	{ key: 'ut', name: 'Utbildningsförvaltningen', kind: 'administration', board: 'Utbildningsnämnden' },
	{ key: 'al', name: 'Äldreförvaltningen', kind: 'administration', board: 'Äldrenämnden' },
	{ key: 'sl', name: 'Stadsledningskontoret', kind: 'administration', board: 'Kommunstyrelsen' },
	{ key: 'sv', name: 'Stockholm Vatten och Avfall AB', kind: 'company', board: 'Styrelsen för Stockholm Vatten och Avfall AB' },
	{ key: 'pr', name: 'Pysslingen Förskolor och Skolor AB', kind: 'contractor', board: 'Styrelsen för Pysslingen Förskolor och Skolor AB' }
] as const;

export type OrgKey = (typeof ORGANISATIONS)[number]['key'];

/** Class index: 0 förskola, 1 skola, 2 äldreomsorg, 3 socialtjänst/LSS, 4 andra verksamheter. */
export interface DemoUnit {
	name: string;
	org: OrgKey;
	staff: number;
	/** The class it enters this year, or null when it does not. */
	entersClass: number | null;
	/** Why an entry is not eligible, to make the eligibility table worth looking at. */
	trouble?: 'late-account' | 'no-minutes' | 'private-share' | 'recent-win' | 'deficit';
	privateShare?: number;
	/** Years since its earlier wins of the award, counted from the demo's year. */
	winsYearsAgo?: number[];
}

export const UNITS: DemoUnit[] = [
	{ name: 'Enheten för hemlösa', org: 'soc', staff: 64, entersClass: 3 },
	{ name: 'Tillfälliga boenden', org: 'soc', staff: 41, entersClass: 3 },
	{ name: 'Hvilan', org: 'soc', staff: 23, entersClass: 3, trouble: 'late-account' },
	{ name: 'Ljungbacken', org: 'soc', staff: 19, entersClass: 3, trouble: 'no-minutes' },
	{ name: 'Hägerstens gruppbostäder', org: 'hl', staff: 38, entersClass: 3 },
	{ name: 'Resursenheten', org: 'sk', staff: 27, entersClass: 3 },
	{ name: 'Beställarenheten omsorg om äldre', org: 'sk', staff: 22, entersClass: 2 },
	{ name: 'Förskoleavdelningens ledningsorganisation', org: 'sk', staff: 12, entersClass: 0 },
	{ name: 'Förskolan Ekorren', org: 'fa', staff: 18, entersClass: 0 },
	{ name: 'Förskolan Solstrålen', org: 'pr', staff: 14, entersClass: 0, trouble: 'private-share', privateShare: 48 },
	{ name: 'Hägerstensåsens skola', org: 'ut', staff: 86, entersClass: 1 },
	{ name: 'Sjöstadsskolan', org: 'ut', staff: 112, entersClass: 1, trouble: 'deficit' },
	{ name: 'Hemtjänsten Farsta', org: 'fa', staff: 74, entersClass: 2 },
	{ name: 'Vård- och omsorgsboendet Trädgården', org: 'al', staff: 58, entersClass: 2, trouble: 'recent-win', winsYearsAgo: [2] },
	{ name: 'Kontaktcenter Stockholm', org: 'sl', staff: 95, entersClass: 4, winsYearsAgo: [7] },
	{ name: 'Kundservice Stockholm Vatten och Avfall', org: 'sv', staff: 48, entersClass: 4 },
	{ name: 'Förskolan Humlan', org: 'st', staff: 16, entersClass: null },
	{ name: 'Tensta träffpunkt', org: 'st', staff: 9, entersClass: null },
	{ name: 'Kungsholmens hemtjänst', org: 'ku', staff: 61, entersClass: null },
	{ name: 'Fridhemsplans förskolor', org: 'ku', staff: 33, entersClass: null },
	{ name: 'Södermalms socialpsykiatri', org: 'so', staff: 44, entersClass: null },
	{ name: 'Mariatorgets äldreboende', org: 'so', staff: 52, entersClass: null, winsYearsAgo: [3] },
	{ name: 'Liljeholmens fritidsgård', org: 'hl', staff: 8, entersClass: null },
	{ name: 'Aspuddens förskolor', org: 'hl', staff: 29, entersClass: null },
	{ name: 'Bredängs daglig verksamhet', org: 'sk', staff: 21, entersClass: null },
	{ name: 'Farsta familjeenhet', org: 'fa', staff: 26, entersClass: null },
	{ name: 'Rinkeby-Kista gymnasieskola', org: 'ut', staff: 70, entersClass: null },
	{ name: 'Biståndsenheten äldre Kungsholmen', org: 'ku', staff: 17, entersClass: null },
	{ name: 'Stadsarkivets läsesal', org: 'sl', staff: 11, entersClass: null },
	{ name: 'Pysslingen förskolor Västberga', org: 'pr', staff: 15, entersClass: null, privateShare: 92 }
];

export const EXAMINER_NAMES = [
	'Anna Lindqvist', 'Björn Sandberg', 'Cecilia Holm', 'David Nyström', 'Elin Bergkvist', 'Fredrik Åberg',
	'Gunilla Ek', 'Hassan Ali', 'Ingrid Söderberg', 'Johan Lundgren', 'Karin Almqvist', 'Leila Rahimi',
	'Magnus Hedlund', 'Nina Forsberg', 'Oskar Wallin', 'Petra Sjöberg', 'Rasmus Engström', 'Sara Öberg'
];

export const JURY = [
	{ email: 'ordforande@demo.test', name: 'Malin Ekström', title: 'stadsdirektör', role: 'chair' },
	{ email: 'jury1@demo.test', name: 'Anders Hellström', title: 'ekonomidirektör', role: 'juror' },
	{ email: 'jury2@demo.test', name: 'Birgitta Norén', title: 'personaldirektör', role: 'juror' },
	// Heads the social services administration: a conflict of interest with its entries.
	{ email: 'jury3@demo.test', name: 'Carlos Mendes', title: 'förvaltningschef', role: 'juror', org: 'soc' },
	{ email: 'jury4@demo.test', name: 'Dragana Petrović', title: 'kvalitetsstrateg', role: 'juror' }
] as const;
