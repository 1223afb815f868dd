/** Where to send someone after signing in or switching language: a path of this app, never another site. */

// A stand-in origin to resolve against: only what stays on it is a path of this app.
const OWN = 'http://return-path.invalid';

// Browsers drop tabs and line breaks from an address before reading it, so "/\t/host" reaches
// them as "//host"; control characters in a header also fail the response. Refused outright.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The path, if a browser that resolves it lands on this app's own origin; otherwise `fallback`.
 * The answer is the path as the URL standard serialises it (characters outside ASCII
 * percent-encoded), so it always fits a Location header.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || CONTROL.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, OWN);
	} catch {
		return fallback;
	}
	if (url.origin !== OWN) return fallback;
	const path = url.pathname + url.search + url.hash;
	// Dot segments and backslashes can still leave a path that starts with two slashes: another host.
	return path.startsWith('//') ? fallback : path;
}
