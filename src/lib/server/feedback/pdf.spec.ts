import { afterEach, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { buildReportContent, type ReportContent, type ReportSource } from '../../domain/feedback';
import { pdfFileName, renderReportPdf } from './pdf';
import { feedbackYear } from '../test-support/feedback';
import { currentContent } from './reports';

const parsers: PDFParse[] = [];
afterEach(async () => {
	for (const p of parsers.splice(0)) await p.destroy();
});

async function parse(pdf: Buffer) {
	const parser = new PDFParse({ data: new Uint8Array(pdf) });
	parsers.push(parser);
	const text = await parser.getText();
	const info = await parser.getInfo();
	// pdf.js puts a line break where the text wraps; the test compares words, not layout.
	return { text: text.text.replace(/\s+/g, ' '), pages: text.total, info };
}

function content(over: Partial<ReportSource> = {}): ReportContent {
	const source: ReportSource = {
		cycle: { year: 2026, name: 'Kvalitetsutmärkelsen 2026', scoresInFeedback: true, decisionsClosed: true },
		unit: { name: 'Förskolan Ekorren', organisation: 'Farsta stadsdelsförvaltning' },
		awardClass: { sv: 'Förskola', en: 'Preschool' },
		criteria: [
			{ key: 'dialog', titleSv: 'Stockholmarnas synpunkter och dialog', titleEn: 'Dialogue', kind: 'approach', bandTexts: [] },
			{ key: 'results', titleSv: 'Resultat och måluppfyllelse', titleEn: 'Results', kind: 'results', bandTexts: [] }
		],
		consensus: {
			summary: 'Ett växande, systematiskt kvalitetsarbete.\n\nBarnens röster hörs i vardagen.',
			scores: {
				dialog: { score: 65, strengths: ['Barnråd varje vecka där förslagen följs upp', 'Föräldrarnas synpunkter återkopplas på väggen i hallen'], improvements: ['Mät hur nöjda vårdnadshavarna är över tid'] },
				results: { score: 40, strengths: ['Låg sjukfrånvaro – Łukasz och Şebnem leder hälsoarbetet'], improvements: [] }
			}
		},
		team: [
			{ name: 'Anna Lindqvist', lead: true },
			{ name: 'Örjan Åkesson', lead: false }
		],
		decision: { outcome: 'mention', citation: 'Förskolan Ekorren får ett hedersomnämnande för ett engagerat förbättringsarbete där barnens röster väger tungt.' },
		classNoAward: null,
		self: null,
		previous: null,
		...over
	};
	return buildReportContent(source);
}

describe('the report as PDF', () => {
	it('holds the strengths, the citation and the Swedish characters as text', async () => {
		const c = content();
		const { text, info } = await parse(await renderReportPdf(c, { status: 'released', releasedAt: new Date('2026-12-01T10:00:00Z') }));
		for (const s of c.criteria.flatMap((x) => [...x.strengths, ...x.improvements])) expect(text).toContain(s);
		expect(text).toContain(c.jury.citation);
		expect(text).toContain('Enheten får ett hedersomnämnande.');
		expect(text).toContain('Återkopplingsrapport för Förskolan Ekorren');
		expect(text).toMatch(/[å].*[ä].*[ö]/);
		expect(text).toContain('Örjan Åkesson');
		expect(text).toContain('Nivå 4 av 6 (50–65 poäng)');
		// The scale is explained once, before the areas.
		expect(text.match(/Så läses nivåerna/g)).toHaveLength(1);
		expect(text).toContain('Nivå 1 av 6 (0–5 poäng), Nivå 2 av 6 (10–25 poäng)');
		expect(text).toContain('(65 poäng av 100)');
		expect(text).toContain('Sida 1 av');
		expect(text).toContain('1 december 2026');
		expect(info.info.Title).toBe('Återkopplingsrapport för Förskolan Ekorren');
	});

	it('is tagged, with the language and the title shown, and says when it is a draft', async () => {
		const pdf = await renderReportPdf(content(), { status: 'draft', releasedAt: null });
		const raw = pdf.toString('latin1');
		expect(raw).toMatch(/\/StructTreeRoot/);
		expect(raw).toMatch(/\/MarkInfo/);
		expect(raw).toMatch(/\/Lang \(sv-SE\)/);
		expect(raw).toMatch(/\/DisplayDocTitle true/);
		expect(raw).toMatch(/pdfuaid:part/);
		const { text } = await parse(pdf);
		expect(text).toContain('Utkast: rapporten är inte godkänd');
	});

	it('numbers every page of a long report', async () => {
		const c = content();
		c.criteria = Array.from({ length: 8 }, (_, i) => ({ ...c.criteria[0], key: `k${i}`, strengths: Array.from({ length: 8 }, (_, j) => `Styrka ${i}.${j}: ${'ett långt resonemang om arbetssätten '.repeat(4)}`) }));
		const { text, pages } = await parse(await renderReportPdf(c, { status: 'released', releasedAt: null }));
		expect(pages).toBeGreaterThan(2);
		for (let p = 1; p <= pages; p++) expect(text).toContain(`Sida ${p} av ${pages}`);
	});

	it('prints a demo report built from the database', async () => {
		const year = feedbackYear();
		const report = year.reportOf(year.entryOf('Enheten för hemlösa').id);
		const c = currentContent(report);
		const { text } = await parse(await renderReportPdf(c, { status: report.status, releasedAt: null }));
		expect(text).toContain(c.criteria[0].strengths[0]);
		expect(pdfFileName(c)).toBe('aterkoppling-2026-enheten-for-hemlosa.pdf');
	});

	it('sets the unit’s own view beside the team’s, with the chart as a figure, its table and the gap in words', async () => {
		const c = content({ self: { dialog: { band: 5, reason: 'Vi frågar barnen varje dag.' } } });
		const pdf = await renderReportPdf(c, { status: 'released', releasedAt: null });
		const { text } = await parse(pdf);
		expect(text).toContain('Er egen bedömning bredvid examinatorernas');
		expect(text).toContain('Ni bedömde er två nivåer högre än examinatorerna.');
		expect(text).toContain('Vi frågar barnen varje dag.');
		expect(text).toContain('Störst var skillnaden i Stockholmarnas synpunkter och dialog (två nivåer högre).');
		expect(text).toContain('Ni gjorde ingen egen bedömning av området.');
		const raw = pdf.toString('latin1');
		expect(raw).toMatch(/\/S \/Figure/);
		expect(raw).toMatch(/\/S \/Table/);
		expect(raw).toMatch(/\/Alt \(/);
	});

	it('shows a returning unit its bands then and now', async () => {
		const c = content({ previous: { year: 2025, bands: { dialog: 2, results: 3 } } });
		const { text } = await parse(await renderReportPdf(c, { status: 'released', releasedAt: null }));
		expect(text).toContain('Förändring sedan 2025');
		expect(text).toContain('En nivå högre än 2025.');
		expect(text).toContain('En nivå lägre än 2025.');
	});

	it('reads exactly as before for a unit that made no self-assessment and has no earlier entry', async () => {
		const c = content();
		// A report stored before these parts existed has none of their fields.
		const older = { ...c, criteria: c.criteria.map(({ self: _self, previousBand: _previous, ...rest }) => rest) } as ReportContent;
		delete older.previousYear;
		const meta = { status: 'released' as const, releasedAt: new Date('2026-12-01T10:00:00Z') };
		const [now, before] = await Promise.all([parse(await renderReportPdf(c, meta)), parse(await renderReportPdf(older, meta))]);
		expect(now.text).toBe(before.text);
		expect(now.text).not.toContain('Er egen bedömning');
		expect(now.text).not.toContain('Förändring sedan');
	});
});
