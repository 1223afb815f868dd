// The ports the end-to-end demo servers need, and which of them another process already holds:
// checked before anything is built, so a taken port is named instead of a journey failing later.
import { createServer } from 'node:net';
import { tsImport } from 'tsx/esm/api';

/** Every port playwright.config.ts starts a server on: the app's and a local provider's. */
export async function configuredPorts() {
	const { default: config } = await tsImport('../playwright.config.ts', import.meta.url);
	const servers = [config.webServer ?? []].flat();
	const ports = servers.flatMap((s) => [s.env?.PORT ?? new URL(s.url).port, s.env?.SSO_PROVIDER_PORT]).filter(Boolean);
	return [...new Set(ports.map(Number))];
}

/** The ports of `ports` that cannot be listened on because something else listens there. */
export async function takenPorts(ports) {
	const taken = [];
	for (const port of ports) if (!(await canListen(port))) taken.push(port);
	return taken;
}

function canListen(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, () => server.close(() => resolve(true)));
	});
}
