/**
 * The admin's side of the written account on the entry's page: its state, and reopening it or
 * extending the entry's deadline, each with a reason for the audit log.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireArea } from '../auth/guards';
import { messagesOf } from '../http/locale';
import { readForm, text } from '../http/request';
import { idParam } from '../registry/fields';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { isIsoDay } from '$lib/domain/dates';
import { LIMITS } from '$lib/domain/scoring';
import { accountDeadline } from '$lib/domain/account';
import { accountHead } from './store';
import { entryAccountState } from './state';
import { extendAccountDeadline, reopenAccount } from './submit';

/** What the entry's page shows of the account form. */
export function accountAdminView(entryId: number) {
	const head = accountHead(entryId);
	const cycle = db().select({ deadline: table.cycle.accountDeadline }).from(table.entry).innerJoin(table.cycle, eq(table.cycle.id, table.entry.cycleId)).where(eq(table.entry.id, entryId)).get();
	return {
		...entryAccountState(entryId),
		version: head?.version ?? 0,
		extendedTo: head?.extendedTo ?? null,
		deadline: accountDeadline(cycle?.deadline ?? null, head?.extendedTo ?? null)
	};
}

async function begin(event: RequestEvent<{ id: string }>) {
	const { user } = requireArea(event, 'admin');
	const entryId = idParam(event.params.id);
	const form = await readForm(event);
	const m = messagesOf(event.cookies).accountForm.admin;
	const cycleId = db().select({ cycleId: table.entry.cycleId }).from(table.entry).where(eq(table.entry.id, entryId)).get()?.cycleId;
	const reason = text(form, 'reason').slice(0, LIMITS.reason + 1);
	return { user, entryId, form, m, cycleId, reason };
}

export async function reopenAction(event: RequestEvent<{ id: string }>) {
	const b = await begin(event);
	if (b.cycleId === undefined) return fail(404, { accountForm: 'reopen', message: b.m.notSubmitted });
	if (!b.reason || b.reason.length > LIMITS.reason) return fail(400, { accountForm: 'reopen', message: b.m.reasonRequired });
	const out = reopenAccount(b.entryId, b.cycleId, b.user.id, Number(text(b.form, 'version')), b.reason);
	if (!out.ok) return fail(out.reason === 'version' ? 409 : 400, { accountForm: 'reopen', message: out.reason === 'version' ? b.m.version : b.m.notSubmitted });
	return { accountForm: 'reopen', done: b.m.reopened };
}

export async function extendAction(event: RequestEvent<{ id: string }>) {
	const b = await begin(event);
	const day = text(b.form, 'extendedTo');
	if (b.cycleId === undefined) return fail(404, { accountForm: 'extend', message: b.m.dayRequired });
	if (!isIsoDay(day)) return fail(400, { accountForm: 'extend', message: b.m.dayRequired });
	if (!b.reason || b.reason.length > LIMITS.reason) return fail(400, { accountForm: 'extend', message: b.m.reasonRequired });
	extendAccountDeadline(b.entryId, b.cycleId, b.user.id, day, b.reason);
	return { accountForm: 'extend', done: b.m.extended(day) };
}
