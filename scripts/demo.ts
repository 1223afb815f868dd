/**
 * `npm run demo [-- --phase P] [-- --no-build]`: builds the app, creates a fresh demo database with
 * the 2026 award year standing in phase P, prints the accounts and serves the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open';
import { hashPassword } from '../src/lib/server/auth/password';
import { DEMO_PHASES, seedDemo, type DemoPhase } from '../src/lib/server/demo/seed';

const { values } = parseArgs({
	options: {
		phase: { type: 'string', default: 'assessment' },
		'no-build': { type: 'boolean', default: false },
		'seed-only': { type: 'boolean', default: false }
	}
});
const phase = values.phase as DemoPhase;
if (!DEMO_PHASES.includes(phase)) {
	console.error(`Okänd fas "${values.phase}". Välj en av: ${DEMO_PHASES.join(', ')}.`);
	process.exit(2);
}

const databasePath = process.env.DATABASE_PATH ?? 'data/utmarkelse.db';
const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const password = process.env.DEMO_PASSWORD ?? 'demo-2026';

if (!values['no-build'] && !values['seed-only']) {
	console.log('Bygger appen …');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

// The demo database is made anew each time, so the demo always starts from the same year.
for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
const db = openDatabase(databasePath);
const accounts = seedDemo(db, { phase, passwordHash: await hashPassword(password) });
db.$client.close();

console.log(`\nDemodatabas: ${databasePath} (Kvalitetsutmärkelsen 2026, fas: ${phase})`);
console.log(`Lösenord för alla konton: ${password}\n`);
for (const a of accounts) console.log(`  ${a.email.padEnd(28)} ${a.name} – ${a.role}`);
if (values['seed-only']) process.exit(0);

console.log(`\nUtmärkelse körs på ${origin} (avsluta med Ctrl+C)\n`);
const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: { ...process.env, DATABASE_PATH: databasePath, PORT: port, ORIGIN: origin, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '30M' }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
