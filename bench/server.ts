/**
 * What the HTTP benches share: the built app started on a free loopback port against a database,
 * sign-in through the login form, the server's CPU time from /proc, and percentiles.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const HOST = '127.0.0.1';

/** Builds the app into build/ when it is missing there; another folder must already hold a build. */
export function ensureBuilt(buildDir = 'build'): void {
	if (existsSync(join(buildDir, 'index.js'))) return;
	if (buildDir !== 'build') throw new Error(`${buildDir}/index.js saknas: bygg appen dit först`);
	console.log('  build/ saknas: bygger appen …');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * How the benches start the app: `server.js <build>`, as `npm start` does, or `node <build>`
 * (SvelteKit alone, without the direct autosave) when BENCH_SERVER=kit.
 */
export function serverArgs(buildDir: string): string[] {
	return process.env.BENCH_SERVER === 'kit' ? [buildDir] : ['server.js', buildDir];
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, HOST, () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/**
 * `node <buildDir>` on the port, against the database; the app's other folders go in `dataDir`,
 * `env` adds settings, and `stdout: 'pipe'` hands the server's log to the bench.
 */
export function startServer(options: {
	buildDir?: string;
	port: number;
	databasePath: string;
	dataDir?: string;
	env?: Record<string, string>;
	stdout?: 'pipe' | 'ignore';
}): ChildProcess {
	const { buildDir = 'build', port, databasePath, dataDir, env = {}, stdout = 'ignore' } = options;
	const folders = dataDir
		? { FILES_DIR: join(dataDir, 'files'), OUTBOX_DIR: join(dataDir, 'outbox'), IMPORT_STAGING_DIR: join(dataDir, 'staging') }
		: {};
	// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to look inside the server.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	return spawn(process.execPath, [...nodeArgs, ...serverArgs(buildDir)], {
		env: { ...process.env, ...folders, ...env, HOST, PORT: String(port), ORIGIN: `http://${HOST}:${port}`, DATABASE_PATH: databasePath, NODE_ENV: 'production' },
		stdio: ['ignore', stdout, 'inherit']
	});
}

export function stopServer(server: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null || server.signalCode !== null) return resolve();
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
}

export async function waitFor(url: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the server at ${url} did not start`);
}

/** Signs in through the login form, as a browser would, and returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
	return cookie.split(';')[0];
}

/** User + system CPU of a process in ms (Linux /proc; NaN elsewhere). */
export function processCpuMs(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return NaN;
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

/** The nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
