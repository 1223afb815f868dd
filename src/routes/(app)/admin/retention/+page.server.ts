import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { retentionOverview } from '$lib/server/retention/plan';
import { parseRetentionSettings, retentionFormValues, saveRetentionSettings } from '$lib/server/retention/policy';
import { runRetention } from '$lib/server/retention/run';
import { retentionScheduleLabel } from '$lib/server/retention/schedule';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'admin');
	return { cycles: retentionOverview(), schedule: retentionScheduleLabel() };
};

const positive = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);

export const actions: Actions = {
	settings: async (event) => {
		const { user } = requireArea(event, 'admin');
		const form = await readForm(event);
		const m = messagesOf(event.cookies);
		const cycleId = positive(text(form, 'cycleId'));
		const values = retentionFormValues(form);
		const parsed = parseRetentionSettings(values, m);
		if (!parsed.ok) return fail(400, { cycleId, errors: parsed.errors, values });
		const result = saveRetentionSettings({ cycleId, version: Number(text(form, 'version')), settings: parsed.data, actorId: user.id });
		if (!result.ok) {
			return result.error === 'notFound'
				? fail(404, { cycleId, errors: { _form: m.retention.errors.notFound }, values })
				: fail(409, { cycleId, conflict: true, errors: { _form: m.retention.errors.conflict }, values });
		}
		return { cycleId, saved: true };
	},

	run: async (event) => {
		const { user } = requireArea(event, 'admin');
		const form = await readForm(event);
		if (text(form, 'confirm') !== 'yes') return fail(400, { runErrors: { confirm: messagesOf(event.cookies).retention.run.confirmMissing } });
		return { run: runRetention({ actorId: user.id }) };
	}
};
