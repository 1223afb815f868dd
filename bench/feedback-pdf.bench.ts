/**
 * Feedback PDFs for a whole cycle: 500 reports with realistic length (summary in two paragraphs,
 * seven criteria with two to four strengths and improvements each, a team of three, a citation),
 * rendered one after another as the release of a large cycle would. Target: at most 60 s in all.
 * The reports carry the unit's own view beside the team's and last year's bands (a chart, two
 * tables and a line per criterion more); the same reports without them are timed first in the same
 * run, as the baseline.
 * Run with `npm run bench -- feedback-pdf` (or `npx tsx bench/feedback-pdf.bench.ts`).
 */
import { renderReportPdf } from '../src/lib/server/feedback/pdf';
import { buildReportContent, type ReportSource } from '../src/lib/domain/feedback';
import { DEFAULT_BAND_TEXTS, DEFAULT_CRITERIA } from '../src/lib/domain/default-model';
import { EXAMINER_NAMES, UNITS } from '../src/lib/server/demo/data';
import { IMPROVEMENTS, STRENGTHS } from '../src/lib/server/demo/comment-bank';
import { levelOf } from '../src/lib/server/demo/texts';

const REPORTS = 500;
const LIMIT_MS = 60_000;

function source(i: number, views: boolean): ReportSource {
	const pick = <T>(list: T[], k: number) => list.map((_, j) => list[(i + j * 7 + k) % list.length]).slice(0, 2 + ((i + k) % 3));
	const unit = UNITS[i % UNITS.length];
	return {
		cycle: { year: 2026, name: 'Kvalitetsutmärkelsen 2026', scoresInFeedback: i % 2 === 0, decisionsClosed: true },
		unit: { name: `${unit.name} ${i + 1}`, organisation: 'Hägersten-Älvsjö stadsdelsförvaltning' },
		awardClass: { sv: 'Äldreomsorg inklusive myndighetsutövning', en: 'Elderly care' },
		criteria: DEFAULT_CRITERIA.map((c) => ({ key: c.key, titleSv: c.titleSv, titleEn: c.titleEn, kind: c.kind, bandTexts: DEFAULT_BAND_TEXTS[c.kind] })),
		consensus: {
			summary: `${unit.name} visar ett växande, systematiskt kvalitetsarbete med tydlig koppling till nämndens mål. Brukarnas synpunkter tas tillvara och leder till förändringar.\n\nEnheten har goda förutsättningar att utveckla sin analys av resultaten och att jämföra sig med andra.`,
			scores: Object.fromEntries(
				DEFAULT_CRITERIA.map((c, k) => {
					const score = (i * 5 + k * 15) % 105;
					return [c.key, { score, strengths: pick(STRENGTHS[c.key][levelOf(score)], k), improvements: pick(IMPROVEMENTS[c.key][levelOf(score)], k + 1) }];
				})
			)
		},
		team: [0, 1, 2].map((k) => ({ name: EXAMINER_NAMES[(i + k) % EXAMINER_NAMES.length], lead: k === 0 })),
		decision: i % 25 === 0 ? { outcome: 'award', citation: `${unit.name} får Stockholms stads kvalitetsutmärkelse för ett långsiktigt, systematiskt kvalitetsarbete där brukarnas synpunkter driver förbättringarna.` } : null,
		classNoAward: null,
		self: views ? Object.fromEntries(DEFAULT_CRITERIA.map((c, k) => [c.key, { band: (i + k) % 6, reason: 'Arbetssättet används i hela enheten och vi utvärderar det varje termin.' }])) : null,
		previous: views ? { year: 2025, bands: Object.fromEntries(DEFAULT_CRITERIA.map((c, k) => [c.key, (i + 2 * k) % 6])) } : null
	};
}

// One warm-up: reading the font files and V8's first compilation belong to starting the server.
await renderReportPdf(buildReportContent(source(0, true)), { status: 'released', releasedAt: new Date() });

async function renderAll(views: boolean) {
	const contents = Array.from({ length: REPORTS }, (_, i) => buildReportContent(source(i, views)));
	const times: number[] = [];
	let bytes = 0;
	let pages = 0;
	const started = performance.now();
	const cpuStarted = process.cpuUsage();
	for (const content of contents) {
		const t = performance.now();
		const pdf = await renderReportPdf(content, { status: 'released', releasedAt: new Date() });
		times.push(performance.now() - t);
		bytes += pdf.length;
		pages += (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
	}
	const total = performance.now() - started;
	const cpu = process.cpuUsage(cpuStarted);
	times.sort((a, b) => a - b);
	return { total, cpu: (cpu.user + cpu.system) / 1e6, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times.at(-1)!, bytes, pages };
}

const baseline = await renderAll(false);
const run = await renderAll(true);
for (const [label, r] of [['utan egen bedömning (baslinje)', baseline], ['med egen bedömning och förra årets nivåer', run]] as const) {
	console.log(`${REPORTS} återkopplingsrapporter som PDF, ${label}: totalt ${(r.total / 1000).toFixed(1)} s (gräns ${LIMIT_MS / 1000} s)`);
	console.log(`  per rapport: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
	// CPU time shows the cost when other work shares the machine and stretches the wall clock.
	console.log(`  CPU-tid: ${r.cpu.toFixed(1)} s; ${(r.pages / REPORTS).toFixed(1)} sidor och ${Math.round(r.bytes / REPORTS / 1024)} kB per rapport i snitt`);
}
console.log(`kvot, median med/utan: ${(run.median / baseline.median).toFixed(2)}`);
if (run.total > LIMIT_MS) {
	console.error('För långsamt: över gränsen på 60 s.');
	process.exit(1);
}
