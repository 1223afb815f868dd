import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open';
import { useDatabase } from './index';
import { immediately } from './immediate';

const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDatabase() {
	const dir = mkdtempSync(join(tmpdir(), 'utmarkelse-immediate-'));
	dirs.push(dir);
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	useDatabase(db);
	db.$client.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
	return { client: db.$client, path };
}

describe('one immediate transaction around a read and a write', () => {
	it('holds the write lock from its start, so no other writer comes between the read and the write', () => {
		const { client, path } = fileDatabase();
		const other = new Database(path, { timeout: 0 });
		const count = client.prepare<[], { n: number }>('SELECT count(*) AS n FROM note');
		const written = immediately(() => {
			expect(client.inTransaction).toBe(true);
			const before = count.get()!.n;
			expect(() => other.prepare("INSERT INTO note (body) VALUES ('between')").run()).toThrow(/locked|busy/i);
			client.prepare("INSERT INTO note (body) VALUES ('mine')").run();
			return before + 1;
		});
		expect(written).toBe(1);
		expect(other.prepare('SELECT body FROM note').pluck().all()).toEqual(['mine']);
		other.close();
	});

	it('writes nothing when the work throws, and joins a transaction already open', () => {
		const { client } = fileDatabase();
		const insert = client.prepare<[string]>('INSERT INTO note (body) VALUES (?)');
		expect(() =>
			immediately(() => {
				insert.run('half');
				throw new Error('refused');
			})
		).toThrow('refused');
		client.transaction(() => {
			insert.run('outer');
			immediately(() => insert.run('inner'));
		})();
		expect(client.prepare('SELECT body FROM note ORDER BY id').pluck().all()).toEqual(['outer', 'inner']);
	});
});
