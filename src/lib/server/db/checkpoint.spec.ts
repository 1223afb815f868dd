import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open';
import { startCheckpointer } from './checkpoint';

const PAGE = 4096;
const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDatabase() {
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-checkpoint-'));
	dirs.push(dir);
	const path = join(dir, 'test.db');
	return { db: openDatabase(path), wal: `${path}-wal` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('checkpoints in a worker thread', () => {
	it('keeps the WAL short under steady writes, with nothing lost, and hands back to SQLite when stopped', async () => {
		const { db, wal } = fileDatabase();
		db.$client.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
		const stop = startCheckpointer(db, { intervalMs: 10, restartFrames: 100 });
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
		const insert = db.$client.prepare('INSERT INTO note (body) VALUES (?)');
		let longest = 0;
		// Writes that never pause for long, as under autosave load: one page or more each.
		for (let i = 0; i < 3000; i++) {
			insert.run('x'.repeat(3000) + i);
			if (i % 10 === 9) await sleep(1);
			longest = Math.max(longest, statSync(wal).size);
		}
		// Without the restarts it grows past 9,000 pages here (to wal_autocheckpoint, 20,000, in all);
		// the bound leaves room for a slow disk making the worker skip a few rounds.
		expect(longest).toBeLessThan(3000 * PAGE);
		await stop();
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		expect(db.$client.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 3000 });
		db.$client.close();
	});

	it('hands back to SQLite when the worker fails (here: cannot open the file)', async () => {
		const { db } = fileDatabase();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		// The request connection keeps the file open; the worker finds it gone.
		rmSync(db.$client.name);
		startCheckpointer(db, { intervalMs: 10 });
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
		for (let i = 0; i < 200 && db.$client.pragma('wal_autocheckpoint', { simple: true }) !== 1000; i++) await sleep(10);
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		expect(logged).toHaveBeenCalledOnce();
		logged.mockRestore();
	});

	it('leaves an in-memory database alone', async () => {
		const db = openDatabase(':memory:');
		const stop = startCheckpointer(db);
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		await stop();
	});
});
