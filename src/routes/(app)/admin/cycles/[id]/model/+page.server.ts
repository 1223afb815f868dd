import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { requireCycle } from '$lib/server/cycles/lookup';
import { getModel, isModelFrozen, removeClass, removeCriterion, saveClass, saveCriterion, saveScale, type ModelResult } from '$lib/server/cycles/model';
import { classFormValues, criterionFormValues, parseClass, parseCriterion, parseScale, scaleFormValues } from '$lib/server/cycles/model-form';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import type { Messages } from '$lib/i18n';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const cycle = requireCycle(event.params.id);
	return { cycle, frozen: isModelFrozen(cycle.phase), ...getModel(cycle.id) };
};

/** The guard, the cycle, the form and which record it names ('new' adds one). */
async function context(event: RequestEvent, kind: 'class' | 'criterion' | 'scale') {
	const { user } = requireArea(event, 'admin');
	const cycle = requireCycle(event.params.id);
	const form = await readForm(event);
	const rawId = text(form, 'id');
	const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
	const version = /^\d{1,9}$/.test(text(form, 'version')) ? Number(text(form, 'version')) : null;
	const target = kind === 'scale' ? 'scale' : `${kind}-${id ?? 'new'}`;
	return { actorId: user.id, cycleId: cycle.id, cycleVersion: cycle.version, form, id, version, target, m: messagesOf(event.cookies) };
}

/** A refused change: a field message where one fits, otherwise a message for the whole form. */
function refused(result: Exclude<ModelResult, { ok: true }>, m: Messages, target: string, values: Record<string, string>) {
	const e = m.model.errors;
	const errors: Record<string, string> =
		result.error === 'nameTaken'
			? { nameSv: e.nameTaken }
			: result.error === 'keyTaken'
				? { key: e.keyTaken }
				: { _form: result.error === 'classInUse' ? e.classInUse(result.count ?? 0) : e[result.error] };
	const status = result.error === 'conflict' || result.error === 'frozen' ? 409 : 400;
	return fail(status, { target, errors, values });
}

function done(result: ModelResult, m: Messages, target: string, values: Record<string, string>, removed = false) {
	return result.ok ? { target, saved: removed ? 'removed' : 'saved' } : refused(result, m, target, values);
}

export const actions: Actions = {
	saveClass: async (event) => {
		const c = await context(event, 'class');
		const values = classFormValues(c.form);
		const parsed = parseClass(values, c.m);
		if (!parsed.ok) return fail(400, { target: c.target, errors: parsed.errors, values });
		return done(saveClass({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }, parsed.data), c.m, c.target, values);
	},
	removeClass: async (event) => {
		const c = await context(event, 'class');
		if (c.id === null) return fail(400, { target: c.target, errors: { _form: c.m.model.errors.notFound }, values: {} });
		return done(removeClass({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }), c.m, c.target, {}, true);
	},
	saveCriterion: async (event) => {
		const c = await context(event, 'criterion');
		const values = criterionFormValues(c.form);
		const parsed = parseCriterion(values, c.m);
		if (!parsed.ok) return fail(400, { target: c.target, errors: parsed.errors, values });
		return done(saveCriterion({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }, parsed.data), c.m, c.target, values);
	},
	removeCriterion: async (event) => {
		const c = await context(event, 'criterion');
		if (c.id === null) return fail(400, { target: c.target, errors: { _form: c.m.model.errors.notFound }, values: {} });
		return done(removeCriterion({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }), c.m, c.target, {}, true);
	},
	saveScale: async (event) => {
		const c = await context(event, 'scale');
		const values = scaleFormValues(c.form);
		const parsed = parseScale(values, c.m);
		if (!parsed.ok) return fail(400, { target: c.target, errors: parsed.errors, values });
		return done(saveScale({ cycleId: c.cycleId, version: c.version ?? -1, actorId: c.actorId }, parsed.data), c.m, c.target, values);
	}
};
