import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedbackYear } from '../test-support/feedback';
import { runArchiveCommand } from './command';
import { unpackAndCheck } from './verify';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-archive-command-'));
	feedbackYear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
	const log: string[] = [];
	const error: string[] = [];
	const code = await runArchiveCommand(args, { log: (l) => log.push(l), error: (l) => error.push(l) });
	return { code, log, error };
}

describe('npm run archive', { timeout: 60_000 }, () => {
	it('writes the year’s package into the folder, whole and as its manifest says', async () => {
		const done = await run('--year', '2026', join(dir, 'out'));
		expect(done).toMatchObject({ code: 0, error: [] });
		expect(done.log[0]).toMatch(/^Arkivpaketet .*arkivpaket-2026\.zip är klart/);
		expect(unpackAndCheck(readFileSync(join(dir, 'out', 'arkivpaket-2026.zip'))).problems).toEqual([]);
	});

	it('prints its progress as lines of JSON when asked, ending with the file', async () => {
		const done = await run('--year', '2026', '--progress', join(dir, 'named.zip'));
		const lines = done.log.map((l) => JSON.parse(l));
		expect(lines[0]).toEqual({ done: 0, total: expect.any(Number) });
		expect(lines.at(-1)).toEqual({ path: join(dir, 'named.zip'), bytes: readFileSync(join(dir, 'named.zip')).length });
	});

	it('refuses a year without a cycle, a year that is no year, and missing arguments, writing nothing', async () => {
		for (const year of ['2031', '20x6']) {
			const refused = await run('--year', year, join(dir, 'none'));
			expect(refused.code).toBe(2);
			expect(refused.error).toEqual([`Det finns ingen omgång för året "${year}". / There is no cycle for the year "${year}".`]);
		}
		expect((await run(join(dir, 'none'))).code).toBe(2);
		expect((await run('--year', '2026')).code).toBe(2);
		expect((await run('--yr', '2026', join(dir, 'none'))).code).toBe(2);
		expect(existsSync(join(dir, 'none'))).toBe(false);
	});

	it('says so when the destination cannot be written', async () => {
		for (const dest of ['/dev/null/arkiv', '/proc/arkiv/2026']) {
			const refused = await run('--year', '2026', dest);
			expect(refused).toMatchObject({ code: 1, error: [`Det går inte att skriva i ${dest}. / Cannot write to ${dest}.`] });
		}
	});
});
