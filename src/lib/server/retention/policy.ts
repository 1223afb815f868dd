/**
 * A cycle's retention settings from the admin's form: checked per kind, saved with the version the
 * form was based on (two admins editing see a conflict, never an overwrite), and logged.
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate, type FieldErrors } from '../http/validate';
import { monthsField, RETENTION_KIND_NAMES, RETENTION_MONTHS, type RetentionSettings } from '$lib/domain/retention';
import type { Messages } from '$lib/i18n';
import { cycleRetentionFacts, cycleRows } from './plan';

export function retentionFormValues(form: FormData): Record<string, string> {
	return Object.fromEntries(RETENTION_KIND_NAMES.map((kind) => [monthsField(kind), String(form.get(monthsField(kind)) ?? '').trim().slice(0, 20)]));
}

export function parseRetentionSettings(values: Record<string, string>, m: Messages): { ok: true; data: RetentionSettings } | { ok: false; errors: FieldErrors } {
	const { min, max } = RETENTION_MONTHS;
	const months = z
		.string()
		.regex(/^\d{1,3}$/, m.retention.errors.months(min, max))
		.transform(Number)
		.refine((n) => n >= min && n <= max, m.retention.errors.months(min, max));
	const schema = z.object(Object.fromEntries(RETENTION_KIND_NAMES.map((kind) => [kind, months])) as Record<keyof RetentionSettings, typeof months>);
	const input = Object.fromEntries(RETENTION_KIND_NAMES.map((kind) => [kind, values[monthsField(kind)] ?? '']));
	return validate(schema, input, (path) => monthsField(String(path[0])));
}

export type SaveSettingsResult = { ok: true } | { ok: false; error: 'notFound' | 'conflict' };

export function saveRetentionSettings(input: { cycleId: number; version: number; settings: RetentionSettings; actorId: number; now?: Date }): SaveSettingsResult {
	return db().transaction((tx) => {
		const cycle = cycleRows(tx).find((c) => c.id === input.cycleId);
		if (!cycle) return { ok: false, error: 'notFound' } as const;
		const current = cycleRetentionFacts(tx, cycle);
		if (current.version !== input.version) return { ok: false, error: 'conflict' } as const;
		const now = input.now ?? new Date();
		const row = { months: input.settings, version: current.version + 1, updatedBy: input.actorId, updatedAt: now };
		if (current.version === 0) tx.insert(table.retentionPolicy).values({ cycleId: cycle.id, ...row }).run();
		else tx.update(table.retentionPolicy).set(row).where(eq(table.retentionPolicy.cycleId, cycle.id)).run();
		appendAudit(tx, {
			actorId: input.actorId,
			cycleId: cycle.id,
			action: 'retention.settings',
			entityType: 'cycle',
			entityId: cycle.id,
			before: current.settings,
			after: input.settings
		});
		return { ok: true } as const;
	});
}
