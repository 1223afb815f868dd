import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createTestDatabase } from '../test-support/db';
import * as table from './schema';
import { appendAudit } from './audit';
import { migrationsFolder } from './open';
import { enqueueMail } from '../mail/outbox';

describe('the database', () => {
	it('applies the migrations with foreign keys on', () => {
		const db = createTestDatabase();
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(() =>
			db.insert(table.entry).values({ cycleId: 999, unitId: 999, classId: 999 }).run()
		).toThrow(/FOREIGN KEY/);
	});

	it('keeps the audit log append-only', () => {
		const db = createTestDatabase();
		appendAudit(db, { actorId: null, action: 'test', entityType: 'thing', entityId: 1, before: { a: 1 }, after: { a: 2 } });
		const [row] = db.select().from(table.auditLog).all();
		expect(row.after).toEqual({ a: 2 });
		expect(() => db.update(table.auditLog).set({ action: 'changed' }).run()).toThrow(/append-only/);
		expect(() => db.delete(table.auditLog).run()).toThrow(/append-only/);
		expect(db.select().from(table.auditLog).all()).toHaveLength(1);
	});

	it('refuses every way of rewriting an audit row: REPLACE, UPSERT, UPDATE and DELETE', () => {
		const db = createTestDatabase();
		appendAudit(db, { actorId: null, action: 'decision.recorded', entityType: 'decision', entityId: 7, after: { outcome: 'award' } });
		const [row] = db.select().from(table.auditLog).all();
		const rewrites = [
			`INSERT OR REPLACE INTO audit_log (id, action, entity_type, created_at) VALUES (${row.id}, 'forged', 'decision', 0)`,
			`REPLACE INTO audit_log (id, action, entity_type, created_at) VALUES (${row.id}, 'forged', 'decision', 0)`,
			`INSERT INTO audit_log (id, action, entity_type, created_at) VALUES (${row.id}, 'forged', 'decision', 0)
				ON CONFLICT (id) DO UPDATE SET action = excluded.action`,
			`UPDATE OR REPLACE audit_log SET action = 'forged' WHERE id = ${row.id}`,
			`UPDATE audit_log SET action = 'forged'`,
			`DELETE FROM audit_log`
		];
		for (const statement of rewrites) expect(() => db.$client.exec(statement), statement).toThrow(/append-only|UNIQUE/);
		// With recursive triggers on, as a later change of settings might turn them, REPLACE is still refused.
		db.$client.pragma('recursive_triggers = ON');
		expect(() => db.$client.exec(rewrites[0])).toThrow(/append-only/);
		expect(db.select().from(table.auditLog).all()).toEqual([row]);
		// Appending stays possible.
		appendAudit(db, { actorId: null, action: 'decision.closed', entityType: 'cycle', entityId: 1 });
		expect(db.select().from(table.auditLog).all()).toHaveLength(2);
	});

	it('keeps every queued and sent e-mail through the rebuild that gives each its Message-ID (migration 0009)', () => {
		// The migrations up to 0008, as a database made before this one has them.
		const earlier = mkdtempSync(join(tmpdir(), 'migrations-'));
		try {
			cpSync(migrationsFolder, earlier, { recursive: true });
			const journalPath = join(earlier, 'meta', '_journal.json');
			const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
			journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0009');
			writeFileSync(journalPath, JSON.stringify(journal));
			const db = drizzle(new Database(':memory:'), { schema: table });
			migrate(db, { migrationsFolder: earlier });
			db.$client.exec(`INSERT INTO outbox (to_address, subject, body_text, status, attempts, next_attempt_at, sent_at)
				VALUES ('a@demo.test', 'Rapport', 'Text a', 'queued', 2, 1000, NULL), ('b@demo.test', 'Länk', 'Text b', 'sent', 1, 2000, 3000)`);
			const before = db.$client.prepare('SELECT * FROM outbox ORDER BY id').all();

			migrate(db, { migrationsFolder });
			const after = db.$client.prepare('SELECT * FROM outbox ORDER BY id').all() as { message_id: string }[];
			expect(after.map(({ message_id, ...rest }) => rest)).toEqual(before);
			for (const row of after) expect(row.message_id).toMatch(/^<[0-9a-f]{32}@utmarkelse>$/);
			expect(after[0].message_id).not.toBe(after[1].message_id);
			// New messages go on from the same ids.
			expect(enqueueMail(db, { to: 'c@demo.test', subject: 'Ny', text: 'Text c' })).toBe(3);
		} finally {
			rmSync(earlier, { recursive: true, force: true });
		}
	});
});
