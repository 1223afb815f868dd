/**
 * The headers every answer gets, whether SvelteKit made it (handleHeaders in hooks.server.ts) or
 * the direct autosave (scoring/direct-autosave.ts). The Content-Security-Policy of pages comes from
 * kit.csp and is no part of this.
 */
export function securityHeaders(answer: { signedIn: boolean; https: boolean; cacheControl: string | null }): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'SAMEORIGIN'
	};
	// What a signed-in person saw is kept in no cache, shared or the browser's own; an answer that
	// says how it may be cached (the written accounts, with their ETag) keeps its own rule.
	if (answer.signedIn && answer.cacheControl === null) headers['Cache-Control'] = 'no-store';
	// Behind HTTPS, the browser is told to use nothing else for a year.
	if (answer.https) headers['Strict-Transport-Security'] = 'max-age=31536000';
	return headers;
}
