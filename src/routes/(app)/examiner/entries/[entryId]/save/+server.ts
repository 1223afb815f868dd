import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { messagesOf } from '$lib/server/http/locale';
import { saveAccess } from '$lib/server/access/guards';
import { saveAssessment } from '$lib/server/scoring/save';
import { fieldErrors, firstMessage, parseAssessmentSave, readSaveBody } from '$lib/server/scoring/form';

/**
 * Autosave: the whole assessment on top of the version it is based on; 409 with what is saved now
 * when that version is old. The guard is `saveAccess`, the prepared-statement twin of the page's,
 * which also lists the criteria the document must cover.
 */
export const POST: RequestHandler = async (event) => {
	const m = messagesOf(event.cookies).scoring;
	const read = await readSaveBody(event, m.errors, m.save.signedOut);
	if (!read.ok) return read.response;
	const userId = event.locals.user!.id;
	const access = saveAccess(userId, Number(event.params.entryId));
	if (!access.ok && access.status === 404) error(404, { message: 'not-found' });
	if (!access.ok) return json({ message: m.errors.phase }, { status: 403 });
	const { criterionIds } = access;
	const parsed = parseAssessmentSave(read.body, m.errors, access.scaleStep, criterionIds);
	if (!parsed.ok) {
		return json({ message: firstMessage(parsed.errors), errors: fieldErrors(parsed.errors, criterionIds) }, { status: 400 });
	}
	const entryId = Number(event.params.entryId);
	const out = saveAssessment(entryId, userId, parsed.data.baseVersion, parsed.data.doc);
	if (out.ok) return json({ version: out.version, savedAt: out.savedAt });
	const current = out.current && { version: out.current.version, status: out.current.status, doc: out.current.doc };
	return json({ reason: out.reason, message: out.reason === 'submitted' ? m.errors.submitted : m.errors.conflict, current }, { status: 409 });
};
