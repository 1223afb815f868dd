/**
 * `npm run archive -- --year 2026 DEST` (scripts/archive.ts): the archive package of a year without
 * the web interface. DEST is a folder (the package is `arkivpaket-<year>.zip` in it) or a file name
 * ending in `.zip`. With `--progress`, each step is printed as one line of JSON, for a script that
 * follows the build. The server builds its packages without it, as a job (`jobs.ts`).
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getCycleByYear } from '../cycles/lookup';
import { buildArchive, packageFileName } from './build';
import { megabytes } from '../backup/verify';

export interface CommandOutput {
	log(line: string): void;
	error(line: string): void;
}

const USAGE = 'Ange år och mål, t.ex. npm run archive -- --year 2026 /srv/arkiv / Give the year and a destination, e.g. npm run archive -- --year 2026 /srv/archive';

/**
 * Makes the folder and its missing parents one at a time: Node's recursive mkdir never returns on
 * some paths it cannot create (under /proc), where a plain mkdir fails at once.
 */
async function makeFolder(path: string): Promise<void> {
	try {
		await mkdir(path);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return;
		if (code !== 'ENOENT' || dirname(path) === path) throw e;
		await makeFolder(dirname(path));
		await mkdir(path);
	}
}

/** Runs the command; returns the exit code (0 done, 1 failed, 2 wrong arguments). */
export async function runArchiveCommand(args: string[], out: CommandOutput): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' }, progress: { type: 'boolean' } } });
	} catch (e) {
		out.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (positionals.length !== 1 || !values.year) {
		out.error(USAGE);
		return 2;
	}
	const year = Number(values.year);
	const cycle = /^\d{4}$/.test(values.year) ? getCycleByYear(year) : null;
	if (!cycle) {
		out.error(`Det finns ingen omgång för året "${values.year}". / There is no cycle for the year "${values.year}".`);
		return 2;
	}
	const dest = resolve(positionals[0]);
	const target = dest.toLowerCase().endsWith('.zip') ? dest : join(dest, packageFileName(year));
	try {
		await makeFolder(dirname(target));
		await access(dirname(target), constants.W_OK);
	} catch {
		out.error(`Det går inte att skriva i ${dirname(target)}. / Cannot write to ${dirname(target)}.`);
		return 1;
	}
	const started = performance.now();
	try {
		const built = await buildArchive(cycle, target, (p) => {
			if (values.progress) out.log(JSON.stringify(p));
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		if (values.progress) out.log(JSON.stringify({ path: built.path, bytes: built.bytes }));
		else out.log(`Arkivpaketet ${built.path} är klart på ${seconds} s: ${built.manifest.files.length + 1} filer, ${megabytes(built.bytes)}. / The archive package is done.`);
		return 0;
	} catch (e) {
		const message = (e as Error).message;
		if (values.progress) out.log(JSON.stringify({ error: message }));
		out.error(`Arkivpaketet kunde inte skapas / The archive package could not be made: ${message}`);
		return 1;
	}
}
