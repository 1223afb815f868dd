/**
 * The demo's written accounts: for each entry a few pages in which the unit answers the cycle's
 * questions about its quality work, varied per unit without randomness (the seed's random sequence
 * is left untouched), written as a PDF by `pdf.ts`.
 */
import type { CriterionDefinition } from '../../domain/default-model';
import { formatDaySv } from '../../domain/dates';
import { IMPROVEMENTS, STRENGTHS } from './comment-bank';
import { writePdf, type Block } from './pdf';
import { storePdfBytes } from '../registry/documents';

export interface DemoAccountUnit {
	/** Position in the demo's unit list; varies the wording and the figures. */
	index: number;
	name: string;
	organisation: string;
	className: string;
	staff: number;
	managerName: string | null;
	year: number;
	receivedDate: string;
	deficit: boolean;
}

type Facts = DemoAccountUnit & { satisfaction: number[]; goals: number; sickLeave: number };

/** One answer per question, in the order of the default model's questions. */
const ANSWERS: Record<string, ((f: Facts) => string)[]> = {
	dialog: [
		(f) => `Vi samlar in synpunkter på flera sätt: stadens brukarundersökning varje år, ett brukarråd som träffas en gång i månaden, förslagslådor och samtal i vardagen. Alla synpunkter och klagomål registreras i stadens system och läses av chefen varje vecka.`,
		(f) => `Synpunkterna sammanställs varje kvartal och tas upp på arbetsplatsträffen, där vi bestämmer vilka förbättringar vi gör. Under ${f.year - 1} ledde synpunkterna bland annat till ändrade öppettider och tydligare information på lätt svenska.`,
		() => `Den som lämnat en synpunkt får svar inom fem arbetsdagar. På anslagstavlan och på webben redovisar vi under rubriken ”Ni sa – vi gjorde” vad synpunkterna har lett till.`
	],
	leadership: [
		(f) => `Nämndens mål bryts ned i verksamhetsplanen till mål för ${f.name} och vidare till varje arbetslag. ${f.managerName ?? 'Chefen'} går igenom målen med alla medarbetare vid årets första planeringsdag.`,
		() => `Ledningsgruppen följer varje månad upp nyckeltal och aktiviteter i verksamhetsplanen. Avvikelser leder till en åtgärd med ansvarig och datum, som följs upp vid nästa möte.`,
		() => `Ledningen avsätter tid för förbättringsarbete på varje arbetsplatsträff och efterfrågar förslag från medarbetarna. Goda förslag prövas i liten skala innan de införs i hela enheten.`
	],
	staff: [
		(f) => `Alla ${f.staff} medarbetare deltar i planeringsdagarna där årets mål och aktiviteter tas fram. Varje arbetslag har ett eget förbättringsområde som det driver och redovisar.`,
		() => `Kompetensbehovet inventeras i medarbetarsamtalen och samlas i en kompetensutvecklingsplan för enheten. Nyanställda får en introduktion med en utsedd kollega under de första sex veckorna.`,
		(f) => `Medarbetarenkätens resultat gås igenom i varje arbetslag. Sjukfrånvaron var ${f.sickLeave} procent förra året och följs upp månadsvis tillsammans med skyddsombudet.`
	],
	followup: [
		() => `Vi följer brukarnöjdhet, måluppfyllelse, avvikelser, sjukfrånvaro och ekonomi. Nyckeltalen tas fram varje månad; brukarundersökningen och medarbetarenkäten en gång om året.`,
		() => `Resultaten analyseras först i ledningsgruppen och sedan i arbetslagen, så att de som gör arbetet är med och förklarar orsakerna. Vi jämför med föregående år och med stadens genomsnitt.`,
		(f) => `Analysen av avvikelserna visade att många uppstod vid överlämningar mellan arbetspass. Vi införde en gemensam checklista och avvikelserna minskade med en tredjedel under ${f.year - 1}.`
	],
	learning: [
		() => `Vi jämför våra resultat med stadens genomsnitt och med tre liknande enheter i andra stadsdelar, som vi träffar två gånger om året i ett lärande nätverk.`,
		() => `Från en grannenhet har vi hämtat arbetssättet med dagliga korta avstämningar. Vårt eget arbete med brukarråd har vi presenterat på stadens kvalitetsmässa.`
	],
	results: [
		(f) => `Av nämndens mål för enheten var ${f.goals} av tio helt uppfyllda förra året. Brukarnöjdheten var ${f.satisfaction[2]} procent.`,
		(f) => `Brukarnöjdheten har utvecklats från ${f.satisfaction[0]} till ${f.satisfaction[1]} och ${f.satisfaction[2]} procent de senaste tre åren. Måluppfyllelsen har ökat eller legat stilla under samma tid.`,
		(f) => `Brukarnöjdheten ligger ${f.satisfaction[2] >= 85 ? 'över' : 'nära'} stadens genomsnitt för jämförbara verksamheter, och bättre än två av de tre enheter vi jämför oss med.`,
		(f) =>
			f.deficit
				? `Enheten redovisade ett underskott förra året och prognosen för i år visar också ett underskott. En åtgärdsplan är beslutad och följs upp med förvaltningen varje månad.`
				: `Enheten har hållit sin budget de senaste tre åren och prognosen för i år visar ett litet överskott.`
	],
	equality: [
		() => `Brukarundersökningen och våra egna nyckeltal redovisas uppdelade på kön. Vi har gått igenom vilka insatser kvinnor och män får och hur nöjda de är.`,
		() => `Analysen visade att män oftare än kvinnor avstod från gruppaktiviteter. Vi har därför breddat utbudet och frågar nu varje brukare om önskemål vid planeringen.`
	]
};

