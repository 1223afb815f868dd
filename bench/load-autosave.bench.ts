/**
 * Autosave under load (docs/assessing.md#4-saving-versions-and-conflicts), over loopback against
 * the built server (`node server.js`, as `npm start` runs it), first of examiners alone, then of
 * examiners and unit contacts together, who write their accounts through the same endpoint code
 * (docs/unit-side.md#4-the-written-account-as-a-form):
 *
 * 1. seeds a fresh database with BENCH_CLIENTS (200) examiners, each with a draft to edit, and
 *    BENCH_CONTACTS (100) unit contacts of the next year's cycle, in registration, each writing
 *    their unit's account;
 * 2. signs everyone in over HTTP (one keep-alive connection and one session each);
 * 3. warms up for BENCH_WARMUP_SECONDS (5) at BENCH_RATE: a server that has just started compiles
 *    its hot paths and writes every criterion of each draft on its first save, which a server that
 *    has run for a while has long done; the warm-up's figures are printed too, but not judged;
 * 4. for BENCH_SECONDS (30) every client autosaves in a loop, paced so that all together offer
 *    BENCH_RATE (1,000, the target) saves/s, each save on top of the version the last one
 *    returned; reports saves/s and p50/p99 latency at that rate;
 * 5. for BENCH_SECONDS again offers BENCH_SATURATION_RATE (2,000), more than the server can take:
 *    the clients then wait for it (a bounded, closed loop), so saves/s is the server's capacity and
 *    the latency includes the queue;
 * 6. does 3 to 5 again with the examiners and the contacts together, the same rate offered in all,
 *    each client its share: the mixed load, beside the examiners' alone as the baseline;
 * 7. compares every acknowledged save so far, assessments and accounts, with the database;
 * 8. runs the mixed load again for BENCH_KILL_SECONDS (10) at BENCH_RATE, kills the server with
 *    SIGKILL half-way, restarts it on the same file, and checks that every save acknowledged before
 *    the kill is in the database.
 *
 * The target is met, for each load, when the capacity is at least 1,000 saves/s and the p99
 * latency at 1,000 offered saves/s is at most 50 ms; nothing acknowledged may be lost in any phase. (One run at
 * 1,200 offered saves/s, as this bench did before, measures a server at or past its capacity: its
 * latency is then mostly the clients' queue, and with a cold start included it says more about
 * the first seconds than about the thirty. BENCH_WARMUP_SECONDS=0 still shows a cold server.)
 *
 * Each save is the whole document, as the page sends it: for an assessment with one criterion and
 * the notes changed, for an account with one answer and the introduction changed.
 * The server's CPU per save is printed for each phase, since the machine is shared and wall-clock
 * figures move with its load. BENCH_NODE_ARGS passes flags to the server (e.g. "--cpu-prof
 * --cpu-prof-dir=/tmp/prof"; `bench/cpu-profile.ts` sums the profile by step of a save), and
 * BENCH_BUILD serves another build, e.g. of the code before a change, to measure it the same way.
 *
 * The server is started as `npm start` starts it (`server.js`), where the saves are answered
 * directly on Node's request (src/lib/server/scoring/direct-autosave.ts); BENCH_SERVER=kit starts
 * `node build` instead, SvelteKit alone, where every save goes through SvelteKit's conversion of
 * request and answer, to measure what the direct answer saves. After the loads, the floor: the
 * server's CPU for a save refused before any read (no session cookie, 401), which SvelteKit answers
 * on either server: what Node's HTTP server, SvelteKit and the hooks cost a request before any work.
 *
 * Where a save's time goes under SvelteKit alone, by such a profile (shares of the server thread's
 * busy time over both loads): Node's HTTP server and its socket writes about a quarter, SvelteKit's
 * handling of the request (routing, cookies, each hook's wrapping, the request store) and undici's
 * Request, Response and streams nearly as much, garbage collection a twelfth; the save's own work
 * the rest: the write in its one transaction about a sixth, the rights' one read (`readEntry`) a
 * twelfth, the session, the body's reading and cleaning, zod and the JSON answer about a twentieth
 * each. The save's own statements are prepared, its reads and write share one IMMEDIATE
 * transaction, and an unchanged row is not written again; what remains of it is mostly SQLite
 * writing the revision and the changed rows to the WAL. The floor is then about half of a whole
 * save, and at 1,000 saves/s on 2 cores, with this
 * bench's client on the same machine, the server's one thread is busy all the time and the p99 is
 * its queue; answered directly, a save costs about the save's own work and Node's HTTP server.
 *
 * Builds nothing unless `build/` is missing. Everything listens on 127.0.0.1 and stops at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../src/lib/server/auth/password';
import { seedAutosaveBench, type BenchSeed } from './autosave-seed';
import { HOST, ensureBuilt, freePort, processCpuMs, serverArgs } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const KILL_SECONDS = Number(process.env.BENCH_KILL_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SATURATION_RATE = Number(process.env.BENCH_SATURATION_RATE ?? 2000);
const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS ?? 5000);
const PASSWORD = 'belastning-2026';
/** The build to serve: BENCH_BUILD names another folder, e.g. a build of the code before a change, to measure it the same way. */
const BUILD = process.env.BENCH_BUILD ?? 'build';

