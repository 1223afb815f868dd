// `npm run test:e2e`: builds the app and runs the Playwright journeys in a local Chromium.
import { spawnSync } from 'node:child_process';
import { chromiumExecutable } from './chromium.mjs';

if (!chromiumExecutable()) {
	console.error(`
Ingen Chromium hittades för end-to-end-testerna. / No Chromium found for the end-to-end tests.

  Debian/Ubuntu:  sudo apt-get install -y chromium
  With internet:  npx playwright install chromium
  Or point to one: PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chrome npm test
`);
	process.exit(1);
}

const run = (cmd, args) => {
	const result = spawnSync(cmd, args, { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
