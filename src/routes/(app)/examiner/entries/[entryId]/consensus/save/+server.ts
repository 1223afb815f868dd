import type { RequestHandler } from './$types';
import { consensusDocument } from '$lib/server/consensus/document';
import { autosave } from '$lib/server/scoring/versioned-actions';

/** Autosave of the lead's consensus: as the assessment's, on top of the version it is based on. */
export const POST: RequestHandler = (event) => autosave(consensusDocument, event);
