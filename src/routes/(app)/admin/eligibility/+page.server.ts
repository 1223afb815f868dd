import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { listCycles, requireCycle } from '$lib/server/cycles/lookup';
import { entryEligibility, hasProblem, overrideEligibility, withdrawEligibilityOverride, type OverrideResult } from '$lib/server/eligibility/eligibility';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const { cycle: current } = requireArea(event, 'admin');
	const asked = event.url.searchParams.get('cycle');
	const cycle = asked ? requireCycle(asked) : current;
	const onlyProblems = event.url.searchParams.get('problems') === '1';
	const cycles = listCycles().map((c) => ({ id: c.id, name: c.name }));
	if (!cycle) return { cycle: null, cycles, onlyProblems, entries: [], total: 0, admitted: 0 };
	const all = entryEligibility(cycle.id);
	return {
		cycle: { id: cycle.id, name: cycle.name, phase: cycle.phase },
		cycles,
		onlyProblems,
		entries: onlyProblems ? all.filter(hasProblem) : all,
		total: all.length,
		admitted: all.filter((e) => e.admitted).length
	};
};

async function input(event: RequestEvent) {
	const { user } = requireArea(event, 'admin');
	const form = await readForm(event);
	const num = (name: string) => (/^\d{1,9}$/.test(text(form, name)) ? Number(text(form, name)) : null);
	const cycleId = num('cycleId');
	const entryId = num('entryId');
	const version = num('version');
	if (cycleId === null || entryId === null || version === null) error(400, messagesOf(event.cookies).errors.badForm);
	return { cycleId, entryId, version, actorId: user.id, reason: text(form, 'reason') };
}

function refused(result: Exclude<OverrideResult, { ok: true }>, event: RequestEvent, entryId: number, reason: string) {
	const message = messagesOf(event.cookies).eligibility.errors[result.error];
	return fail(result.error === 'conflict' ? 409 : 400, { entryId, errors: { _form: message }, values: { reason } });
}

export const actions: Actions = {
	override: async (event) => {
		const i = await input(event);
		const e = messagesOf(event.cookies).eligibility.errors;
		if (i.reason === '') return fail(400, { entryId: i.entryId, errors: { reason: e.reasonRequired }, values: { reason: i.reason } });
		if (i.reason.length > 1000) return fail(400, { entryId: i.entryId, errors: { reason: e.reasonTooLong }, values: { reason: i.reason.slice(0, 1000) } });
		const result = overrideEligibility(i);
		return result.ok ? { entryId: i.entryId, done: 'overridden' as const } : refused(result, event, i.entryId, i.reason);
	},
	withdraw: async (event) => {
		const i = await input(event);
		const result = withdrawEligibilityOverride({ ...i, reason: null });
		return result.ok ? { entryId: i.entryId, done: 'withdrawn' as const } : refused(result, event, i.entryId, '');
	}
};
