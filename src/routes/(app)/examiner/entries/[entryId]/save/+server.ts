import type { RequestHandler } from './$types';
import { assessmentDocument } from '$lib/server/scoring/document';
import { autosave } from '$lib/server/scoring/versioned-actions';

/** Autosave of the examiner's assessment: the whole document on top of the version it is based on. */
export const POST: RequestHandler = (event) => autosave(assessmentDocument, event);
