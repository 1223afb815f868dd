/** Small file-system helpers of backup and restore. */
import { open } from 'node:fs/promises';

/** Flushes a folder's entries, so that a rename into it survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
	const folder = await open(dir, 'r');
	await folder.sync().finally(() => folder.close());
}

/** '2026-05-17T10:15:00.123Z' → '20260517T101500Z': part of a backup's or a set-aside file's name. */
export function timeStamp(at: Date): string {
	return at.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}
