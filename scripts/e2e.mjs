// `npm run test:e2e`: builds the app and runs the Playwright journeys in a local Chromium.
import { spawnSync } from 'node:child_process';
import { chromiumExecutable } from './chromium.mjs';
import { configuredPorts, takenPorts } from './ports.mjs';

if (!chromiumExecutable()) {
	console.error(`
Ingen Chromium hittades för end-to-end-testerna. / No Chromium found for the end-to-end tests.

  Debian/Ubuntu:  sudo apt-get install -y chromium
  With internet:  npx playwright install chromium
  Or point to one: PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chrome npm test
`);
	process.exit(1);
}

const taken = await takenPorts(await configuredPorts());
if (taken.length > 0) {
	const list = taken.join(', ');
	const many = taken.length > 1;
	console.error(`
${many ? 'Portarna' : 'Porten'} ${list} används redan av en annan process, så end-to-end-testernas demoservrar kan inte starta.
${many ? 'Ports' : 'Port'} ${list} ${many ? 'are' : 'is'} already in use, so the end-to-end demo servers cannot start.

  Se vilken / see which:   ss -ltnp | grep -E ':(${taken.join('|')})\\b'   (eller/or: lsof -i :${taken[0]})
  Stoppa den, eller vänta tills en annan körning är klar: flock /tmp/e2e.lock node scripts/e2e.mjs
  Stop it, or wait for another run to finish.
`);
	process.exit(1);
}

const run = (cmd, args) => {
	const result = spawnSync(cmd, args, { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
