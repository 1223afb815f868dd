/**
 * One IMMEDIATE transaction on the process's connection around synchronous work, for a request
 * that reads and then writes (the autosave: the guard's read, the version check, the write). Every
 * statement outside a transaction is a transaction of its own, and with WAL each one takes and
 * drops SQLite's read lock with system calls; inside one they share it. IMMEDIATE takes the write
 * lock at the start, so a read here is never outdated by the time the write comes. A transaction
 * already open on the connection is joined (as a savepoint).
 */
import type Database from 'better-sqlite3';
import { db } from './index';
import { forgetWrittenRows } from './written-rows';

const runners = new WeakMap<Database.Database, Database.Transaction<(work: () => unknown) => unknown>>();

export function immediately<T>(work: () => T): T {
	const client = db().$client;
	let run = runners.get(client);
	if (!run) runners.set(client, (run = client.transaction((w: () => unknown) => w())));
	try {
		return run.immediate(work) as T;
	} catch (e) {
		// Rolled back: a save in it may have remembered rows that were never committed.
		forgetWrittenRows(client);
		throw e;
	}
}
