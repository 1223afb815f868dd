import { onMount } from 'svelte';
import { beforeNavigate } from '$app/navigation';

interface Guarded {
	readonly unsaved: boolean;
	readonly state: string;
	flush(): Promise<boolean>;
	stop(): void;
}

/**
 * Nothing typed is left behind by accident: leaving with unsaved changes asks first (the app's
 * own links through `beforeNavigate`, the browser's through `beforeunload`), and a tab that is
 * hidden saves at once. Call while the editing component initialises.
 */
export function guardUnsaved(save: Guarded, question: () => string): void {
	const pending = () => save.unsaved || save.state === 'saving';
	beforeNavigate(({ cancel, type }) => {
		if (type === 'leave') return; // the browser asks itself, through beforeunload
		if (pending() && !confirm(question())) cancel();
	});
	onMount(() => {
		const hidden = () => {
			if (document.visibilityState === 'hidden') void save.flush();
		};
		const unload = (event: BeforeUnloadEvent) => {
			if (!pending()) return;
			event.preventDefault();
			void save.flush();
		};
		document.addEventListener('visibilitychange', hidden);
		window.addEventListener('beforeunload', unload);
		return () => {
			document.removeEventListener('visibilitychange', hidden);
			window.removeEventListener('beforeunload', unload);
			save.stop();
		};
	});
}
