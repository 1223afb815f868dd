import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { db } from '$lib/server/db';
import * as table from '$lib/server/db/schema';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { parseEditForm, postedEdit } from '$lib/server/feedback/edit-form';
import { currentContent, openReport, saveReport, savedState, sendBackNote } from '$lib/server/feedback/reports';
import { earlierImprovements } from '$lib/server/feedback/earlier';

export const load: PageServerLoad = (event) => {
	const access = requireEntry(event, event.params.entryId, 'feedback.draft');
	const report = openReport(access.entry.id, access.user.id);
	const unitName = db().select({ name: table.unit.name }).from(table.unit).where(eq(table.unit.id, access.entry.unitId)).get()!.name;
	if (!report) return { entryId: access.entry.id, unitName, report: null };
	const state = savedState(report);
	return {
		entryId: access.entry.id,
		unitName,
		report: { id: report.id, status: report.status, version: report.version, updatedAt: report.updatedAt, savedBy: state.savedBy },
		content: currentContent(report),
		sentBack: sendBackNote(report),
		// Only ever the unit of the entry the guard let the lead into.
		earlier: earlierImprovements(access.entry.unitId, access.cycle.year)
	};
};

export const actions: Actions = {
	/** The editor without JavaScript: the same save as the autosave, from a plain form. */
	save: async (event) => {
		const access = requireEntry(event, event.params.entryId, 'feedback.draft');
		const form = await readForm(event);
		const m = messagesOf(event.cookies);
		const parsed = parseEditForm(form, m);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: postedEdit(form) });
		const { version, ...edit } = parsed.data;
		const result = saveReport(access.entry.id, version, edit, access.user.id);
		if (result.ok) return { saved: true };
		if (result.reason === 'conflict') return fail(409, { conflict: result.current, values: edit });
		const message =
			result.reason === 'notEditable'
				? m.feedback.editor.errors.notEditable
				: result.reason === 'criteriaMismatch'
					? m.feedback.editor.errors.criteriaMismatch
					: m.errors.notFound;
		return fail(result.reason === 'notEditable' ? 409 : 400, { errors: { _form: message } as Record<string, string>, values: edit });
	}
};
