/**
 * A folder of its own for the documents each test stores, set as `FILES_DIR` before the test's
 * other `beforeEach` hooks (register it first) and removed after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export function useTempFilesDir(prefix = 'files-'): void {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), prefix));
		process.env.FILES_DIR = dir;
	});
	afterEach(() => {
		rmSync(dir, { recursive: true, force: true });
		delete process.env.FILES_DIR;
	});
}
