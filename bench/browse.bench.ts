/**
 * Browsing as every role: page latency per route on a year about ten times Stockholm's.
 *
 * 1. Seeds a fresh database (./browse-seed.ts): 400 entries in the jury phase, 135 published teams
 *    of three, the jury with ballots, a contact per unit, drafts of this year's feedback reports and
 *    last year's released ones.
 * 2. Starts the built app (`node $BENCH_BUILD_DIR`, default build/, built first if build/ is missing)
 *    on a free loopback port, and signs 50 people in through the real login form: the award office
 *    (3), the chair, four jury members, 12 team leads, 15 examiners and 15 unit contacts.
 * 3. Each person opens a page, reads it for a while (exponential think time, 2 s on average, so the
 *    50 offer about 25 pages/s together; a closed loop, so a slow server is offered less), and
 *    follows a link from it, as a person in that role would: the links are read from the page's HTML
 *    and kept to the app's own pages (GET forms too, such as the jury's comparison; no downloads, no
 *    sign-out, nothing posted), a kind of page is picked before a row of it, kinds this role has
 *    opened least are picked more often so every page a role can reach gets its share, and now and
 *    then the person goes back to their role's home page.
 *    Redirects are followed, each hop timed as a request of its own. Whole pages, as on a first
 *    visit; a browser with the app's script loaded would fetch the data of later pages only.
 * 4. A warm-up of BENCH_WARMUP_SECONDS (15) is printed but not judged; then BENCH_SECONDS (60)
 *    are measured: count, p50, p95 and max per route (ids in the address as the route's parameters,
 *    e.g. /ranking/[classId]/entries/[entryId]) with the answer's size, the server's CPU time per
 *    request (from /proc, read before and after), and every answer that is not 2xx or 3xx.
 *
 * Target: p95 ≤ 50 ms on every route, and no answer outside 2xx/3xx. Exits non-zero when either is
 * missed. BENCH_BUILD_DIR times another build on the same database, e.g. an older version of the app
 * built into a folder inside this checkout (so that it finds node_modules); the addresses and the
 * schema are the same across versions. Run with `npm run bench -- browse`.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { hashPassword } from '../src/lib/server/auth/password';
import { BROWSE_ENTRIES, seedBrowseBench, type BrowseAccounts } from './browse-seed';
import { seededRandom } from '../src/lib/domain/seeded-random';
import { ensureBuilt, freePort, percentile, processCpuMs, signIn, startServer, stopServer, waitFor } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);
const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const THINK_MS = 2_000;
const TARGET_P95_MS = 50;
const PASSWORD = 'bladdring-2026';
/** Chance of going back to the role's home page instead of following a link. */
const HOME_CHANCE = 0.1;
/** Chance of picking the kind of page this role has opened least, rather than any on the page. */
const COVER_CHANCE = 0.5;
const MAX_REDIRECTS = 3;
/** Below this many requests a route's p95 is its maximum, or nearly: said beside the verdict. */
const FEW = 20;

type Role = 'admin' | 'chair' | 'juror' | 'lead' | 'examiner' | 'unit';

/** People signed in per role: a jury-phase day, when the jury and the leads are busiest. */
const MIX: Record<Role, number> = { admin: 3, chair: 1, juror: 4, lead: 12, examiner: 15, unit: 15 };
const HOME: Record<Role, string> = { admin: '/admin', chair: '/jury', juror: '/jury', lead: '/examiner', examiner: '/examiner', unit: '/unit' };

const random = seededRandom(Number(process.env.BENCH_SEED ?? 50));
const thinkMs = () => -Math.log(1 - random()) * THINK_MS;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

interface Route {
	id: string;
	pattern: RegExp;
	params: number;
	page: boolean;
}

interface Person {
	role: Role;
	email: string;
	cookie: string;
	links: string[];
}

interface Sample {
	route: string;
	ms: number;
	status: number;
	bytes: number;
}

