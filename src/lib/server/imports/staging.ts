/**
 * Uploaded files wait here, named by their SHA-256, between the preview and the commit: the commit
 * reads the same bytes again and checks them again, so it never trusts what the preview showed.
 * The folder sits beside the database (outside the web root); files older than a day are swept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const SHA256 = /^[0-9a-f]{64}$/;

export function stagingDir(): string {
	if (process.env.IMPORT_STAGING_DIR) return resolve(process.env.IMPORT_STAGING_DIR);
	return join(dirname(resolve(process.env.DATABASE_PATH ?? 'data/utmarkelse.db')), 'import-staging');
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps the bytes for a later commit; returns their SHA-256. */
export function stage(bytes: Uint8Array, now = Date.now()): string {
	const dir = stagingDir();
	mkdirSync(dir, { recursive: true });
	sweep(dir, now);
	const sha = sha256Hex(bytes);
	writeFileSync(join(dir, sha), bytes);
	return sha;
}

/** The staged bytes, or null when the name is not a SHA-256, the file is gone, or it was altered. */
export function readStaged(sha: string): Uint8Array | null {
	if (!SHA256.test(sha)) return null;
	try {
		const bytes = new Uint8Array(readFileSync(join(stagingDir(), sha)));
		return sha256Hex(bytes) === sha ? bytes : null;
	} catch {
		return null;
	}
}

export function discardStaged(sha: string): void {
	if (SHA256.test(sha)) rmSync(join(stagingDir(), sha), { force: true });
}

function sweep(dir: string, now: number): void {
	for (const name of readdirSync(dir)) {
		if (!SHA256.test(name)) continue;
		const path = join(dir, name);
		try {
			if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
		} catch {
			// Another request swept it first.
		}
	}
}
