import type { RequestHandler } from './$types';
import { accountDocument } from '$lib/server/account/document';
import { autosave } from '$lib/server/scoring/versioned-actions';

/** Autosave of the unit's written account: the same path and wire format as an assessment's. */
export const POST: RequestHandler = (event) => autosave(accountDocument, event);
