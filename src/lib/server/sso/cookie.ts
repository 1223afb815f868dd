import type { Cookies } from '@sveltejs/kit';
import { ATTEMPT_COOKIE, ATTEMPT_LIFETIME_MS } from './flow';

// Only the sign-on's own addresses see it. SameSite=Lax still sends it on the provider's redirect
// back, a top-level GET; a callback forged from another site arrives with it too, but then its
// state does not match (docs/sign-in.md#6-the-flow).
const PATH = '/login/sso';

export function setAttemptCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.set(ATTEMPT_COOKIE, state, {
		httpOnly: true,
		sameSite: 'lax',
		path: PATH,
		secure: url.protocol === 'https:',
		maxAge: ATTEMPT_LIFETIME_MS / 1000
	});
}

/** The state this browser started with, removed from the browser as it is read: it serves once. */
export function takeAttemptCookie(cookies: Cookies): string | undefined {
	const state = cookies.get(ATTEMPT_COOKIE);
	if (state !== undefined) cookies.delete(ATTEMPT_COOKIE, { path: PATH });
	return state;
}
