import type { Actions, PageServerLoad } from './$types';
import { requireScoring } from '$lib/server/access/guards';
import { scoringPage } from '$lib/server/scoring/assessments';
import { answersForScoring } from '$lib/server/account/reading';
import { assessmentDocument, restoredRevision } from '$lib/server/scoring/document';
import * as versioned from '$lib/server/scoring/versioned-actions';

export const load: PageServerLoad = (event) => {
	const access = requireScoring(event, event.params.entryId);
	return { ...scoringPage(access), accountAnswers: answersForScoring(access, access.cycle.id) };
};

export const actions: Actions = {
	/** The "Spara" button without JavaScript, and the list buttons (move, remove) with it off. */
	save: (event) => versioned.save(assessmentDocument, event),
	submit: (event) => versioned.finish(assessmentDocument, event),
	resolve: (event) => versioned.resolve(assessmentDocument, event),
	/** An earlier version, saved again as the newest. */
	restore: (event) => versioned.save(assessmentDocument, event, restoredRevision)
};
