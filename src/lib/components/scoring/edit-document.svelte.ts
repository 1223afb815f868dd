import { onMount, untrack } from 'svelte';
import { Autosave } from './autosave.svelte';
import { guardUnsaved } from './unsaved';
import type { ActionConflict } from '$lib/domain/autosave-wire';

/**
 * An editor's autosave as the assessment and consensus editors both wire it: a save after every
 * change of the document, a conflict met by a post without JavaScript handed to the same view as
 * an autosave's, and the guard against leaving with unsaved changes. Call while the editing
 * component initialises; `view.enhanced` turns true once its script runs.
 */
export function editDocument<D>(options: {
	url: string;
	version: number;
	/** The document as the editor holds it now (read deeply, so every change is seen). */
	read: () => D;
	/** The document as the server keeps it, to tell a lost answer from a real conflict. */
	clean: (doc: D) => unknown;
	/** The action's answer the page was rendered with. */
	form: unknown;
	/** The status that closes the document: 'submitted' for an assessment, 'done' for a consensus. */
	closed: 'submitted' | 'done';
	leave: () => string;
}) {
	const save = new Autosave<D>({
		url: options.url,
		version: options.version,
		read: options.read,
		same: (sent, saved) => JSON.stringify(options.clean(sent)) === JSON.stringify(options.clean(saved))
	});
	const view = $state({ enhanced: false });
	$effect(() => {
		JSON.stringify(options.read());
		untrack(() => save.changed());
	});
	onMount(() => {
		view.enhanced = true;
		const posted = (options.form as Partial<ActionConflict<D>> | null)?.conflict;
		if (posted) save.showConflict(posted.theirs, options.closed);
	});
	guardUnsaved(save, options.leave);
	return { save, view };
}
