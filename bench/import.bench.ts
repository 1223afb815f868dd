/**
 * Importing a large workbook while someone else uses the app, over loopback against the built server
 * (`node $BENCH_BUILD_DIR`, default build/, built first if build/ is missing):
 *
 * 1. writes two workbooks of units with the template's main columns, every row valid:
 *    60,000 rows (over the 5,000-row limit, about 2.5 MB) and exactly 5,000 rows;
 * 2. for each file and run, starts a fresh server on a copy of a demo database (registration phase),
 *    signs in the admin and an examiner, warms the import up with a ten-row file, and measures the
 *    examiner's home page on the idle server for BENCH_IDLE_SECONDS (2);
 * 3. posts the file to the import preview as the page does with JavaScript on; the 5,000-row file,
 *    which is valid, is then committed. Meanwhile the examiner asks for their home page again and
 *    again (one request at a time, 10 ms apart) and the server's RSS is read every 10 ms.
 *
 * Reported per step: the time until the answer and what it was, the RSS growth at its peak and once
 * the answer is in, the concurrent request's latency (median, max) beside the same on the idle
 * server, and the server's CPU time (the examiner's requests included). Medians over BENCH_RUNS (3)
 * runs, each on a fresh server.
 *
 * BENCH_BASELINE_DIR runs every step on that build as well, in the same run, and prints the ratios
 * this / baseline: e.g. the app at an older commit, built in a git worktree whose node_modules is a
 * hard-linked copy of this one's. The servers get BODY_SIZE_LIMIT=30M, as in the demo.
 *
 * Targets (this build): the 60,000-row file refused within 1 s; the concurrent request never held
 * up more than 250 ms; RSS growing by less than 100 MB. Exits non-zero when one is missed.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { hashPassword } from '../src/lib/server/auth/password';
import { openDatabase } from '../src/lib/server/db/open';
import { seedDemo } from '../src/lib/server/demo/seed';
import { UNIT_COLUMNS } from '../src/lib/server/imports/units';
import { HOST, ensureBuilt, freePort, median, processCpuMs, signIn, startServer, stopServer, waitFor } from './server';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 2);
const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
const PASSWORD = 'import-2026';
const ADMIN = 'admin@demo.test';
const EXAMINER = 'examinator1@demo.test';
const PROBE_PATH = '/examiner';
const PROBE_GAP_MS = 10;
const TARGET = { refuseMs: 1000, probeMaxMs: 250, rssGrowthMb: 100 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => kb / 1024;

/** The template's columns the generated files fill: enough for eligibility, about 2.5 MB at 60,000 rows. */
const COLUMNS: (keyof typeof UNIT_COLUMNS)[] = ['name', 'organisation', 'board', 'managerBudget', 'managerStaff', 'businessPlan', 'staffCount', 'privatelyRun'];

/** A workbook of `rows` valid units, written as a stream the way a large export is. */
async function unitsWorkbook(rows: number, prefix: string): Promise<Uint8Array> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
	const ws = wb.addWorksheet('Enheter');
	ws.addRow(COLUMNS.map((key) => UNIT_COLUMNS[key].header)).commit();
	for (let i = 1; i <= rows; i++) {
		ws.addRow([`${prefix} ${i}`, 'Farsta stadsdelsförvaltning', 'Farsta stadsdelsnämnd', 'ja', 'ja', 'ja', 5 + (i % 120), i % 3 === 0 ? 'ja' : 'nej']).commit();
	}
	ws.commit();
	await wb.commit();
	return new Uint8Array(Buffer.concat(chunks));
}

function rssKb(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m);
	return line ? Number(line[1]) : NaN;
}

interface Session {
	origin: string;
	admin: string;
	examiner: string;
}

/**
 * The examiner's page, timed until its answer is in. A server that held its event loop past the
 * keep-alive timeout closes the idle connection the next request was already sent on; a browser
 * sends such a request again, and so does this, counting the reset and the time it cost.
 */
async function probe(session: Session, resets: { count: number }): Promise<number> {
	const t0 = performance.now();
	for (let attempt = 1; ; attempt++) {
		try {
			const res = await fetch(`${session.origin}${PROBE_PATH}`, { headers: { cookie: session.examiner } });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`${PROBE_PATH} answered ${res.status}`);
			return performance.now() - t0;
		} catch (error) {
			if (attempt === 3 || !String((error as Error).cause ?? error).includes('ECONNRESET')) throw error;
			resets.count++;
		}
	}
}