/**
 * The app's routes from src/routes, groups left out: pages (+page.svelte) may be followed, endpoints
 * (+server.ts, the downloads) may not. A static segment wins over a parameter, as in SvelteKit.
 */
function appRoutes(dir = 'src/routes', prefix = ''): Route[] {
	const files = readdirSync(dir);
	const routes: Route[] = [];
	const id = prefix || '/';
	if (files.includes('+page.svelte') || files.includes('+server.ts')) {
		const source = id.replace(/[.]/g, '\\.').replace(/\[[^\]]+\]/g, '([^/]+)');
		routes.push({ id, pattern: new RegExp(`^${source}/?$`), params: (id.match(/\[/g) ?? []).length, page: files.includes('+page.svelte') });
	}
	for (const f of files) {
		if (!statSync(join(dir, f)).isDirectory()) continue;
		routes.push(...appRoutes(join(dir, f), /^\(.*\)$/.test(f) ? prefix : `${prefix}/${f}`));
	}
	return routes.sort((a, b) => a.params - b.params);
}

const ROUTES = appRoutes();
const routeOf = (path: string) => ROUTES.find((r) => r.pattern.test(path));

/**
 * The pages a person can go to from this one: same-origin links to the app's pages in its main part
 * (the header's links, home and account, are on every page; a person goes there now and then, see
 * `nextPage`), and its GET forms as sent with some of their boxes ticked (the jury's comparison,
 * the filters); no fragments, no sign-out, no downloads.
 */
function pageLinks(html: string, here: URL): string[] {
	const from = html.indexOf('<main');
	const to = html.lastIndexOf('</main>');
	const main = from >= 0 && to > from ? html.slice(from, to) : html;
	const links = new Set<string>();
	const add = (url: URL) => {
		if (url.origin !== here.origin || !routeOf(url.pathname)?.page || url.pathname.startsWith('/login')) return;
		links.add(url.pathname + url.search);
	};
	for (const [, href] of main.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) add(new URL(decodeEntities(href), here));
	for (const [, attributes, body] of main.matchAll(/<form\s([^>]*)>([\s\S]*?)<\/form>/g)) {
		const form = attributesOf(attributes);
		if (form.method?.toLowerCase() !== 'get') continue;
		const url = new URL(form.action ?? here.pathname, here);
		url.search = '';
		const boxes = new Map<string, string[]>();
		for (const [input] of body.matchAll(/<input\s[^>]*>/g)) {
			const { type, name, value = '' } = attributesOf(input);
			if (!name) continue;
			if (type === 'hidden') url.searchParams.append(name, value);
			if (type === 'checkbox') boxes.set(name, [...(boxes.get(name) ?? []), value]);
		}
		// A row of boxes under one name is a choice of two or three; a single box is a filter, on or off.
		for (const [name, values] of boxes) {
			const ticked = values.length > 1 ? shuffle(values).slice(0, 2 + Math.floor(random() * 2)) : random() < 0.5 ? values : [];
			for (const value of ticked) url.searchParams.append(name, value);
		}
		add(url);
	}
	return [...links];
}

const decodeEntities = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

function attributesOf(tag: string): Record<string, string> {
	return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decodeEntities(value)]));
}

function shuffle<T>(list: T[]): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Pages opened per role and route, over the whole run: what "opened least" counts. */
const opened = new Map<Role, Map<string, number>>();

/** The next page: a link on this one, or now and then the role's home, the start page or the account. */
function nextPage(person: Person, cover: number): string {
	if (person.links.length === 0 || random() < HOME_CHANCE) return random() < 0.8 ? HOME[person.role] : pick(['/', '/account']);
	const byRoute = new Map<string, string[]>();
	for (const link of person.links) {
		const route = routeOf(new URL(link, 'http://x').pathname)!.id;
		byRoute.set(route, [...(byRoute.get(route) ?? []), link]);
	}
	const routes = [...byRoute.keys()];
	const counts = opened.get(person.role)!;
	const route =
		random() < cover
			? routes.reduce((least, r) => ((counts.get(r) ?? 0) < (counts.get(least) ?? 0) ? r : least))
			: pick(routes);
	return pick(byRoute.get(route)!);
}

