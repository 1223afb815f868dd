// The closing lines of `npm test`, from what each suite reported and how it ended. Pure, so that
// scripts/test-summary.spec.ts can hold it to its rule.

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ name: string, ok: boolean, counts: Counts | null }} SuiteRun
 */

/**
 * Adds up the suites' counts. A suite that ended in failure without a failing test could not start
 * or crashed (a port taken, no browser, svelte-check stopping): it counts as one failed test, so the
 * `Tests:` line never says "0 failed" while something did not run.
 * @param {SuiteRun[]} suites
 * @returns {{ ok: boolean, lines: string[] }}
 */
export function summarise(suites) {
	const total = { passed: 0, failed: 0, skipped: 0 };
	const notRun = [];
	for (const suite of suites) {
		const counts = suite.counts ?? { passed: 0, failed: 0, skipped: 0 };
		total.passed += counts.passed;
		total.failed += counts.failed;
		total.skipped += counts.skipped;
		if (!suite.ok && counts.failed === 0) {
			total.failed += 1;
			notRun.push(suite.name);
		}
	}
	const state = (suite) => (suite.ok ? 'ok' : notRun.includes(suite.name) ? 'DID NOT RUN' : 'FAILED');
	const ended = notRun.length > 0 ? ` (${notRun.join(', ')} did not run to the end, counted as failed)` : '';
	return {
		ok: suites.every((s) => s.ok) && total.failed === 0,
		lines: [
			suites.map((s) => `${s.name}: ${state(s)}`).join('; '),
			`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped${ended}`
		]
	};
}
