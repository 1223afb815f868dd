import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { listRevisions } from '$lib/server/scoring/assessments';
import { requireScoring } from '$lib/server/access/guards';
import { readAssessment } from '$lib/server/scoring/save';

/** The examiner's own kept versions, newest first, for the list that opens on the page. */
export const GET: RequestHandler = (event) => {
	const access = requireScoring(event, event.params.entryId);
	const own = readAssessment(access.entry.id, access.user.id, access.criterionIds);
	return json(own && own.status === 'draft' ? listRevisions(own.id) : []);
};
