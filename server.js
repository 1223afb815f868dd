/**
 * The app's server: `npm start`, or `node server.js [build folder]` (default: build/ beside this
 * file). Node's HTTP server hands each request to SvelteKit's handler (adapter-node's handler.js),
 * except an autosave in its steady case, which the app answers on Node's own request
 * (src/lib/server/scoring/direct-autosave.ts) for about a quarter less CPU per save.
 * `node build` runs the same app without that shortcut.
 *
 * Read here: HOST (0.0.0.0), PORT (3000) and SHUTDOWN_TIMEOUT (30 seconds); the app reads the rest
 * (ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER … as adapter-node documents them, and its own).
 */
import http from 'node:http';
import { resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const build = process.argv[2] ? pathToFileURL(resolve(process.argv[2]) + '/') : new URL('./build/', import.meta.url);
// Loading the handler starts the app, whose start offers the direct autosave.
const { handler } = await import(new URL('handler.js', build).href);
const direct = globalThis[Symbol.for('utmarkelse.directAutosave')];

const server = http.createServer((req, res) => {
	// A direct answer decides from the headers whether to take the request; should that throw,
	// nothing of the request has been read and SvelteKit answers it as it would have anyway.
	try {
		if (direct?.(req, res)) return;
	} catch (error) {
		console.error('the direct autosave could not take a request; SvelteKit answers it', error);
	}
	handler(req, res);
});

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// As adapter-node's own server: stop taking requests, let those under way finish (at most
// SHUTDOWN_TIMEOUT seconds) and emit its 'sveltekit:shutdown'; the app's timers do not hold the
// process, so it then ends.
let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000).unref();
}
// Connections kept alive are closed as soon as their request is answered.
server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
