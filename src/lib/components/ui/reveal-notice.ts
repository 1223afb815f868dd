/**
 * After a form's answer, its notice is often far from where the person clicked (the submit button
 * at the foot of a long form, the notice at the head of the page). When the first notice of `root`
 * is out of view, it takes the focus, which scrolls it into view and has a screen reader read it.
 */
export function revealNotice(root: HTMLElement | null): void {
	const notice = root?.querySelector<HTMLElement>('.notice[role="status"], .notice[role="alert"]');
	if (!notice) return;
	const box = notice.getBoundingClientRect();
	if (box.top >= 0 && box.bottom <= window.innerHeight) return;
	if (!notice.hasAttribute('tabindex')) notice.tabIndex = -1;
	notice.focus();
}