/** An acknowledged save: its version and the mark it carried (an assessment's notes, an account's introduction). */
interface Ack {
	version: number;
	mark: string;
}

type Kind = 'assessment' | 'account';

interface Client {
	index: number;
	kind: Kind;
	email: string;
	/** The entry whose assessment or account the client writes. */
	entryId: number;
	/** The assessment's id; the account's row is found by its entry. */
	assessmentId: number | null;
	agent: http.Agent;
	cookie: string;
	version: number;
	seq: number;
	acks: Ack[];
}

interface Run {
	saves: number;
	conflicts: number;
	recovered: number;
	errors: number;
	/** Failed attempts by what failed them: an HTTP status or the client's error. */
	failures: Map<string, number>;
	latencies: Record<Kind, number[]>;
	elapsedMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function request(
	port: number,
	agent: http.Agent,
	method: string,
	path: string,
	headers: Record<string, string>,
	body?: string
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: HOST, port, method, path, agent, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
		if (body !== undefined) req.end(body);
		else req.end();
	});
}

function startServer(port: number, databasePath: string): ChildProcess {
	// BENCH_NODE_ARGS, e.g. "--cpu-prof", to look inside the server while it is under load.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	return spawn(process.execPath, [...nodeArgs, ...serverArgs(BUILD)], {
		env: { ...process.env, PORT: String(port), HOST, ORIGIN: `http://${HOST}:${port}`, DATABASE_PATH: databasePath, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

async function waitReady(port: number): Promise<void> {
	const agent = new http.Agent();
	for (let i = 0; i < 300; i++) {
		try {
			if ((await request(port, agent, 'GET', '/login', {})).status === 200) return;
		} catch {
			/* not yet */
		}
		await sleep(100);
	}
	throw new Error('the server did not start');
}

function stopServer(server: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null || server.signalCode !== null) return resolve();
		server.once('exit', () => resolve());
		server.kill(signal);
	});
}

type Person = Pick<Client, 'kind' | 'email' | 'entryId' | 'assessmentId'>;

async function signIn(port: number, person: Person, index: number): Promise<Client> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const body = new URLSearchParams({ email: person.email, password: PASSWORD }).toString();
	const res = await request(port, agent, 'POST', '/login', {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin: `http://${HOST}:${port}`,
		'content-length': String(Buffer.byteLength(body))
	}, body);
	const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('session='));
	if (res.status !== 303 || !cookie) throw new Error(`sign-in failed for ${person.email}: ${res.status} ${res.body.slice(0, 200)}`);
	// An assessment starts as a draft at version 1; an account is made by its first save.
	return { index, ...person, agent, cookie, version: person.kind === 'assessment' ? 1 : 0, seq: 0, acks: [] };
}

