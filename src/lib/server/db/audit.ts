import type { Queryable } from './';
import * as table from './schema';

export interface AuditEntry {
	actorId: number | null;
	cycleId?: number | null;
	action: string;
	entityType: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
	reason?: string | null;
}

/** Appends one row to the audit log; call it inside the transaction that makes the change. */
export function appendAudit(q: Queryable, entry: AuditEntry): void {
	q.insert(table.auditLog)
		.values({
			actorId: entry.actorId,
			cycleId: entry.cycleId ?? null,
			action: entry.action,
			entityType: entry.entityType,
			entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
			before: entry.before ?? null,
			after: entry.after ?? null,
			reason: entry.reason ?? null
		})
		.run();
}
