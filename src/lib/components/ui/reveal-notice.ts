/**
 * After a form's answer, its notice is often far from where the person clicked (the submit button
 * at the foot of a long form, the notice at the head of the page). When the first notice of `root`
 * is out of view, it takes the focus, which scrolls it into view and has a screen reader read it.
 * The page draws the answer a few frames after it arrives, so the notice is looked for until then.
 * A page that has moved the focus itself (to a heading, say, as the import's preview does) keeps it.
 */
export function revealNotice(root: HTMLElement | null, frames = 10): void {
	const notice = root?.querySelector<HTMLElement>('.notice[role="status"], .notice[role="alert"]');
	if (!notice) {
		if (frames > 0) requestAnimationFrame(() => revealNotice(root, frames - 1));
		return;
	}
	const active = document.activeElement;
	if (active && active !== document.body && !active.matches('button, input, select, textarea, a')) return;
	const box = notice.getBoundingClientRect();
	if (box.top >= 0 && box.bottom <= window.innerHeight) return;
	if (!notice.hasAttribute('tabindex')) notice.tabIndex = -1;
	notice.focus();
}