const FILLER = 'Enheten följer upp sina mål varje månad och diskuterar avvikelser på arbetsplatsträffarna.';

/**
 * The whole document a client saves, as the page sends it. An assessment: every criterion with its
 * points, the text typed since the last save in one criterion (the one being worked on, in turn)
 * and in the notes, which carry this save's mark. An account: the introduction, which carries the
 * mark, and every answer of every criterion, a few sentences each, one of them growing.
 */
function documentFor(client: Client, seed: BenchSeed): { mark: string; json: string } {
	const n = client.seq;
	if (client.kind === 'account') {
		const answers = seed.accountShape.flatMap((c) => Array.from({ length: c.questions }, (_, q) => ({ criterionId: c.criterionId, q })));
		const active = n % answers.length;
		const mark = `Om enheten ${client.index}-${n}. ${FILLER}`;
		const doc = {
			introduction: mark,
			criteria: seed.accountShape.map((c) => ({
				criterionId: c.criterionId,
				answers: Array.from({ length: c.questions }, (_, q) => {
					const here = answers[active].criterionId === c.criterionId && answers[active].q === q;
					return `${FILLER} ${FILLER}\n\n- ${FILLER}${here ? ` Tillägg ${n}.` : ''}`;
				})
			}))
		};
		return { mark, json: JSON.stringify(doc) };
	}
	const active = n % seed.criterionIds.length;
	const mark = `Anteckning ${client.index}-${n}. ${FILLER}`;
	const doc = {
		notes: mark,
		criteria: seed.criterionIds.map((criterionId, i) => ({
			criterionId,
			score: i === active ? (n % 21) * 5 : 50,
			strengths: [`Styrka ${i + 1}: ${FILLER}`, i === active ? `Tydliga rutiner, version ${n}.` : 'Tydliga rutiner.'],
			improvements: [`Utvecklingsområde ${i + 1}: ${FILLER}`],
			notes: ''
		}))
	};
	return { mark, json: JSON.stringify(doc) };
}

const savePath = (c: Client) => (c.kind === 'assessment' ? `/examiner/entries/${c.entryId}/save` : `/unit/entries/${c.entryId}/account/save`);
const markOf = (c: Client, doc: { notes?: string; introduction?: string }) => (c.kind === 'assessment' ? doc.notes : doc.introduction);