/** Opens one page as the person, following redirects; every request goes to `record`. */
async function openPage(origin: string, person: Person, path: string, record: (s: Sample) => void): Promise<void> {
	for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
		const url = new URL(path, origin);
		const route = routeOf(url.pathname)?.id ?? `(no route) ${url.pathname}`;
		const counts = opened.get(person.role)!;
		counts.set(route, (counts.get(route) ?? 0) + 1);
		const started = performance.now();
		let status = 0;
		let body = '';
		let location: string | null = null;
		try {
			const response = await fetch(url, { headers: { cookie: person.cookie, accept: 'text/html' }, redirect: 'manual' });
			body = await response.text();
			status = response.status;
			location = response.headers.get('location');
		} catch {
			// Status 0: no answer at all, counted with the failures.
		}
		record({ route, ms: performance.now() - started, status, bytes: body.length });
		if (status >= 300 && status < 400 && location) {
			path = location;
			continue;
		}
		// After a refusal the person goes back, to the links of the page before.
		if (status === 200) person.links = pageLinks(body, url);
		return;
	}
}

function signInList(accounts: BrowseAccounts): { role: Role; email: string }[] {
	const take = (role: Role, emails: string[]) => {
		if (emails.length < MIX[role]) throw new Error(`only ${emails.length} ${role} accounts for ${MIX[role]} people`);
		// Spread over the list, so the leads and examiners are from many classes and teams.
		const step = emails.length / MIX[role];
		return Array.from({ length: MIX[role] }, (_, i) => ({ role, email: emails[Math.floor(i * step)] }));
	};
	return [
		...take('admin', accounts.admins),
		...take('chair', [accounts.chair]),
		...take('juror', accounts.jurors),
		...take('lead', accounts.leads),
		...take('examiner', accounts.examiners),
		...take('unit', accounts.units)
	];
}

/** Count, p50, p95 and max per route, and the median size of its answer; true if every p95 meets the target. */
function report(title: string, samples: Sample[], judged: boolean): boolean {
	const byRoute = new Map<string, Sample[]>();
	for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
	const width = Math.max(...[...byRoute.keys()].map((r) => r.length), 5) + 2;
	const ms = (v: number) => v.toFixed(1).padStart(7);
	const head = `  ${'route'.padEnd(width)}${'count'.padStart(6)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}${'kB'.padStart(6)}`;
	console.log(`${title}\n${head}${judged ? `  p95 ≤ ${TARGET_P95_MS} ms` : ''}`);
	let allMet = true;
	const line = (name: string, rows: Sample[], judge: boolean) => {
		const times = rows.map((r) => r.ms);
		const p95 = percentile(times, 95);
		const met = p95 <= TARGET_P95_MS;
		if (judge) allMet &&= met;
		const verdict = judge ? `  ${met ? 'met' : 'NOT met'}${rows.length < FEW ? ` (only ${rows.length})` : ''}` : '';
		const kB = (percentile(rows.map((r) => r.bytes), 50) / 1024).toFixed(0).padStart(5);
		console.log(`  ${name.padEnd(width)}${String(rows.length).padStart(6)} ${ms(percentile(times, 50))} ${ms(p95)} ${ms(Math.max(...times))} ${kB}${verdict}`);
	};
	for (const [route, rows] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) line(route, rows, judged);
	line('all', samples, false);
	return allMet;
}

