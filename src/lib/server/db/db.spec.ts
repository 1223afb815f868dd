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
});
