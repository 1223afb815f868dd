/**
 * Reads a V8 CPU profile (`node --cpu-prof`, e.g. the autosave bench's server with BENCH_NODE_ARGS)
 * and prints where the time went: by step of a save (the nearest frame, from the sample up, that
 * is one of the steps below), by file and by function (self time), and by function with what it
 * calls (total time).
 *
 *   npx tsx bench/cpu-profile.ts /tmp/prof/CPU….cpuprofile [--requests N] [--top 30]
 *
 * With --requests, each step's time is also given per request. The profiler samples the clock,
 * not the CPU: on a busy machine a thread waiting to run again after a system call (a socket
 * write that wakes the client) is counted in that call.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** The steps of an autosave, by the functions that make them; the first found from the sample up wins. */
const STEPS: [string, RegExp][] = [
	['sign-in (not a save)', /^(default|signIn|verifyPassword|claimAttempt|homeOf|createSession)$/],
	['session (validateSessionToken, unchangedSession)', /^(validateSessionToken|unchangedSession)$/],
	['rights (readEntry, saveAccess, the account guard)', /^(readEntry|saveAccess|accountHead|accountShape|openness|readViewer|accountTarget)$/],
	['body (readSaveBody: text, JSON.parse, cleanText)', /^(readSaveBody|readJson|parseJson|bodyText)$/],
	['validation (zod)', /^(parseSave|parseAccountSave|validate|safeParse)$/],
	['write (one transaction)', /^(saveAssessment|saveAccount|sqliteTransaction)$/],
	['answer (json, the direct reply)', /^(json|reply)$/]
];

function kindOf(frame: ProfileNode['callFrame']): string {
	const { functionName: fn, url } = frame;
	if (fn === '(garbage collector)') return 'garbage collection';
	if (fn === '(idle)' || fn === '(program)') return fn;
	if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(fn)) return 'socket writes (system calls)';
	if (/undici|webstreams|encoding|abort_controller|blob/.test(url)) return 'Request, Response and streams (undici)';
	if (url.includes('async_hooks')) return 'request context (AsyncLocalStorage)';
	if (url.includes('/hooks.server')) return 'hooks';
	if (/\/(handler|index|utils|routing|shared-server)[-.]|@sveltejs\/kit/.test(url)) return 'SvelteKit';
	if (url.startsWith('node:') || fn === 'runMicrotasks' || fn === 'parse' || fn === 'stringify') return 'node: http, net, events';
	return `other: ${url.split('/').pop() || fn}`;
}

const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? Number(args[i + 1]) : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
	console.error('usage: npx tsx bench/cpu-profile.ts FILE.cpuprofile [--requests N] [--top 30]');
	process.exit(2);
}
const requests = option('--requests');
const top = option('--top') ?? 30;

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map<number, number>();
// Each sample's time is the gap to the next one.
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));

const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
const short = (url: string) => url.replace(/^file:\/\/.*?\/node_modules\//, '').replace(/^file:\/\/.*?\/build\//, 'build/');
const nameOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const bySteps = new Map<string, number>();
const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
const total = new Map<string, number>();
let idle = 0;
for (const [id, us] of selfTime) {
	const n = nodes.get(id)!;
	if (n.callFrame.functionName === '(idle)') {
		idle += us;
		continue;
	}
	let step: string | undefined;
	const seen = new Set<string>();
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const frame = nodes.get(cur)!;
		step ??= STEPS.find(([, re]) => re.test(frame.callFrame.functionName))?.[0];
		const name = nameOf(frame);
		if (!seen.has(name)) add(total, name, us);
		seen.add(name);
	}
	add(bySteps, step ?? kindOf(n.callFrame), us);
	add(byFile, short(n.callFrame.url) || n.callFrame.functionName, us);
	add(byFunction, nameOf(n), us);
}
const signIn = bySteps.get(STEPS[0][0]) ?? 0;
const busy = [...bySteps.values()].reduce((a, b) => a + b, 0) - signIn;
console.log(`${file}: ${(busy / 1e6).toFixed(2)} s busy (without idle, ${(idle / 1e6).toFixed(1)} s, and sign-in, ${(signIn / 1e6).toFixed(1)} s)${requests ? `, ${((busy / requests) | 0)} µs per request` : ''}`);
function show(title: string, m: Map<string, number>, rows: number, perRequest = false) {
	console.log(`\n${title}`);
	for (const [key, us] of [...m].filter(([k]) => k !== STEPS[0][0]).sort((a, b) => b[1] - a[1]).slice(0, rows)) {
		const each = perRequest && requests ? `${(us / requests).toFixed(0).padStart(6)} µs  ` : '';
		console.log(`${((100 * us) / busy).toFixed(1).padStart(6)} %  ${each}${key}`);
	}
}
show('by step of the request', bySteps, 25, true);
show('self time by file', byFile, top);
show('self time by function', byFunction, top);
show('total time by function', total, top);
