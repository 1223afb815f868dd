/**
 * `npm run demo [-- --phase P] [-- --stands-on MM-DD] [-- --no-build] [-- --sso]`: builds the app,
 * creates a fresh demo database with an award year standing in phase P, its dates placed around
 * today, prints the accounts and serves the app. With --stands-on the year is moved so that today
 * is that day of the award year (06-16: two weeks before the minutes deadline) instead of the
 * phase's usual day.
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
import { demoCalendar, templateDay } from '../src/lib/domain/demo-calendar';

const { values } = parseArgs({
	options: {
		phase: { type: 'string', default: 'assessment' },
		'stands-on': { type: 'string' },
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
const standsOn = values['stands-on'] === undefined ? undefined : templateDay(values['stands-on']);
if (standsOn === null) {
	console.error(`Okänd dag "${values['stands-on']}". Skriv månad och dag, till exempel 06-16.`);
	process.exit(2);
}

const databasePath = process.env.DATABASE_PATH ?? 'data/utmarkelse.db';
const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const password = process.env.DEMO_PASSWORD ?? 'demo-2026';

if (!values['no-build'] && !values['seed-only']) {
	process.stdout.write('Bygger appen (hoppa över med --no-build) … ');
	const started = Date.now();
	// SvelteKit and adapter-node print their progress and advice straight to the console, and
	// adapter-node's own bundler its empty-chunk notes, with no setting to quiet them: the build's
	// output is kept, and shown only when the build fails.
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { encoding: 'utf8' });
	if (build.status !== 0) {
		console.log('misslyckades.\n');
		process.stderr.write(build.stdout + build.stderr);
		process.exit(build.status ?? 1);
	}
	console.log(`klart på ${Math.round((Date.now() - started) / 1000)} s.`);
}

// The demo database is made anew each time, so the demo always starts from the same year.
for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
const db = openDatabase(databasePath);
const today = stockholmDay(new Date());
const accounts = seedDemo(db, { phase, passwordHash: await hashPassword(password), today, standsOn });
db.$client.close();

const year = `Kvalitetsutmärkelsen ${demoCalendar(phase, today, standsOn).year}, fas ${phase}`;
console.log(`\nDemodatabasen ${databasePath} är skapad: ${year}.\n\nKonton (lösenord ${password} för alla):`);
for (const a of accounts) console.log(`  ${a.email.padEnd(28)} ${a.name} – ${a.role}`);
if (values['seed-only']) process.exit(0);

const sso = values.sso ? await startSso() : null;

const server = spawn(process.execPath, ['server.js'], {
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

// The address last, once the server answers, so it is the line left on the screen.
if (await answers(`${origin}/login`)) {
	console.log(`\nUtmärkelse körs på ${origin}  (${year}; lösenord ${password}; avsluta med Ctrl+C)\n`);
}

/** Whether the server answers within a minute. */
async function answers(url: string): Promise<boolean> {
	for (let i = 0; i < 240; i++) {
		if (await fetch(url, { redirect: 'manual' }).then(() => true, () => false)) return true;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return false;
}

/** The local provider, and the settings that point the app at it. */
async function startSso() {
	// Loaded only here: oidc-provider warns about the Node version as soon as it is imported.
	const { LOCAL_ACCOUNTS, startLocalProvider } = await import('../src/lib/server/test-support/identity-provider');
	const client = { clientId: 'utmarkelse-demo', clientSecret: crypto.randomUUID(), origin };
	const provider = await startLocalProvider({ port: Number(process.env.SSO_PROVIDER_PORT ?? 3001), client, password });
	console.log(`\nStadskontot (lokal OpenID-leverantör): ${provider.issuer}, lösenord ${password}`);
	for (const a of LOCAL_ACCOUNTS) console.log(`  ${a.login.padEnd(18)} ${a.email}${a.emailVerified ? '' : ' (overifierad)'}`);
	return {
		env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret }
	};
}
