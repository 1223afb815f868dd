import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/db';
import * as table from './schema';
import { appendAudit } from './audit';

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
});