function facts(u: DemoAccountUnit): Facts {
	const base = 76 + (u.index * 7) % 12;
	return { ...u, satisfaction: [base, base + 2, base + 4 - (u.index % 3)], goals: 6 + (u.index % 4), sickLeave: 4 + (u.index % 5) };
}

/** The blocks of one unit's written account. */
export function demoAccountBlocks(u: DemoAccountUnit, criteria: CriterionDefinition[]): Block[] {
	const f = facts(u);
	const blocks: Block[] = [
		{ kind: 'title', text: `Skriftlig redovisning – Kvalitetsutmärkelsen ${u.year}` },
		{ kind: 'subtitle', text: u.name },
		{ kind: 'subtitle', text: `${u.organisation} · tävlingsklass: ${u.className}` },
		{ kind: 'subtitle', text: `Inlämnad ${formatDaySv(u.receivedDate)}` },
		{ kind: 'heading', text: 'Om enheten' },
		{
			kind: 'paragraph',
			text: `${u.name} är en del av ${u.organisation} och har ${u.staff} medarbetare inklusive chefen. Den här redovisningen beskriver hur vi arbetar systematiskt med kvalitet, utifrån stadens kvalitetsprogram, och vilka resultat arbetet har gett. Den följer bedömningsgrunderna i ordning och svarar på frågorna under var och en.`
		}
	];
	criteria.forEach((c, ci) => {
		blocks.push({ kind: 'heading', text: `${ci + 1}. ${c.titleSv}` });
		blocks.push({ kind: 'paragraph', text: c.guidance });
		c.questions.forEach((q, qi) => {
			blocks.push({ kind: 'question', text: q });
			const answer = ANSWERS[c.key]?.[qi];
			blocks.push({ kind: 'paragraph', text: answer ? answer(f) : '' });
		});
		// The unit's own voice sits in the middle of the bank: neither modest nor boastful.
		const strengths = STRENGTHS[c.key]?.[1] ?? [];
		const improvements = IMPROVEMENTS[c.key]?.[1] ?? [];
		if (strengths.length > 0) {
			blocks.push({ kind: 'question', text: 'Det här är vi särskilt nöjda med' });
			blocks.push({ kind: 'paragraph', text: strengths[(u.index + ci) % strengths.length] });
		}
		if (improvements.length > 0) {
			blocks.push({ kind: 'question', text: 'Det här vill vi bli bättre på' });
			blocks.push({ kind: 'paragraph', text: improvements[(u.index + ci) % improvements.length].replace(/^Det framgår inte/, 'Vi behöver tydligare visa') });
		}
	});
	blocks.push({ kind: 'heading', text: 'Avslutning' });
	blocks.push({
		kind: 'paragraph',
		text: `Vi ser fram emot examinatorernas återkoppling och platsbesöket. Frågor om redovisningen besvaras av ${u.managerName ?? 'enhetens chef'}.`
	});
	return blocks.filter((b) => b.kind === 'space' || b.text !== '');
}

/** One unit's written account as PDF bytes. */
export function demoAccountPdf(u: DemoAccountUnit, criteria: CriterionDefinition[]): Uint8Array {
	return writePdf(demoAccountBlocks(u, criteria), {
		title: `Skriftlig redovisning – ${u.name}`,
		author: u.managerName ?? u.name,
		subject: `Kvalitetsutmärkelsen ${u.year}`,
		date: u.receivedDate,
		footer: `${u.name} – skriftlig redovisning ${u.year}`
	});
}

/** Writes one unit's account to the document store (once: the same bytes are stored once). */
export function storeDemoAccount(u: DemoAccountUnit, criteria: CriterionDefinition[]): { sha256: string; size: number } {
	const stored = storePdfBytes(demoAccountPdf(u, criteria));
	if (!stored.ok) throw new Error(`demo account for ${u.name} refused: ${stored.reason}`);
	return { sha256: stored.sha256, size: stored.size };
}

/** The same account as the form holds it: the introduction, and per criterion key one answer per question. */
export function demoAccountAnswers(u: DemoAccountUnit, criteria: CriterionDefinition[]): { introduction: string; answers: Record<string, string[]> } {
	const f = facts(u);
	const answers: Record<string, string[]> = {};
	criteria.forEach((c, ci) => {
		const strengths = STRENGTHS[c.key] ?? [];
		answers[c.key] = c.questions.map((_, qi) => {
			const text = ANSWERS[c.key]?.[qi]?.(f) ?? '';
			// The last answer of a criterion closes with a list, as units often write them.
			if (qi !== c.questions.length - 1 || strengths.length < 2) return text;
			const items = [strengths[(u.index + ci) % strengths.length], strengths[(u.index + ci + 1) % strengths.length]];
			return `${text}\n\nDet här är vi särskilt nöjda med:\n${items.map((s) => `- ${s}`).join('\n')}`;
		});
	});
	return {
		introduction: `${u.name} är en del av ${u.organisation} och har ${u.staff} medarbetare inklusive chefen${u.managerName ? `, ${u.managerName}` : ''}.\n\nVårt uppdrag följer stadens budget och nämndens verksamhetsplan. Enheten är organiserad i arbetslag med var sin samordnare, och ledningsgruppen träffas varje vecka.`,
		answers
	};
}
