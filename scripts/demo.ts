/**
 * `npm run demo [-- --phase P] [-- --no-build] [-- --sso]`: builds the app, creates a fresh demo
 * database with an award year standing in phase P, its dates placed around today, prints the accounts and serves the app.
 * With --sso a local OpenID provider runs beside it (on SSO_PROVIDER_PORT, 3001 by default) and
 * the sign-in page offers the city account.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open';
import { hashPassword } from '../src/lib/server/auth/password';
import { DEMO_PHASES, seedDemo, type DemoPhase } from '../src/lib/server/demo/seed';
import { stockholmDay } from '../src/lib/domain/dates';
import { demoCalendar } from '../src/lib/domain/demo-calendar';
import { LOCAL_ACCOUNTS, startLocalProvider } from '../src/lib/server/test-support/identity-provider';

const { values } = parseArgs({
	options: {
		phase: { type: 'string', default: 'assessment' },
		'no-build': { type: 'boolean', default: false },
		'seed-only': { type: 'boolean', default: false },
		sso: { type: 'boolean', default: false }
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
const today = stockholmDay(new Date());
const accounts = seedDemo(db, { phase, passwordHash: await hashPassword(password), today });
db.$client.close();

console.log(`\nDemodatabas: ${databasePath} (Kvalitetsutmärkelsen ${demoCalendar(phase, today).year}, fas: ${phase})`);
console.log(`Lösenord för alla konton: ${password}\n`);
for (const a of accounts) console.log(`  ${a.email.padEnd(28)} ${a.name} – ${a.role}`);
if (values['seed-only']) process.exit(0);

const sso = values.sso ? await startSso() : null;

console.log(`\nUtmärkelse körs på ${origin} (avsluta med Ctrl+C)\n`);
const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		...sso?.env,
		DATABASE_PATH: databasePath,
		PORT: port,
		ORIGIN: origin,
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '30M'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

/** The local provider, and the settings that point the app at it. */
async function startSso() {
	const client = { clientId: 'utmarkelse-demo', clientSecret: crypto.randomUUID(), origin };
	const provider = await startLocalProvider({ port: Number(process.env.SSO_PROVIDER_PORT ?? 3001), client, password });
	console.log(`\nStadskontot (lokal OpenID-leverantör): ${provider.issuer}, lösenord ${password}`);
	for (const a of LOCAL_ACCOUNTS) console.log(`  ${a.login.padEnd(18)} ${a.email}${a.emailVerified ? '' : ' (overifierad)'}`);
	return {
		env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret }
	};
}
