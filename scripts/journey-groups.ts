/**
 * Which journeys may run at the same time. Journeys that visit the same demo server share its data,
 * so they run one after another; journeys on servers of their own run beside them. A journey's
 * servers are the ports it names; one that sets no base URL of its own also uses the default server.
 * Read from the files themselves, so a new journey is placed without anyone listing it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface JourneyGroup {
	/** The project's name: its ports, so a report says which servers a failure ran on. */
	name: string;
	files: string[];
}

const PORT_NAMED = /(?:localhost|127\.0\.0\.1):(\d{4,5})/g;
const OWN_BASE_URL = /test\.use\(\{\s*baseURL/;

/** The ports one journey's text names, and the default server's when it sets no base URL of its own. */
export function portsOf(text: string, defaultPort: number): number[] {
	const ports = new Set([...text.matchAll(PORT_NAMED)].map((m) => Number(m[1])));
	if (!OWN_BASE_URL.test(text)) ports.add(defaultPort);
	return [...ports];
}

/** Journeys joined whenever two of them share a port, directly or through a third. */
export function groupByServers(journeys: { file: string; ports: number[] }[]): JourneyGroup[] {
	const parent = journeys.map((_, i) => i);
	const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
	const holder = new Map<number, number>();
	journeys.forEach((j, i) => {
		for (const port of j.ports) {
			const other = holder.get(port);
			if (other === undefined) holder.set(port, i);
			else parent[root(i)] = root(other);
		}
	});
	const groups = new Map<number, { files: string[]; ports: Set<number> }>();
	journeys.forEach((j, i) => {
		const g = groups.get(root(i)) ?? { files: [], ports: new Set<number>() };
		g.files.push(j.file);
		for (const p of j.ports) g.ports.add(p);
		groups.set(root(i), g);
	});
	return [...groups.values()].map((g) => ({ name: `servers ${[...g.ports].sort().join('+')}`, files: g.files.sort() }));
}

/** The journeys of a folder, grouped by the servers they share. */
export function journeyGroups(dir: string, defaultPort: number): JourneyGroup[] {
	const files = readdirSync(dir).filter((f) => f.endsWith('.spec.ts')).sort();
	return groupByServers(files.map((file) => ({ file, ports: portsOf(readFileSync(join(dir, file), 'utf8'), defaultPort) })));
}
