import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { messagesOf } from '$lib/server/http/locale';
import { requireConsensusLead } from '$lib/server/access/guards';
import { saveConsensus } from '$lib/server/consensus/consensus';
import { fieldErrors, firstMessage, parseConsensusSave, readSaveBody } from '$lib/server/scoring/form';
import { mayWriteConsensus } from '$lib/domain/scoring';

/** Autosave of the lead's consensus: as the assessment's, on top of the version it is based on. */
export const POST: RequestHandler = async (event) => {
	const m = messagesOf(event.cookies).scoring;
	const read = await readSaveBody(event, m.errors, m.save.signedOut);
	if (!read.ok) return read.response;
	const access = requireConsensusLead(event, event.params.entryId);
	if (!mayWriteConsensus(access.viewer, access.facts)) return json({ message: m.errors.phase }, { status: 403 });
	const { criterionIds } = access;
	const parsed = parseConsensusSave(read.body, m.errors, access.cycle.scaleStep, criterionIds);
	if (!parsed.ok) {
		return json({ message: firstMessage(parsed.errors), errors: fieldErrors(parsed.errors, criterionIds) }, { status: 400 });
	}
	const out = saveConsensus(access, parsed.data.baseVersion, parsed.data.doc);
	if (out.ok) return json({ version: out.version, savedAt: out.savedAt });
	if (out.reason === 'incomplete') return json({ message: m.errors.badRequest }, { status: 400 });
	const current = out.current && { version: out.current.version, status: out.current.status, doc: out.current.doc };
	return json({ reason: out.reason, message: out.reason === 'done' ? m.errors.consensusDone : m.errors.conflict, current }, { status: 409 });
};
