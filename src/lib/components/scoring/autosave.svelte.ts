/**
 * Autosave for a document edited on a page: saves the whole document shortly after typing stops,
 * one request at a time, always on top of the last version the server acknowledged. A refusal
 * because that version is old stops saving and hands both versions to the conflict view; a
 * network failure retries with back-off. Nothing typed is dropped: the document stays in the page
 * until a save of it is acknowledged.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import type { ActionConflict, Saved, SaveAnswer, SaveConflict } from '$lib/domain/autosave-wire';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'retrying' | 'signedOut' | 'refused' | 'conflict';

export type ConflictInfo<D> = Pick<SaveConflict<D>, 'reason' | 'current'>;

const MAX_BACKOFF_S = 30;

/** What the status line reads, whatever the document. */
export interface SaveStatusSource {
	readonly state: SaveState;
	readonly savedAt: number | null;
	readonly retryIn: number;
	readonly message: string;
	retryNow(): void;
}

export class Autosave<D> implements SaveStatusSource {
	state = $state<SaveState>('saved');
	version = $state(0);
	savedAt = $state<number | null>(null);
	/** Seconds until the next attempt while retrying. */
	retryIn = $state(0);
	message = $state('');
	errors = $state<Record<string, string>>({});
	conflict = $state<ConflictInfo<D> | null>(null);

	#url: string;
	#read: () => D;
	#delay: number;
	#lastJson: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#tick: ReturnType<typeof setInterval> | undefined;
	#attempt = 0;
	#inFlight: Promise<void> | null = null;
	#same: (sent: D, saved: D) => boolean;

	/**
	 * `same` tells whether a saved document is the one sent, as the server keeps it: a save whose
	 * answer was lost (the connection dropped after the commit) comes back as a conflict with our
	 * own text, and is then simply saved.
	 */
	constructor(options: { url: string; version: number; read: () => D; delay?: number; same?: (sent: D, saved: D) => boolean }) {
		this.#url = options.url;
		this.#read = options.read;
		this.#same = options.same ?? ((a, b) => JSON.stringify(a) === JSON.stringify(b));
		this.#delay = options.delay ?? 800;
		this.version = options.version;
		this.#lastJson = JSON.stringify(options.read());
	}

