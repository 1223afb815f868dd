/**
 * `npx tsx scripts/production-jobs.ts` (after `npm run build`): shows that the built app runs its
 * jobs off the request thread with nothing but a production install. `build/`, `server.js` and the migrations
 * are copied to a temporary folder whose `node_modules` holds only the production dependencies
 * (linked from this checkout, as `npm ls --omit=dev` lists them), so neither tsx nor `scripts/` is
 * there; the demo year in registration is seeded beside them; `node server.js` is started there; and
 * through its pages the admin runs the team proposal and builds the archive package, both of which
 * are checked. Exits 1 with the reason when anything fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { freePort, signIn, stopServer, waitFor } from '../bench/server';
import { openDatabase } from '../src/lib/server/db/open';
import * as table from '../src/lib/server/db/schema';
import { hashPassword } from '../src/lib/server/auth/password';
import { seedDemo } from '../src/lib/server/demo/seed';
import { stockholmDay } from '../src/lib/domain/dates';
import { unpackAndCheck } from '../src/lib/server/archive/verify';

const PASSWORD = 'demo-2026';
const fail = (reason: string): never => {
	throw new Error(reason);
};
if (!existsSync('build/index.js')) {
	console.error('build/ saknas: kör npm run build först.');
	process.exit(1);
}

const root = mkdtempSync(join(tmpdir(), 'utmarkelse-production-'));
cpSync('build', join(root, 'build'), { recursive: true });
cpSync('server.js', join(root, 'server.js'));
cpSync('drizzle', join(root, 'drizzle'), { recursive: true });
writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
// The production dependencies and theirs: each top-level folder of node_modules that npm lists.
const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' }).stdout.split('\n');
const modules = resolve('node_modules');
const topLevel = new Set(
	listed
		.filter((p) => p.startsWith(modules + '/'))
		.map((p) => relative(modules, p).split('/node_modules/')[0])
		.filter((name) => name !== '.bin')
);
for (const name of topLevel) {
	mkdirSync(join(root, 'node_modules', dirname(name)), { recursive: true });
	symlinkSync(join(modules, name), join(root, 'node_modules', name));
}
if (topLevel.has('tsx')) throw new Error('tsx står bland produktionsberoendena.');

const databasePath = join(root, 'data', 'utmarkelse.db');
const db = openDatabase(databasePath);
seedDemo(db, { phase: 'registration', passwordHash: await hashPassword(PASSWORD), today: stockholmDay(new Date()) });
const cycle = db.select().from(table.cycle).get()!;
db.$client.close();

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const archiveDir = join(root, 'data', 'archive');
const server = spawn(process.execPath, ['server.js'], {
	cwd: root,
	env: {
		PATH: process.env.PATH,
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: origin,
		DATABASE_PATH: databasePath,
		FILES_DIR: join(root, 'data', 'files'),
		ARCHIVE_DIR: archiveDir,
		NODE_ENV: 'production'
	},
	stdio: ['ignore', 'ignore', 'ignore']
});
try {
	await waitFor(`${origin}/login`);
	const cookie = await signIn(origin, 'admin@demo.test', PASSWORD);
	const page = async (path: string) => (await fetch(origin + path, { headers: { cookie } })).text();
	const post = (path: string, form: Record<string, string>) =>
		fetch(origin + path, {
			method: 'POST',
			headers: { cookie, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form),
			redirect: 'manual'
		});
	const until = async (what: string, check: () => Promise<boolean>) => {
		for (let i = 0; i < 240; i++) {
			if (await check()) return;
			await new Promise((r) => setTimeout(r, 500));
		}
		fail(`${what} blev aldrig klart.`);
	};

	const version = /name="version" value="([^"]+)"/.exec(await page('/admin/assignment'))?.[1] ?? fail('teamsidan saknar version');
	const started = await post('/admin/assignment?/propose', { version });
	const answer = await started.text();
	if (!answer.includes('Förslaget tas fram.')) fail(`förslaget startade inte (${started.status}): ${answer.slice(0, 300)}`);
	await until('Förslaget', async () => (await page('/admin/assignment')).includes('Förslaget är klart: 6 lag för 12 av 12 bidrag.'));
	console.log('Förslaget kördes i den byggda appen: 6 lag för 12 av 12 bidrag.');

	await post(`/admin/cycles/${cycle.id}?/archive`, {});
	const file = join(archiveDir, `arkivpaket-${cycle.year}.zip`);
	await until('Arkivpaketet', async () => existsSync(file));
	const problems = unpackAndCheck(readFileSync(file)).problems;
	if (problems.length > 0) fail(`arkivpaketet har fel: ${problems.join('; ')}`);
	console.log(`Arkivpaketet ${basename(file)} byggdes i den byggda appen och stämmer med sitt manifest.`);
	console.log(`Utan tsx: node_modules har ${topLevel.size} produktionspaket och inget tsx.`);
} catch (e) {
	console.error(`Misslyckades: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await stopServer(server);
	rmSync(root, { recursive: true, force: true });
}