/** Posts a form action as `use:enhance` does and returns its JSON answer. */
async function action(session: Session, name: string, form: FormData): Promise<{ type: string; status: number; data?: string }> {
	const res = await fetch(`${session.origin}/admin/import?/${name}`, {
		method: 'POST',
		headers: { cookie: session.admin, origin: session.origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: form
	});
	return (await res.json()) as { type: string; status: number; data?: string };
}

function previewForm(bytes: Uint8Array, name: string): FormData {
	const form = new FormData();
	form.set('kind', 'units');
	form.set('file', new Blob([bytes]), name);
	return form;
}

function commitForm(bytes: Uint8Array, name: string): FormData {
	const form = new FormData();
	form.set('kind', 'units');
	form.set('sha256', createHash('sha256').update(bytes).digest('hex'));
	form.set('fileName', name);
	return form;
}

interface Step {
	answerMs: number;
	outcome: string;
	rssPeakMb: number;
	rssAfterMb: number;
	probeMedianMs: number;
	probeMaxMs: number;
	probes: number;
	/** Connections the server reset under the examiner's request (each sent again). */
	resets: number;
	cpuMs: number;
}

/** One request measured while the examiner keeps asking for a page and the server's RSS is sampled. */
async function measure(pid: number, session: Session, send: () => Promise<{ type: string; status: number; data?: string }>): Promise<Step> {
	const rss0 = rssKb(pid);
	let peak = rss0;
	const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 10);
	let done = false;
	const latencies: number[] = [];
	const resets = { count: 0 };
	const prober = (async () => {
		while (!done) {
			latencies.push(await probe(session, resets));
			await sleep(PROBE_GAP_MS);
		}
	})();
	const cpu0 = processCpuMs(pid);
	const t0 = performance.now();
	const answer = await send();
	const answerMs = performance.now() - t0;
	const cpuMs = processCpuMs(pid) - cpu0;
	done = true;
	await prober;
	clearInterval(sampler);
	peak = Math.max(peak, rssKb(pid));
	const codes = [...new Set((answer.data ?? '').match(/tooManyRows|notWorkbook|damagedWorkbook|workbookTooLarge|unreadable|staleUpload/g) ?? [])];
	return {
		answerMs,
		outcome: `${answer.type} ${answer.status}${codes.length ? ` (${codes.join(', ')})` : ''}`,
		rssPeakMb: mb(peak - rss0),
		rssAfterMb: mb(rssKb(pid) - rss0),
		probeMedianMs: median(latencies),
		probeMaxMs: Math.max(...latencies),
		probes: latencies.length,
		resets: resets.count,
		cpuMs
	};
}

interface Scenario {
	name: string;
	file: Uint8Array;
	fileName: string;
	commit: boolean;
}

interface StepResult extends Step {
	/** The same request on the idle server just before: median and max. */
	idleMs: number;
	idleMaxMs: number;
}

/** One run of one scenario on a fresh server: the preview, and the commit when asked for. */
async function runScenario(buildDir: string, template: string, dir: string, scenario: Scenario, warmup: Uint8Array): Promise<Record<string, StepResult>> {
	const databasePath = join(dir, `run-${Date.now()}.db`);
	copyFileSync(template, databasePath);
	const port = await freePort();
	const origin = `http://${HOST}:${port}`;
	const server = startServer({ buildDir, port, databasePath, dataDir: join(dir, `data-${port}`) });
	try {
		await waitFor(`${origin}/login`);
		const session: Session = { origin, admin: await signIn(origin, ADMIN, PASSWORD), examiner: await signIn(origin, EXAMINER, PASSWORD) };
		const pid = server.pid!;
		const warm = await action(session, 'preview', previewForm(warmup, 'uppvarmning.xlsx'));
		if (warm.type !== 'success') throw new Error(`the warm-up file was refused: ${JSON.stringify(warm).slice(0, 300)}`);
		const idle: number[] = [];
		const idleResets = { count: 0 };
		for (const end = performance.now() + IDLE_SECONDS * 1000; performance.now() < end; await sleep(PROBE_GAP_MS)) idle.push(await probe(session, idleResets));
		const quiet = { idleMs: median(idle), idleMaxMs: Math.max(...idle) };
		const steps: Record<string, StepResult> = {};
		steps[`${scenario.name}: preview`] = { ...quiet, ...(await measure(pid, session, () => action(session, 'preview', previewForm(scenario.file, scenario.fileName)))) };
		if (scenario.commit) {
			steps[`${scenario.name}: commit`] = { ...quiet, ...(await measure(pid, session, () => action(session, 'commit', commitForm(scenario.file, scenario.fileName)))) };
		}
		return steps;
	} finally {
		await stopServer(server);
	}
}

type Summary = Record<string, StepResult>;

/** The median of each figure over the runs; the outcome of the first run (they agree, or it says so). */
function summarise(runs: Summary[]): Summary {
	const out: Summary = {};
	for (const step of Object.keys(runs[0])) {
		const all = runs.map((r) => r[step]);
		const outcomes = [...new Set(all.map((s) => s.outcome))];
		const m = (key: keyof StepResult) => median(all.map((s) => s[key] as number));
		out[step] = {
			answerMs: m('answerMs'),
			outcome: outcomes.join(' / '),
			rssPeakMb: m('rssPeakMb'),
			rssAfterMb: m('rssAfterMb'),
			probeMedianMs: m('probeMedianMs'),
			probeMaxMs: m('probeMaxMs'),
			probes: m('probes'),
			resets: m('resets'),
			cpuMs: m('cpuMs'),
			idleMs: m('idleMs'),
			idleMaxMs: m('idleMaxMs')
		};
	}
	return out;
}

