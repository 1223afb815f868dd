/**
 * The autosave's wire format, written once for the save endpoints and the page's client: the page
 * posts the whole document on top of the version it is based on, and the status of the answer
 * says what its body is.
 */

/** A document as the server holds it now. */
export interface Saved<D> {
	version: number;
	status: string;
	doc: D;
}

/** The request's body. */
export interface SaveRequest<D> {
	baseVersion: number;
	doc: D;
}

/** Saved as `version`, at `savedAt` (epoch milliseconds). */
export interface SaveAccepted {
	version: number;
	savedAt: number;
}

/** Not saved: the version sent is old, or the document is closed (submitted, done); what is saved now. */
export interface SaveConflict<D> {
	reason: 'conflict' | 'submitted' | 'done';
	message: string;
	current: Saved<D> | null;
}

/** Not saved, and the same request would fail again; `errors` by field name (`fieldKey`) for bad input. */
export interface SaveRefused {
	message: string;
	errors?: Record<string, string>;
}

/** Each status the endpoints answer with, and its body; 404 is the guard's, for no access. */
export interface SaveBodies<D> {
	200: SaveAccepted;
	400: SaveRefused;
	401: SaveRefused;
	403: SaveRefused;
	404: SaveRefused;
	409: SaveConflict<D>;
	415: SaveRefused;
}

export type SaveAnswer<D> = { [S in keyof SaveBodies<D>]: { status: S; body: SaveBodies<D>[S] } }[keyof SaveBodies<D>];

/** What the page's actions (submit, done, the no-JavaScript save) answer a stale version with. */
export type ActionConflict<D> = {
	message: string;
	conflict: { mine: D; theirs: Saved<D> | null };
};
