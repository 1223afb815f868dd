/**
 * What a sign-in costs the tool: the password sign-in (argon2id verify) as the baseline, beside a
 * single sign-on against the local OpenID provider, the tool's callback alone (code exchange,
 * ID-token check, binding lookup, session) and the whole round trip with the provider's form.
 * The provider runs in this process, so the round trip's time includes its work too.
 * Run with `npx tsx bench/sign-in.bench.ts`.
 */
import { createTestDatabase } from '../src/lib/server/test-support/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import { hashPassword } from '../src/lib/server/auth/password';
import { signIn } from '../src/lib/server/auth/login';
import { startLocalProvider } from '../src/lib/server/test-support/identity-provider';
import { signOnAt, TestBrowser } from '../src/lib/server/test-support/sso-browser';
import { readSsoConfig, useSsoConfig } from '../src/lib/server/sso/config';
import { finishSignIn } from '../src/lib/server/sso/flow';

const RUNS = 21;
const WARM_UP = 3;
const ORIGIN = 'http://localhost:4999';
const PASSWORD = 'bench-password';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function time(name: string, run: () => Promise<number | void>): Promise<number> {
	for (let i = 0; i < WARM_UP; i++) await run();
	const wall: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		// A run may time only its own part and return that.
		const part = await run();
		wall.push(typeof part === 'number' ? part : performance.now() - started);
	}
	const result = median(wall);
	console.log(`${name.padEnd(26)} median ${result.toFixed(1)} ms of ${RUNS} runs (min ${Math.min(...wall).toFixed(1)} ms)`);
	return result;
}

const db = createTestDatabase();
seedDemo(db, { phase: 'jury', passwordHash: await hashPassword(PASSWORD) });
const provider = await startLocalProvider({ port: 0, client: { clientId: 'bench', clientSecret: 'bench-secret', origin: ORIGIN }, password: PASSWORD });
useSsoConfig(readSsoConfig({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'bench', OIDC_CLIENT_SECRET: 'bench-secret' }));

/** One sign-on through the provider's form; returns the milliseconds the tool's callback took. */
async function signOn(): Promise<number> {
	const { callback, state } = await signOnAt(new TestBrowser(ORIGIN), ORIGIN, 'examinator2', PASSWORD);
	const started = performance.now();
	const result = await finishSignIn(callback, state);
	if (!result.ok) throw new Error(result.problem);
	return performance.now() - started;
}

const password = await time('password sign-in', async () => {
	const result = await signIn('examinator2@demo.test', PASSWORD, '10.0.0.1');
	if (!result.ok) throw new Error(result.reason);
});
const callback = await time('single sign-on, callback', signOn);
const roundTrip = await time('single sign-on, round trip', async () => void (await signOn()));
console.log(`ratios to the password sign-in: callback ${(callback / password).toFixed(2)}, round trip ${(roundTrip / password).toFixed(2)}`);
await provider.close();