async function loadRun(
	port: () => number,
	clients: Client[],
	seed: BenchSeed,
	rate: number,
	ms: number,
	onTick?: (elapsed: number) => Promise<void>
): Promise<Run> {
	const run: Run = { saves: 0, conflicts: 0, recovered: 0, errors: 0, failures: new Map(), latencies: { assessment: [], account: [] }, elapsedMs: 0 };
	const failed = (why: string) => {
		run.errors++;
		run.failures.set(why, (run.failures.get(why) ?? 0) + 1);
	};
	const interval = (clients.length / rate) * 1000;
	const started = performance.now();
	const end = started + ms;

	async function client(c: Client) {
		let next = started + Math.random() * interval;
		// No save is due after the end: waiting for one would only stretch the run's elapsed time.
		while (next < end) {
			const wait = next - performance.now();
			if (wait > 0) await sleep(wait);
			if (performance.now() >= end) return;
			c.seq += 1;
			const { mark, json } = documentFor(c, seed);
			// Retry the same document until it is acknowledged or the run ends, as the page does.
			while (performance.now() < end) {
				const body = `{"baseVersion":${c.version},"doc":${json}}`;
				const t0 = performance.now();
				try {
					const res = await request(port(), c.agent, 'POST', savePath(c), {
						'content-type': 'application/json',
						accept: 'application/json',
						cookie: c.cookie,
						'content-length': String(Buffer.byteLength(body))
					}, body);
					run.latencies[c.kind].push(performance.now() - t0);
					if (res.status === 200) {
						c.version = JSON.parse(res.body).version;
						c.acks.push({ version: c.version, mark });
						run.saves++;
						break;
					}
					if (res.status === 409) {
						// A save whose answer was lost (the server died after committing it) comes back
						// as a conflict with our own text: the page takes that as saved, and so do we.
						const current = JSON.parse(res.body).current;
						c.version = current.version;
						if (markOf(c, current.doc) === mark) {
							c.acks.push({ version: c.version, mark });
							run.recovered++;
							break;
						}
						run.conflicts++;
						continue;
					}
					failed(`${c.kind} ${res.status}`);
				} catch (e) {
					failed(`${c.kind} ${(e as Error).message}`);
				}
				await sleep(50);
			}
			next = Math.max(next + interval, performance.now());
		}
	}

	let ticking = true;
	const ticker = onTick
		? (async () => {
				while (ticking) {
					await onTick(performance.now() - started);
					await sleep(20);
				}
			})()
		: Promise.resolve();
	await Promise.all(clients.map(client));
	ticking = false;
	await ticker;
	run.elapsedMs = performance.now() - started;
	return run;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(name: string, run: Run) {
	const sorted = [...run.latencies.assessment, ...run.latencies.account].sort((a, b) => a - b);
	const rate = run.saves / (run.elapsedMs / 1000);
	const byKind = (['assessment', 'account'] as const)
		.filter((k) => run.latencies[k].length > 0)
		.map((k) => {
			const own = [...run.latencies[k]].sort((a, b) => a - b);
			return `${k} p50 ${percentile(own, 50).toFixed(1)} / p99 ${percentile(own, 99).toFixed(1)} ms`;
		});
	console.log(
		`${name}: ${run.saves} saves in ${(run.elapsedMs / 1000).toFixed(1)} s = ${rate.toFixed(0)} saves/s; ` +
			`latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms (${byKind.join(', ')}); ` +
			`${run.errors} failed attempts${run.errors ? ` (${[...run.failures].map(([why, n]) => `${why}: ${n}`).join(', ')})` : ''}, ${run.conflicts} conflicts, ${run.recovered} recovered after a lost answer`
	);
	return { rate, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Every acknowledged save must be in the database: its version kept as a revision with its text. */
function verify(databasePath: string, clients: Client[], upTo?: Map<Client, number>): { checked: number; lost: number } {
	const db = new Database(databasePath, { readonly: true });
	const revision = {
		assessment: db.prepare<[number, number], { snapshot: string }>('SELECT snapshot FROM assessment_revision WHERE assessment_id = ? AND version = ?'),
		account: db.prepare<[number, number], { snapshot: string }>(
			'SELECT snapshot FROM account_revision WHERE account_id = (SELECT id FROM account WHERE entry_id = ?) AND version = ?'
		)
	};
	const current = {
		assessment: db.prepare<[number], { version: number; mark: string }>('SELECT version, notes AS mark FROM assessment WHERE id = ?'),
		account: db.prepare<[number], { version: number; mark: string }>('SELECT version, introduction AS mark FROM account WHERE entry_id = ?')
	};
	let checked = 0;
	let lost = 0;
	for (const c of clients) {
		const key = c.kind === 'assessment' ? c.assessmentId! : c.entryId;
		const acks = upTo ? c.acks.slice(0, upTo.get(c)) : c.acks;
		for (const ack of acks) {
			checked++;
			const row = revision[c.kind].get(key, ack.version);
			if (!row || markOf(c, JSON.parse(row.snapshot)) !== ack.mark) lost++;
		}
		const last = c.acks.at(-1);
		const now = current[c.kind].get(key);
		// The saved version may be newer than the last answer: a save committed just as the server died.
		if (!upTo && last && (!now || now.version < last.version || (now.version === last.version && now.mark !== last.mark))) lost++;
	}
	db.close();
	return { checked, lost };
}

/**
 * The server's CPU per request for a save refused at once (no session cookie: 401 before any
 * database read), in a closed loop of a few clients: the part of every save that the HTTP server,
 * SvelteKit and the hooks take whatever the save does.
 */
async function refusedFloor(port: number, server: ChildProcess, who: Client[], seed: BenchSeed): Promise<{ requests: number; msPerRequest: number }> {
	const body = `{"baseVersion":1,"doc":${documentFor(who[0], seed).json}}`;
	const headers = { 'content-type': 'application/json', accept: 'application/json', 'content-length': String(Buffer.byteLength(body)) };
	let left = FLOOR_REQUESTS;
	const loop = async (c: Client) => {
		while (left-- > 0) {
			const res = await request(port, c.agent, 'POST', savePath(c), headers, body);
			if (res.status !== 401) throw new Error(`floor: expected 401, got ${res.status}`);
		}
	};
	const cpu0 = processCpuMs(server.pid!);
	await Promise.all(who.map(loop));
	return { requests: FLOOR_REQUESTS, msPerRequest: (processCpuMs(server.pid!) - cpu0) / FLOOR_REQUESTS };
}

async function main() {
	ensureBuilt(BUILD);
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-autosave-'));
	const databasePath = join(dir, 'bench.db');
	let server: ChildProcess | undefined;
	try {
		const seed = seedAutosaveBench(databasePath, CLIENTS, await hashPassword(PASSWORD), CONTACTS);
		console.log(
			`autosave: ${CLIENTS} examiners and ${CONTACTS} unit contacts, ${seed.criterionIds.length} criteria; per load ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s at ${RATE} ` +
				`and ${SECONDS} s at ${SATURATION_RATE} offered saves/s; node ${process.version}, ${cpus().length} cores; server: node ${serverArgs(BUILD).join(' ')}`
		);
		let port = await freePort();
		server = startServer(port, databasePath);
		await waitReady(port);

		const signInStart = performance.now();
		const people: Person[] = [
			...seed.examiners.map((e) => ({ kind: 'assessment' as const, email: e.email, entryId: e.entryId, assessmentId: e.assessmentId })),
			...seed.contacts.map((c) => ({ kind: 'account' as const, email: c.email, entryId: c.entryId, assessmentId: null }))
		];
		const clients: Client[] = [];
		for (let i = 0; i < people.length; i += 8) {
			clients.push(...(await Promise.all(people.slice(i, i + 8).map((p, k) => signIn(port, p, i + k)))));
		}
		const examiners = clients.filter((c) => c.kind === 'assessment');
		console.log(`signed in ${examiners.length} examiners and ${clients.length - examiners.length} contacts in ${((performance.now() - signInStart) / 1000).toFixed(1)} s`);

		/** One phase of steady load, with the server's CPU per save. */
		const phase = async (name: string, who: Client[], rate: number, seconds: number) => {
			const cpu0 = processCpuMs(server!.pid!);
			const own0 = process.cpuUsage();
			const run = await loadRun(() => port, who, seed, rate, seconds * 1000);
			const cpu = processCpuMs(server!.pid!) - cpu0;
			const own = process.cpuUsage(own0);
			const figures = report(`${name} (${rate}/s offered)`, run);
			// The clients share the machine with the server: a client short of CPU would show as latency too.
			console.log(
				`${name}: the server used ${(cpu / 1000).toFixed(1)} s of CPU, ${(cpu / run.saves).toFixed(2)} ms per save ` +
					`(one core would carry ${((run.saves / cpu) * 1000).toFixed(0)} saves/s), the bench's clients ${((own.user + own.system) / 1e6).toFixed(1)} s; ` +
					`machine load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`
			);
			return { ...figures, cpuMsPerSave: cpu / run.saves };
		};
		/** Warm-up, the target rate and saturation for one load. */
		const load = async (name: string, who: Client[]) => {
			if (WARMUP_SECONDS > 0) await phase(`${name} warm-up`, who, RATE, WARMUP_SECONDS);
			const target = await phase(`${name} target`, who, RATE, SECONDS);
			const saturation = await phase(`${name} saturation`, who, SATURATION_RATE, SECONDS);
			return { target, saturation, met: RATE >= 1000 && saturation.rate >= 1000 && target.p99 <= 50 };
		};
		const baseline = await load('examiners', examiners);
		const mixed = CONTACTS > 0 ? await load('mixed', clients) : null;
		const floor = await refusedFloor(port, server, examiners.slice(0, 20), seed);
		console.log(
			`floor: ${floor.requests} saves refused before any read (no session cookie, 401) cost the server ${floor.msPerRequest.toFixed(2)} ms of CPU each: ` +
				`what a request costs in HTTP, SvelteKit and the hooks before any work starts`
		);
		await stopServer(server);
		const checked = verify(databasePath, clients);
		console.log(`load: ${checked.checked} acknowledged saves compared with the database, ${checked.lost} lost`);

		// The same, with the server killed half-way and started again on the same file.
		for (const c of clients) c.agent.destroy();
		for (const c of clients) c.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		port = await freePort();
		server = startServer(port, databasePath);
		await waitReady(port);
		const before = new Map<Client, number>();
		let killed = false;
		let downMs = 0;
		const crash = await loadRun(() => port, clients, seed, RATE, KILL_SECONDS * 1000, async (elapsed) => {
			if (killed || elapsed < (KILL_SECONDS * 1000) / 2) return;
			killed = true;
			await stopServer(server!, 'SIGKILL');
			// What was acknowledged up to the kill must survive it.
			for (const c of clients) before.set(c, c.acks.length);
			const down = performance.now();
			server = startServer(port, databasePath);
			await waitReady(port);
			downMs = performance.now() - down;
		});
		report('kill', crash);
		await stopServer(server);
		const survived = verify(databasePath, clients, before);
		const all = verify(databasePath, clients);
		console.log(
			`kill: SIGKILL half-way, back after ${(downMs / 1000).toFixed(1)} s; ` +
				`${survived.checked} saves acknowledged before the kill, ${survived.lost} lost; ` +
				`${all.checked} acknowledged in all, ${all.lost} lost`
		);
		const ok = checked.lost === 0 && survived.lost === 0 && all.lost === 0;
		const verdict = (name: string, l: typeof baseline) =>
			`${name}: capacity ${l.saturation.rate.toFixed(0)} saves/s, p99 ${l.target.p99.toFixed(1)} ms at ${RATE}/s offered, target ≥1000 saves/s with p99 ≤ 50 ms ${l.met ? 'met' : 'not met'}`;
		console.log(`result: ${ok ? 'nothing lost' : 'SAVES LOST'}; ${verdict('examiners alone (baseline)', baseline)}`);
		if (mixed) {
			console.log(`result: ${verdict('examiners and contacts', mixed)}`);
			console.log(
				`result: mixed / baseline: capacity ${(mixed.saturation.rate / baseline.saturation.rate).toFixed(2)}×, ` +
					`p50 ${(mixed.target.p50 / baseline.target.p50).toFixed(2)}×, p99 ${(mixed.target.p99 / baseline.target.p99).toFixed(2)}× at ${RATE}/s offered`
			);
		}
		const cpuOf = (l: typeof baseline) => l.target.cpuMsPerSave.toFixed(2);
		console.log(
			`result: server CPU per save at ${RATE}/s offered: examiners ${cpuOf(baseline)} ms${mixed ? `, mixed ${cpuOf(mixed)} ms` : ''}, ` +
				`of which ${floor.msPerRequest.toFixed(2)} ms is the floor of a request refused before any read; ` +
				`${RATE}/s on the server's one thread needs less than ${(1000 / RATE).toFixed(2)} ms`
		);
		if (!ok) process.exitCode = 1;
	} finally {
		if (server) await stopServer(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
