import { read } from '$app/server';
import icon from '$lib/assets/favicon.ico';

/**
 * The icon browsers and other tools ask for without reading the page's links. Served here, not
 * from static/, because the static file server names no type for .ico. Public, like the page's
 * own favicon.svg.
 */
export function GET() {
	return new Response(read(icon).body, {
		headers: { 'content-type': 'image/vnd.microsoft.icon', 'cache-control': 'public, max-age=604800' }
	});
}