function print(label: string, summary: Summary) {
	console.log(`\n${label}`);
	for (const [step, s] of Object.entries(summary)) {
		console.log(
			`  ${step.padEnd(26)} answer ${s.answerMs.toFixed(0).padStart(6)} ms (${s.outcome}); ` +
				`RSS +${s.rssPeakMb.toFixed(0)} MB at peak, +${s.rssAfterMb.toFixed(0)} MB after; ` +
				`other request ${s.probeMedianMs.toFixed(1)} ms median, ${s.probeMaxMs.toFixed(0)} ms max over ${s.probes.toFixed(0)}${s.resets ? `, ${s.resets.toFixed(0)} reset` : ''} (idle ${s.idleMs.toFixed(1)} ms, max ${s.idleMaxMs.toFixed(0)}); ` +
				`server CPU ${s.cpuMs.toFixed(0)} ms`
		);
	}
}

async function main() {
	ensureBuilt(BUILD_DIR);
	if (BASELINE_DIR) ensureBuilt(BASELINE_DIR);
	process.env.BODY_SIZE_LIMIT ??= '30M';
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-import-'));
	try {
		const template = join(dir, 'template.db');
		const db = openDatabase(template);
		seedDemo(db, { phase: 'registration', passwordHash: await hashPassword(PASSWORD) });
		db.$client.close();

		const started = performance.now();
		const scenarios: Scenario[] = [
			{ name: '60,000 rows', file: await unitsWorkbook(60_000, 'Stora förskolan'), fileName: 'enheter-60000.xlsx', commit: false },
			{ name: '5,000 rows', file: await unitsWorkbook(5_000, 'Förskolan Åkerö'), fileName: 'enheter-5000.xlsx', commit: true }
		];
		const warmup = await unitsWorkbook(10, 'Uppvärmning');
		console.log(
			`import: ${scenarios.map((s) => `${s.name} = ${(s.file.length / 1024 / 1024).toFixed(2)} MB`).join(', ')} ` +
				`(written in ${((performance.now() - started) / 1000).toFixed(1)} s); ${RUNS} runs each on a fresh server; ` +
				`node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`
		);

		const builds = [...(BASELINE_DIR ? [{ label: `baseline (${BASELINE_DIR})`, dir: BASELINE_DIR }] : []), { label: `this build (${BUILD_DIR})`, dir: BUILD_DIR }];
		const results: Summary[] = [];
		for (const build of builds) {
			const runs: Summary[] = [];
			// Runs alternate between the scenarios, so a passing load on the machine falls on both.
			for (let run = 0; run < RUNS; run++) {
				const summary: Summary = {};
				for (const scenario of scenarios) Object.assign(summary, await runScenario(build.dir, template, dir, scenario, warmup));
				runs.push(summary);
			}
			results.push(summarise(runs));
			print(build.label, results.at(-1)!);
		}

		const mine = results.at(-1)!;
		if (BASELINE_DIR) {
			const base = results[0];
			console.log('\nratios, this build / baseline (medians):');
			for (const step of Object.keys(mine)) {
				const r = (key: keyof Step) => ((mine[step][key] as number) / (base[step][key] as number)).toFixed(3);
				// A growth of a few MB is the allocator's noise; a ratio of two of them says nothing.
				const rss = base[step].rssPeakMb >= 5 ? `×${r('rssPeakMb')}` : `+${base[step].rssPeakMb.toFixed(0)} → +${mine[step].rssPeakMb.toFixed(0)} MB`;
				console.log(
					`  ${step.padEnd(26)} answer ×${r('answerMs')}; RSS peak growth ${rss}; other request median ×${r('probeMedianMs')}, max ×${r('probeMaxMs')}; server CPU ×${r('cpuMs')}`
				);
			}
		}

		const refuse = mine['60,000 rows: preview'];
		const worstProbe = Math.max(...Object.values(mine).map((s) => s.probeMaxMs));
		const idleWorst = Math.max(...Object.values(mine).map((s) => s.idleMaxMs));
		const worstRss = Math.max(...Object.values(mine).map((s) => s.rssPeakMb));
		const met = refuse.outcome.includes('tooManyRows') && refuse.answerMs <= TARGET.refuseMs && worstProbe <= TARGET.probeMaxMs && worstRss <= TARGET.rssGrowthMb;
		console.log(
			`\nresult: 60,000 rows refused in ${refuse.answerMs.toFixed(0)} ms (target ≤ ${TARGET.refuseMs}); other request at most ${worstProbe.toFixed(0)} ms ` +
				`(target ≤ ${TARGET.probeMaxMs}; ${idleWorst.toFixed(0)} ms at most on the idle server); RSS growth at most ${worstRss.toFixed(0)} MB (target ≤ ${TARGET.rssGrowthMb}): targets ${met ? 'met' : 'NOT met'}`
		);
		if (!met) process.exitCode = 1;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