async function main() {
	ensureBuilt(BUILD_DIR);
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-browse-'));
	const databasePath = join(dir, 'browse.db');
	let server: ChildProcess | undefined;
	try {
		const seedStarted = performance.now();
		const accounts = seedBrowseBench(databasePath, await hashPassword(PASSWORD));
		const people = signInList(accounts);
		console.log(
			`browse: ${BROWSE_ENTRIES} entries in the jury phase, seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ` +
				`${people.length} people (${Object.entries(MIX).map(([r, n]) => `${n} ${r}`).join(', ')}), ` +
				`a page every ${THINK_MS / 1000} s each on average; build ${BUILD_DIR}; node ${process.version}, ${cpus().length} cores`
		);
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		server = startServer({ buildDir: BUILD_DIR, port, databasePath, dataDir: dir });
		await waitFor(`${origin}/login`);
		const persons: Person[] = [];
		for (const p of people) persons.push({ ...p, cookie: await signIn(origin, p.email, PASSWORD), links: [] });
		for (const role of Object.keys(MIX) as Role[]) opened.set(role, new Map());

		const warmUp: Sample[] = [];
		const measured: Sample[] = [];
		const started = performance.now();
		const warmEnd = started + WARMUP_SECONDS * 1000;
		const end = warmEnd + SECONDS * 1000;
		let cpuBefore = processCpuMs(server.pid!);
		let clientBefore = process.cpuUsage();
		const cpuAtWarmEnd = setTimeout(() => {
			cpuBefore = processCpuMs(server!.pid!);
			clientBefore = process.cpuUsage();
		}, WARMUP_SECONDS * 1000);
		const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, end - performance.now()))));
		await Promise.all(
			persons.map(async (person, i) => {
				// Everyone starts at home, at staggered moments within the first think time.
				await sleep((i / persons.length) * THINK_MS);
				let path = HOME[person.role];
				while (performance.now() < end) {
					const inWarmUp = performance.now() < warmEnd;
					await openPage(origin, person, path, (s) => (inWarmUp ? warmUp : measured).push(s));
					await sleep(thinkMs());
					// The warm-up seeks out what has not been opened, so that each kind of page has been
					// loaded once (the server imports a page's code on its first request) before timing.
					path = nextPage(person, performance.now() < warmEnd ? 1 : COVER_CHANCE);
				}
			})
		);
		clearTimeout(cpuAtWarmEnd);
		const cpuMs = processCpuMs(server.pid!) - cpuBefore;
		const client = process.cpuUsage(clientBefore);
		const clientMs = (client.user + client.system) / 1000;

		if (warmUp.length > 0) report(`warm-up, ${WARMUP_SECONDS} s (not judged): ${warmUp.length} requests`, warmUp, false);
		const met = report(`measured, ${SECONDS} s: ${measured.length} requests = ${(measured.length / SECONDS).toFixed(1)}/s`, measured, true);
		console.log(
			`server CPU: ${(cpuMs / 1000).toFixed(1)} s over ${measured.length} requests = ${(cpuMs / measured.length).toFixed(2)} ms per request ` +
				`(${((cpuMs / (SECONDS * 1000)) * 100).toFixed(0)} % of one core); machine load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ` +
				`this bench's own CPU ${(clientMs / measured.length).toFixed(2)} ms per request`
		);
		const failed = measured.filter((s) => s.status < 200 || s.status >= 400);
		const byStatus = new Map<string, number>();
		for (const s of failed) byStatus.set(`${s.status} ${s.route}`, (byStatus.get(`${s.status} ${s.route}`) ?? 0) + 1);
		console.log(
			`answers outside 2xx/3xx: ${failed.length} (5xx: ${failed.filter((s) => s.status >= 500).length})` +
				[...byStatus].map(([k, n]) => `\n  ${n} × ${k}`).join('')
		);
		const pages = ROUTES.filter((r) => r.page && !r.id.startsWith('/login')).map((r) => r.id);
		const seen = new Set(measured.map((s) => s.route));
		const unopened = pages.filter((r) => !seen.has(r));
		console.log(`pages not opened in the measured run: ${unopened.length ? unopened.join(', ') : 'none'}`);
		console.log(`target p95 ≤ ${TARGET_P95_MS} ms on every route, nothing outside 2xx/3xx: ${met && failed.length === 0 ? 'met' : 'NOT met'}`);
		if (!met || failed.length > 0) process.exitCode = 1;
	} finally {
		if (server) await stopServer(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