	/** Whether the page holds changes the server has not acknowledged. */
	get unsaved(): boolean {
		return JSON.stringify(this.#read()) !== this.#lastJson;
	}

	/** Call after every change: (re)starts the quiet period after which the document is saved. */
	changed(): void {
		if (this.conflict) return;
		if (!this.unsaved) {
			if (this.state === 'dirty') this.state = 'saved';
			clearTimeout(this.#timer);
			return;
		}
		// A save in flight or a pending retry picks the change up when it finishes.
		if (this.#inFlight || this.state === 'retrying' || this.state === 'signedOut') return;
		this.state = 'dirty';
		this.#schedule(this.#delay);
	}

	/** Saves now whatever is unsaved, and waits; true when everything is saved afterwards. */
	async flush(): Promise<boolean> {
		clearTimeout(this.#timer);
		if (this.#inFlight) await this.#inFlight;
		if (this.unsaved && !this.conflict) await this.#send();
		return !this.unsaved && !this.conflict;
	}

	/** Try again at once, from the status line's button. */
	retryNow(): void {
		this.#attempt = 0;
		void this.#send();
	}

	/**
	 * The person has chosen in the conflict view: from now on saves build on the saved version;
	 * the page then puts the chosen document in place, which `changed` saves if it differs.
	 */
	resolved(saved: Saved<D>): void {
		this.version = saved.version;
		this.#lastJson = JSON.stringify(saved.doc);
		this.conflict = null;
		this.errors = {};
		this.message = '';
		this.state = 'saved';
	}

	/** Opens the conflict view on what the server holds now; `closed` is the status that ends editing. */
	showConflict(theirs: Saved<D> | null, closed: 'submitted' | 'done'): void {
		this.conflict = { reason: theirs?.status === closed ? closed : 'conflict', current: theirs };
		this.state = 'conflict';
	}

	/**
	 * The editor form's enhancement. Every button but the one posting to `finalAction` (submit,
	 * done) only saves through the autosave; that one saves what is pending first and posts on the
	 * version it reached, and a 409 opens the conflict view instead of the page's error.
	 */
	submitter(finalAction: string, closed: 'submitted' | 'done'): SubmitFunction {
		return async ({ action, formData, cancel }) => {
			if (!action.search.includes(finalAction)) {
				cancel();
				await this.flush();
				return;
			}
			if (!(await this.flush())) {
				cancel();
				return;
			}
			formData.set('version', String(this.version));
			return async ({ result, update }) => {
				const refused = result.type === 'failure' && result.status === 409 ? (result.data as Partial<ActionConflict<D>> | undefined) : undefined;
				if (refused?.conflict) {
					this.showConflict(refused.conflict.theirs, closed);
					return;
				}
				await update({ reset: false });
			};
		};
	}

	stop(): void {
		clearTimeout(this.#timer);
		clearInterval(this.#tick);
	}

	#schedule(ms: number): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#send(), ms);
	}

	#send(): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		clearTimeout(this.#timer);
		clearInterval(this.#tick);
		const doc = this.#read();
		const json = JSON.stringify(doc);
		if (json === this.#lastJson || this.conflict) {
			if (!this.conflict) this.state = 'saved';
			return Promise.resolve();
		}
		this.state = 'saving';
		this.#inFlight = this.#post(json).finally(() => {
			this.#inFlight = null;
			if (this.state === 'saved' && this.unsaved) {
				this.state = 'dirty';
				this.#schedule(this.#delay);
			}
		});
		return this.#inFlight;
	}

	async #post(json: string): Promise<void> {
		let answer: SaveAnswer<D>;
		try {
			const response = await fetch(this.#url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				// The SaveRequest written out by hand: the document is JSON already, kept to compare with.
				body: `{"baseVersion":${this.version},"doc":${json}}`
			});
			// The status says what the body is; a body that is not JSON (a proxy's error page) reads as empty.
			answer = { status: response.status, body: await response.json().catch(() => ({})) } as SaveAnswer<D>;
		} catch {
			this.#retry('retrying');
			return;
		}
		if (answer.status === 200) {
			this.version = answer.body.version;
			this.savedAt = answer.body.savedAt;
			this.#lastJson = json;
			this.#attempt = 0;
			this.errors = {};
			this.message = '';
			this.state = 'saved';
		} else if (answer.status === 409 && answer.body.reason === 'conflict' && answer.body.current && this.#same(JSON.parse(json), answer.body.current.doc)) {
			this.version = answer.body.current.version;
			this.#lastJson = json;
			this.#attempt = 0;
			this.state = 'saved';
		} else if (answer.status === 409) {
			this.conflict = { reason: answer.body.reason ?? 'conflict', current: answer.body.current ?? null };
			this.message = answer.body.message ?? '';
			this.state = 'conflict';
		} else if (answer.status === 401) {
			this.message = answer.body.message ?? '';
			this.#retry('signedOut');
		} else if (answer.status >= 400 && answer.status < 500) {
			// Bad input, a closed phase, no access: saving the same again would fail the same way.
			this.message = answer.body.message ?? '';
			this.errors = answer.body.errors ?? {};
			this.state = 'refused';
		} else {
			this.#retry('retrying');
		}
	}

	#retry(state: 'retrying' | 'signedOut'): void {
		this.#attempt += 1;
		const seconds = Math.min(MAX_BACKOFF_S, 2 ** (this.#attempt - 1));
		this.state = state;
		this.retryIn = seconds;
		clearInterval(this.#tick);
		this.#tick = setInterval(() => {
			this.retryIn = Math.max(0, this.retryIn - 1);
		}, 1000);
		this.#schedule(seconds * 1000);
	}
}
