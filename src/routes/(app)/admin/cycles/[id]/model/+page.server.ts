import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { requireCycle } from '$lib/server/cycles/lookup';
import { getModel, isModelFrozen, removeClass, removeCriterion, saveClass, saveCriterion, saveScale, type ModelResult, type Target } from '$lib/server/cycles/model';
import { classFormValues, criterionFormValues, parseClass, parseCriterion, parseScale, scaleFormValues } from '$lib/server/cycles/model-form';
import { readForm, text } from '$lib/server/http/request';
import type { Validated } from '$lib/server/http/validate';
import { messagesOf } from '$lib/server/http/locale';
import type { Messages } from '$lib/i18n';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	const cycle = requireCycle(event.params.id);
	return { cycle, frozen: isModelFrozen(cycle.phase), ...getModel(cycle.id) };
};

type Kind = 'class' | 'criterion' | 'scale';

/** The guard, the cycle, the form and which record it names ('new' adds one). */
async function context(event: RequestEvent, kind: Kind) {
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

/** A save: the form's fields read and checked, then handed to `save` for the record the form names. */
function saveAction<I>(
	kind: Kind,
	formValues: (form: FormData) => Record<string, string>,
	parse: (values: Record<string, string>, m: Messages) => Validated<I>,
	save: (target: Target, input: I) => ModelResult
) {
	return async (event: RequestEvent) => {
		const c = await context(event, kind);
		const values = formValues(c.form);
		const parsed = parse(values, c.m);
		if (!parsed.ok) return fail(400, { target: c.target, errors: parsed.errors, values });
		return done(save({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }, parsed.data), c.m, c.target, values);
	};
}

/** A removal of the record the form names; a form without one names nothing to remove. */
function removeAction(kind: Kind, remove: (target: Target & { id: number }) => ModelResult) {
	return async (event: RequestEvent) => {
		const c = await context(event, kind);
		if (c.id === null) return fail(400, { target: c.target, errors: { _form: c.m.model.errors.notFound }, values: {} });
		return done(remove({ cycleId: c.cycleId, id: c.id, version: c.version, actorId: c.actorId }), c.m, c.target, {}, true);
	};
}

export const actions: Actions = {
	saveClass: saveAction('class', classFormValues, parseClass, saveClass),
	removeClass: removeAction('class', removeClass),
	saveCriterion: saveAction('criterion', criterionFormValues, parseCriterion, saveCriterion),
	removeCriterion: removeAction('criterion', removeCriterion),
	// The scale is the cycle's own row; a form without a readable version is stale.
	saveScale: saveAction('scale', scaleFormValues, parseScale, (t, input) => saveScale({ cycleId: t.cycleId, version: t.version ?? -1, actorId: t.actorId }, input))
};
