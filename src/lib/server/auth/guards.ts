/**
 * The thin adapter between a request and the pure permission rules: every load and action calls
 * one of these, so a right is never only a hidden link.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { mayEnterArea, type Area, type Viewer } from '$lib/domain/permissions';
import { readViewer } from '../access/entry-facts';
import { getCurrentCycle, type Cycle } from '../cycles/lookup';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to sign in that brings them back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

export interface AreaAccess {
	user: SessionUser;
	viewer: Viewer;
	cycle: Cycle | null;
}

/** The user may enter this part of the tool in the current cycle, or gets 403. */
export function requireArea(event: Pick<RequestEvent, 'locals' | 'url'>, area: Area): AreaAccess {
	const user = requireUser(event);
	const viewer = readViewer(user.id);
	const cycle = getCurrentCycle();
	if (!mayEnterArea(viewer, area, cycle?.id ?? null)) forbidden();
	return { user, viewer, cycle };
}

export function forbidden(): never {
	error(403, { message: 'forbidden' });
}
