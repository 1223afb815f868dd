/**
 * `npm run bench [-- name]`: runs every bench/*.bench.ts (or those whose name contains the filter)
 * one after another, each in its own process, and lets them print their figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const benches = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
	.sort();
if (benches.length === 0) {
	console.error(`Inga benchmarks matchar "${filter}".`);
	process.exit(2);
}
let failed = 0;
for (const file of benches) {
	console.log(`\n=== ${file} ===`);
	const run = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
