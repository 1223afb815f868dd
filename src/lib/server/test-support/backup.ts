/**
 * Set-ups for the backup tests: the demo year in a database file with its written accounts in a
 * files folder, all in a temporary folder of its own, and a second process that holds a database
 * open as a running server does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type DB } from '../db/open';
import { useDatabase } from '../db/index';
import { seedDemo } from '../demo/seed';

export interface LiveYear {
	root: string;
	databasePath: string;
	filesDir: string;
	db: DB;
	remove(): void;
}

/** The demo year (by default in the assessment phase), on disk, made the process's database and files folder. */
export function liveYear(phase: Parameters<typeof seedDemo>[1]['phase'] = 'assessment'): LiveYear {
	const root = mkdtempSync(join(tmpdir(), 'utmarkelse-backup-'));
	const filesDir = join(root, 'files');
	process.env.FILES_DIR = filesDir;
	const databasePath = join(root, 'live.db');
	const db = openDatabase(databasePath);
	useDatabase(db);
	seedDemo(db, { phase, passwordHash: 'x' });
	return {
		root,
		databasePath,
		filesDir,
		db,
		remove() {
			if (db.$client.open) db.$client.close();
			rmSync(root, { recursive: true, force: true });
		}
	};
}

/** Opens the database in another process, as the server would, and resolves once it is open. */
export function holdInAnotherProcess(databasePath: string): Promise<{ stop(): Promise<void> }> {
	const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/lib/server/test-support/hold-database.ts'), databasePath], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const stop = () =>
		new Promise<void>((done) => {
			if (child.exitCode !== null || child.signalCode !== null) return done();
			child.once('exit', () => done());
			// As a crash would end it: SQLite's locks must go with the process however it ends.
			child.kill('SIGKILL');
		});
	return new Promise((done, fail) => {
		child.stdout.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('open')) done({ stop });
		});
		child.once('exit', (code) => fail(new Error(`the process holding the database ended (exit ${code})`)));
	});
}
