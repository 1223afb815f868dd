/**
 * What cleaning text at the edge (`cleanText`, src/lib/domain/clean-text.ts) costs on each path
 * where text enters, against the same path without it, measured in one run:
 *
 * - an autosave's body (the assessment document load-autosave.bench.ts sends): `request.json()`, as
 *   the endpoint read it before, against `readJson`;
 * - the assessment page's form posted without JavaScript: `request.formData()` against `readForm`;
 * - an import of 5,000 unit rows as CSV: decoding and splitting the file against `readRawRows`,
 *   which also cleans every cell.
 *
 * Run with `npx tsx bench/clean-text.bench.ts`.
 */
import { cleanText } from '../src/lib/domain/clean-text';
import { readForm, readJson } from '../src/lib/server/http/request';
import { parseCsv } from '../src/lib/server/imports/csv';
import { decodeText } from '../src/lib/server/imports/decode';
import { readRawRows } from '../src/lib/server/imports/read-table';

const RUNS = 15;
const WARM_UP = 3;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

async function timeOps(ops: number, run: () => unknown): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < ops; i++) await run();
	return ((performance.now() - started) * 1000) / ops;
}

/**
 * Microseconds per operation without and with cleaning: RUNS runs of `ops` operations each, the
 * two taking turns so that the machine's load (it is shared) weighs on both alike.
 */
async function compare(name: string, ops: number, without: () => unknown, withCleaning: () => unknown): Promise<void> {
	const a: number[] = [];
	const b: number[] = [];
	for (let r = 0; r < WARM_UP + RUNS; r++) {
		const x = await timeOps(ops, without);
		const y = await timeOps(ops, withCleaning);
		if (r >= WARM_UP) a.push(x), b.push(y);
	}
	const us = (v: number) => `${v.toFixed(1)} µs`.padStart(12);
	console.log(`${name.padEnd(24)} without ${us(median(a))}   with ${us(median(b))}   ratio of medians ${(median(b) / median(a)).toFixed(2)}`);
}

const FILLER = 'Enheten följer upp sina mål varje månad och diskuterar avvikelser på arbetsplatsträffarna.';
const criteria = Array.from({ length: 7 }, (_, i) => ({
	criterionId: 100 + i,
	score: 50,
	strengths: [`Styrka ${i + 1}: ${FILLER}`, 'Tydliga rutiner.'],
	improvements: [`Utvecklingsområde ${i + 1}: ${FILLER}`],
	notes: ''
}));
const body = JSON.stringify({ baseVersion: 3, doc: { notes: `Anteckning 1-3. ${FILLER}`, criteria } });
const jsonRequest = () => new Request('http://localhost/examiner/entries/1/save', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const form = new FormData();
form.set('version', '3');
form.set('notes', `Anteckning 1-3. ${FILLER}`);
for (const c of criteria) {
	form.set(`criteria.${c.criterionId}.score`, '50');
	for (const p of c.strengths) form.append(`criteria.${c.criterionId}.strengths`, p);
	for (const p of c.improvements) form.append(`criteria.${c.criterionId}.improvements`, p);
	form.set(`criteria.${c.criterionId}.notes`, '');
}
const formRequest = () => new Request('http://localhost/examiner/entries/1?/save', { method: 'POST', body: form });
const cookies = { get: () => undefined } as never;

const HEADER = 'Enhet;Förvaltning/bolag;Nämnd/styrelse;Chef;Antal medarbetare;Kontaktperson;Kontaktens e-post';
const rows = Array.from({ length: 5000 }, (_, i) => `Förskolan Ängen ${i};Farsta stadsdelsförvaltning;Farsta stadsdelsnämnd;Eva Berg;${i % 40};Sofia Öberg;sofia${i}@example.se`);
const csv = new TextEncoder().encode([HEADER, ...rows].join('\r\n'));

console.log(`clean-text: autosave body ${body.length} characters, form ${[...form].length} fields, CSV ${rows.length} rows (${csv.length} bytes)`);
await compare('autosave body', 3000, () => jsonRequest().json(), () => readJson(jsonRequest()));
await compare('assessment form', 1000, () => formRequest().formData(), () => readForm({ request: formRequest(), cookies }));
await compare('import, 5,000 CSV rows', 5, () => parseCsv(decodeText(csv).text), () => readRawRows(csv));

const long = FILLER.repeat(1000);
const dirty = `${long}\u0000\u202e\ud800`;
const cleanCost = median(await Promise.all([0, 1, 2].map(() => timeOps(300, () => cleanText(long)))));
const dirtyCost = median(await Promise.all([0, 1, 2].map(() => timeOps(300, () => cleanText(dirty)))));
console.log(`cleanText alone, ${long.length} characters: ${cleanCost.toFixed(1)} µs clean, ${dirtyCost.toFixed(1)} µs with three characters to clean`);
