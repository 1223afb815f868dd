// `npm test`: svelte-check, vitest and the Playwright journeys, then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { summarise } from './test-summary.mjs';

const out = 'data/test-report';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const readJson = (path) => {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
};

const checked = run('npm', ['run', 'check']);
const unitOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]);
const e2eOk = run('node', ['scripts/e2e.mjs', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });

const vitest = readJson(`${out}/vitest.json`);
const playwright = readJson(`${out}/playwright.json`);
const summary = summarise([
	{ name: 'svelte-check', ok: checked, counts: null },
	{
		name: 'vitest',
		ok: unitOk,
		counts: vitest && { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests }
	},
	{
		name: 'playwright',
		ok: e2eOk,
		counts: playwright && {
			passed: playwright.stats.expected,
			failed: playwright.stats.unexpected + playwright.stats.flaky,
			skipped: playwright.stats.skipped
		}
	}
]);

console.log(`\n${summary.lines.join('\n')}`);
process.exit(summary.ok ? 0 : 1);
