import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireEntry } from '$lib/server/access/guards';
import { messagesOf } from '$lib/server/http/locale';
import { readJson } from '$lib/server/http/request';
import { parseEditJson } from '$lib/server/feedback/edit-form';
import { saveReport } from '$lib/server/feedback/reports';

/** The editor's autosave: 200 with the new version, 409 with the saved state on a conflict. */
export const POST: RequestHandler = async (event) => {
	const access = requireEntry(event, event.params.entryId, 'feedback.draft');
	const m = messagesOf(event.cookies);
	const read = await readJson(event.request);
	if (!read.ok) return json({ errors: { _form: m.errors.badForm } }, { status: 400 });
	const parsed = parseEditJson(read.body, m);
	if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
	const { version, ...edit } = parsed.data;
	const result = saveReport(access.entry.id, version, edit, access.user.id);
	if (result.ok) return json({ version: result.version, updatedAt: result.updatedAt.toISOString() });
	if (result.reason === 'conflict') return json({ current: result.current }, { status: 409 });
	if (result.reason === 'notEditable') return json({ errors: { _form: m.feedback.editor.errors.notEditable } }, { status: 409 });
	if (result.reason === 'criteriaMismatch') return json({ errors: { _form: m.feedback.editor.errors.criteriaMismatch } }, { status: 400 });
	return json({ errors: { _form: m.errors.notFound } }, { status: 404 });
};
